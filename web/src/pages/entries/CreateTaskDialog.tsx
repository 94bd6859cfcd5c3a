import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogEntry } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorAt } from '../../components/RecordFields';

/** Create Task from an entry (R53): description and date default to the entry's and today. */
export function CreateTaskDialog({
  entry,
  onClose,
  onSubmit,
}: {
  entry: LogEntry | null;
  onClose: () => void;
  onSubmit: (body: { description?: string; date?: string }) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [description, setDescription] = useState('');
  const [date, setDate] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setDescription(entry?.description ?? '');
    setDate('');
    setError(null);
  }, [entry]);
  return (
    <Modal opened={entry !== null} onClose={onClose} title={t('actions.createTask')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit({ ...(description.trim() && { description }), ...(date && { date }) }).catch(setError);
        }}
      >
        <Stack>
          {error !== null && !errorAt(error, 'description') && !errorAt(error, 'date') && <ErrorAlert error={error} />}
          <TextInput
            label={t('fields.description')}
            value={description}
            maxLength={100}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errorAt(error, 'description')}
            data-autofocus
          />
          <TextInput
            type="date"
            label={t('fields.date')}
            description={t('common.todayWhenEmpty')}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={errorAt(error, 'date')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit">{t('common.ok')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
