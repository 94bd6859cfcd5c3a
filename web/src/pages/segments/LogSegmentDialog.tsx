import { Alert, Button, Checkbox, Group, Modal, Stack, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey, seg } from '../../api/client';
import { isApiError } from '../../api/problem';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';

export interface LogResult {
  readonly loggedSegmentEntryNo: number;
  readonly noOfInteractions: number;
  readonly followUpSegmentNo: string | null;
}

/** Log (R47): options Send attachments and Create follow-up segment; runs as a job with progress. */
export function LogSegmentDialog({
  segmentNo,
  opened,
  onClose,
  onLogged,
}: {
  segmentNo: string;
  opened: boolean;
  onClose: () => void;
  onLogged: (r: LogResult) => void;
}) {
  const { t } = useTranslation();
  const [send, setSend] = useState(false);
  const [followUp, setFollowUp] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [key] = useState(newIdempotencyKey);

  async function run() {
    setError(null);
    try {
      const res = await api.post<{ jobId: string }>(
        `/segments/${seg(segmentNo)}/log`,
        { sendAttachments: send, createFollowUpSegment: followUp },
        { query: { async: true }, idempotencyKey: key },
      );
      setJobId(res.jobId);
    } catch (e) {
      setError(e);
    }
  }

  const refused = isApiError(error)
    ? ((error.extra.refused as { lineNo: number; contactNo: string; code: string; message: string }[] | undefined) ?? [])
    : [];
  return (
    <Modal opened={opened} onClose={onClose} title={t('segments.log')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        <Checkbox
          label={t('segments.sendAttachments')}
          description={t('segments.sendAttachmentsHint')}
          checked={send}
          onChange={(e) => setSend(e.currentTarget.checked)}
        />
        <Checkbox label={t('segments.followUp')} checked={followUp} onChange={(e) => setFollowUp(e.currentTarget.checked)} />
        {jobId && (
          <JobProgress<LogResult>
            jobId={jobId}
            onDone={(r) => {
              setJobId(null);
              onLogged(r);
            }}
            onFail={(e) => {
              setJobId(null);
              setError(e);
            }}
          />
        )}
        <ErrorAlert error={error} />
        {refused.length > 0 && (
          <Alert color="red" title={t('segments.refusedLines')}>
            <Table>
              <Table.Tbody>
                {refused.map((r) => (
                  <Table.Tr key={r.lineNo}>
                    <Table.Td>{r.lineNo}</Table.Td>
                    <Table.Td>{r.contactNo}</Table.Td>
                    <Table.Td>{r.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void run()} loading={jobId !== null}>
            {t('segments.log')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
