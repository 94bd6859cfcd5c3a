import { Alert, Button, Checkbox, FileInput, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { isApiError } from '../../api/problem';
import type { ImportResult } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { PageHeader } from '../../components/PageHeader';

interface RowError {
  readonly line: string;
  readonly column: string;
  readonly message: string;
}

/** `lines.3.email` → line 3, column email (api.md §2). */
function rowErrors(e: unknown): RowError[] {
  if (!isApiError(e)) return [];
  return e.errors
    .filter((x) => x.path.startsWith('lines.'))
    .map((x) => {
      const [, line = '', ...col] = x.path.split('.');
      return { line, column: col.join('.'), message: x.message };
    });
}

/** Import contacts from a CSV file, with its report (api.md §5.1 Import). */
export function ImportContactsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function run() {
    if (!file) return;
    setError(null);
    setResult(null);
    try {
      const res = await api.post<{ jobId: string }>('/contacts/import', undefined, {
        raw: file,
        rawType: 'text/csv',
        query: { skipInvalid, async: true },
      });
      setJobId(res.jobId);
    } catch (e) {
      setError(e);
    }
  }

  const lines = rowErrors(error);
  return (
    <>
      <PageHeader title={t('pages.importContacts')} />
      <Paper withBorder p="md" maw={760}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <Stack>
            <Text size="sm" c="dimmed">
              {t('import.intro')}
            </Text>
            <FileInput
              label={t('import.file')}
              placeholder={t('guide.chooseFile')}
              accept=".csv,text/csv"
              value={file}
              onChange={setFile}
              required
              clearable
            />
            <Checkbox label={t('import.skipInvalid')} checked={skipInvalid} onChange={(e) => setSkipInvalid(e.currentTarget.checked)} />
            {jobId && (
              <JobProgress<ImportResult>
                jobId={jobId}
                onDone={(r) => {
                  setJobId(null);
                  setResult(r);
                }}
                onFail={(e) => {
                  setJobId(null);
                  setError(e);
                }}
              />
            )}
            {error !== null && <ErrorAlert error={error} />}
            {lines.length > 0 && <ErrorTable rows={lines} />}
            {result && (
              <Alert color={result.skipped > 0 ? 'yellow' : 'green'} role="status">
                {t('import.done', { imported: result.imported, skipped: result.skipped })}
              </Alert>
            )}
            {result && result.errors.length > 0 && (
              <ErrorTable rows={result.errors.map((e) => ({ line: String(e.line), column: '', message: e.message }))} />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => navigate('/contacts')}>
                {t('pages.contacts')}
              </Button>
              <Button type="submit" disabled={!file} loading={jobId !== null}>
                {t('import.run')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}

function ErrorTable({ rows }: { rows: readonly RowError[] }) {
  const { t } = useTranslation();
  return (
    <Table aria-label={t('import.errors')} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('import.line')}</Table.Th>
          <Table.Th>{t('import.column')}</Table.Th>
          <Table.Th>{t('import.message')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r, i) => (
          <Table.Tr key={i}>
            <Table.Td>{r.line}</Table.Td>
            <Table.Td>{r.column}</Table.Td>
            <Table.Td>{r.message}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
