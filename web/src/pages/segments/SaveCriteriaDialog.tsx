import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, seg } from '../../api/client';
import type { SavedCriteria } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorAt } from '../../components/RecordFields';

/** Save Criteria (as BC): the segment's criteria history kept under a code, to be reused on other segments. */
export function SaveCriteriaDialog({
  segmentNo,
  opened,
  onClose,
  onSaved,
}: {
  segmentNo: string;
  opened: boolean;
  onClose: () => void;
  onSaved: (c: SavedCriteria) => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const codeError = errorAt(error, 'code', 'code');
  const descriptionError = errorAt(error, 'description');

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      onSaved(
        await api.post<SavedCriteria>(`/segments/${seg(segmentNo)}/save-criteria`, {
          code,
          ...(description.trim() && { description }),
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('segments.saveCriteria')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          {/* a refusal about the segment (no criteria to save) has no field: it shows on top */}
          {error !== null && !codeError && !descriptionError && <ErrorAlert error={error} />}
          <TextInput
            label={t('fields.code')}
            value={code}
            maxLength={20}
            withAsterisk
            onChange={(e) => setCode(e.currentTarget.value.toUpperCase())}
            error={codeError}
            data-autofocus
          />
          <TextInput
            label={t('fields.description')}
            value={description}
            maxLength={100}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={descriptionError}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('common.ok')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
