import { Button, Group, Modal, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, seg } from '../../api/client';
import type { Page, SegmentLanguage } from '../../api/types';
import { AttachmentActions } from '../../components/AttachmentActions';
import { CodeSelect } from '../../components/CodeSelect';
import { useConfirm } from '../../components/confirm';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../hooks/use-load';

/** The segment's language rows with their attachments (R42). */
export function SegmentLanguagesDialog({
  segmentNo,
  opened,
  canWrite,
  onClose,
  onChanged,
}: {
  segmentNo: string;
  opened: boolean;
  canWrite: boolean;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const base = `/segments/${seg(segmentNo)}/languages`;
  const rows = useLoad<Page<SegmentLanguage>>(opened ? base : null, (s) => api.get(base, { limit: 500 }, s));
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const changed = () => {
    rows.reload();
    onChanged();
  };
  async function attempt(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      changed();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('actions.languages')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <ErrorAlert error={error ?? rows.error} onClose={() => setError(null)} />
      <Table aria-label={t('actions.languages')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.languageCode')}</Table.Th>
            <Table.Th>{t('fields.description')}</Table.Th>
            <Table.Th>{t('fields.subject')}</Table.Th>
            <Table.Th>{t('fields.attachment')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(rows.data?.items ?? []).map((r) => (
            <Table.Tr key={r.languageCode}>
              <Table.Td>{r.languageCode}</Table.Td>
              <Table.Td>{r.description}</Table.Td>
              <Table.Td>{r.subject}</Table.Td>
              <Table.Td>
                <AttachmentActions
                  attachmentId={r.attachmentId}
                  path={`${base}/${seg(r.languageCode)}/attachment`}
                  canWrite={canWrite}
                  name={r.languageCode}
                  onChanged={changed}
                />
              </Table.Td>
              <Table.Td>
                {canWrite && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() =>
                      void confirm({ message: t('common.deleteOne', { key: r.languageCode }), danger: true, defaultNo: true }).then(
                        (ok) => {
                          if (ok) void attempt(() => api.delete(`${base}/${seg(r.languageCode)}`));
                        },
                      )
                    }
                  >
                    {t('common.delete')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canWrite && (
        <Group align="flex-end" mt="sm">
          <CodeSelect kind="languages" label={t('fields.languageCode')} value={code} onChange={setCode} />
          <Button disabled={!code} onClick={() => void attempt(() => api.post(base, { languageCode: code })).then(() => setCode(null))}>
            {t('common.add')}
          </Button>
        </Group>
      )}
    </Modal>
  );
}
