import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, seg } from '../../api/client';
import type { Page, ReuseCriteriaResult, SavedCriteria } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorAt } from '../../components/RecordFields';
import { useLoad } from '../../hooks/use-load';

/** Reuse Criteria (as BC): saved criteria applied to the segment, each action added to its history. */
export function ReuseCriteriaDialog({
  segmentNo,
  opened,
  onClose,
  onReused,
}: {
  segmentNo: string;
  opened: boolean;
  onClose: () => void;
  onReused: (r: ReuseCriteriaResult) => void;
}) {
  const { t } = useTranslation();
  const saved = useLoad<Page<SavedCriteria>>(opened ? '/saved-criteria' : null, (s) => api.get('/saved-criteria', { limit: 500 }, s));
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const items = saved.data?.items ?? [];
  const chosen = items.find((c) => c.code === code);
  const codeError = errorAt(error, 'code');

  async function submit() {
    if (!code) return;
    setBusy(true);
    setError(null);
    try {
      onReused(await api.post<ReuseCriteriaResult>(`/segments/${seg(segmentNo)}/reuse-criteria`, { code }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('segments.reuseCriteria')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <ErrorAlert error={saved.error} />
          {error !== null && !codeError && <ErrorAlert error={error} />}
          <Select
            label={t('segments.savedCriteria')}
            placeholder={saved.data && items.length === 0 ? t('segments.noSavedCriteria') : undefined}
            description={chosen ? t('segments.savedCriteriaInfo', { count: chosen.noOfActions, user: chosen.userId }) : undefined}
            data={items.map((c) => ({ value: c.code, label: c.description ? `${c.code} · ${c.description}` : c.code }))}
            value={code}
            onChange={setCode}
            error={codeError}
            searchable
            withAsterisk
            nothingFoundMessage={t('common.nothingFound')}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!code}>
              {t('common.ok')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
