import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { errorAt } from '../../components/RecordFields';

/** Delete Canceled Logged Segments (R50): entry range and segment, then the number deleted. */
export function DeleteCanceledLoggedSegmentsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [from, setFrom] = useState<number | string>('');
  const [to, setTo] = useState<number | string>('');
  const [segmentNo, setSegmentNo] = useState('');
  const [deleted, setDeleted] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    setError(null);
    setDeleted(null);
    try {
      const res = await api.post<{ deleted: number }>('/logged-segments/delete-canceled', {
        ...(from !== '' && { entryNoFrom: Number(from) }),
        ...(to !== '' && { entryNoTo: Number(to) }),
        ...(segmentNo.trim() && { segmentNo }),
      });
      setDeleted(res.deleted);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title={t('pages.deleteCanceledLoggedSegments')} />
      <Paper withBorder p="md" maw={640}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberInput
                label={t('fields.entryNoFrom')}
                value={from}
                onChange={setFrom}
                min={1}
                allowDecimal={false}
                error={errorAt(error, 'entryNoFrom')}
              />
              <NumberInput
                label={t('fields.entryNoTo')}
                value={to}
                onChange={setTo}
                min={1}
                allowDecimal={false}
                error={errorAt(error, 'entryNoTo')}
              />
              <TextInput
                label={t('fields.segmentNo')}
                value={segmentNo}
                onChange={(e) => setSegmentNo(e.currentTarget.value.toUpperCase())}
                error={errorAt(error, 'segmentNo')}
              />
            </SimpleGrid>
            {error !== null && !['entryNoFrom', 'entryNoTo', 'segmentNo'].some((n) => errorAt(error, n)) && <ErrorAlert error={error} />}
            {deleted !== null && (
              <Alert color="green" role="status">
                {t('loggedSegments.deleted', { count: deleted })}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => navigate('/logged-segments')}>
                {t('common.close')}
              </Button>
              <Button type="submit" color="red" loading={busy}>
                {t('common.ok')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
