import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { CodeSelect } from '../../components/CodeSelect';
import { ContactSelect } from '../../components/ContactSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { PageHeader } from '../../components/PageHeader';
import { errorAt } from '../../components/RecordFields';
import { DELETE_CANCELED_FILTERS } from './entry-filters';

type Values = Record<string, string>;

/**
 * Delete Canceled Interaction Log Entries (R27): the request page with its filters, then the
 * number deleted. It runs as a job so that a large run shows its progress.
 */
export function DeleteCanceledPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [values, setValues] = useState<Values>(() =>
    Object.fromEntries(DELETE_CANCELED_FILTERS.map((s) => [s.name, params.get(s.name) ?? ''])),
  );
  const [jobId, setJobId] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const set = (name: string, v: string | null) => setValues((x) => ({ ...x, [name]: v ?? '' }));

  async function run() {
    setError(null);
    setDeleted(null);
    const body: Record<string, string | number> = {};
    for (const s of DELETE_CANCELED_FILTERS) {
      const v = values[s.name];
      if (v) body[s.name] = s.kind === 'int' ? Number(v) : v;
    }
    try {
      const res = await api.post<{ jobId: string }>('/interaction-log-entries/delete-canceled', body, { query: { async: true } });
      setJobId(res.jobId);
    } catch (e) {
      setError(e);
    }
  }

  const input = (name: string) => {
    const label = t(`fields.${name}`);
    const err = errorAt(error, name);
    const v = values[name] ?? '';
    const spec = DELETE_CANCELED_FILTERS.find((s) => s.name === name)!;
    if (spec.kind === 'int')
      return (
        <NumberInput
          key={name}
          label={label}
          value={v}
          onChange={(n) => set(name, n === '' ? null : String(n))}
          min={1}
          allowDecimal={false}
          error={err}
        />
      );
    if (spec.kind === 'date')
      return <TextInput key={name} type="date" label={label} value={v} onChange={(e) => set(name, e.currentTarget.value)} error={err} />;
    if (spec.kind === 'contact')
      return <ContactSelect key={name} label={label} value={v || null} onChange={(no) => set(name, no)} error={err} />;
    if (spec.kind === 'lookup')
      return <CodeSelect key={name} kind={spec.lookup} label={label} value={v || null} onChange={(c) => set(name, c)} error={err} />;
    return null;
  };

  return (
    <>
      <PageHeader title={t('pages.deleteCanceledEntries')} />
      <Paper withBorder p="md" maw={760}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <Stack>
            <Text size="sm" c="dimmed">
              {t('deleteCanceled.intro')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>{DELETE_CANCELED_FILTERS.map((s) => input(s.name))}</SimpleGrid>
            {error !== null && !DELETE_CANCELED_FILTERS.some((s) => errorAt(error, s.name)) && <ErrorAlert error={error} />}
            {jobId && (
              <JobProgress<{ deleted: number }>
                jobId={jobId}
                onDone={(r) => {
                  setJobId(null);
                  setDeleted(r.deleted);
                }}
                onFail={(e) => {
                  setJobId(null);
                  setError(e);
                }}
              />
            )}
            {deleted !== null && (
              <Alert color="green" role="status">
                {t('deleteCanceled.done', { count: deleted })}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => navigate(-1)}>
                {t('common.close')}
              </Button>
              <Button type="submit" color="red" loading={jobId !== null}>
                {t('common.ok')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
