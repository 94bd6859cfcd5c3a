import { ActionIcon, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconCheck, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Comment, Page } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorAt } from '../../components/RecordFields';
import { useFormat } from '../../format/format';
import { useLoad } from '../../hooks/use-load';

/** The comment lines of one entry (R26): add, change and delete, or read them as a viewer. */
export function CommentsDialog({
  entryNo,
  canWrite,
  onClose,
  onChanged,
}: {
  entryNo: number | null;
  canWrite: boolean;
  onClose: () => void;
  onChanged?: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const path = entryNo === null ? null : `/interaction-log-entries/${entryNo}/comments`;
  const lines = useLoad<Page<Comment>>(path, (s) => api.get(path!, { limit: 500 }, s));
  const [text, setText] = useState('');
  const [date, setDate] = useState('');
  const [editing, setEditing] = useState<{ lineNo: number; comment: string } | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      lines.reload();
      onChanged?.();
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  }

  return (
    <Modal
      opened={entryNo !== null}
      onClose={onClose}
      title={t('entries.commentsOf', { entryNo })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        {error !== null && !errorAt(error, 'comment') && <ErrorAlert error={error} />}
        <Table aria-label={t('actions.comments')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={120}>{t('fields.date')}</Table.Th>
              <Table.Th>{t('fields.comment')}</Table.Th>
              {canWrite && <Table.Th w={90}>{t('common.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(lines.data?.items ?? []).map((c) => (
              <Table.Tr key={c.lineNo}>
                <Table.Td>{f.date(c.date)}</Table.Td>
                <Table.Td>
                  {editing?.lineNo === c.lineNo ? (
                    <TextInput
                      aria-label={t('fields.comment')}
                      value={editing.comment}
                      maxLength={80}
                      onChange={(e) => setEditing({ lineNo: c.lineNo, comment: e.currentTarget.value })}
                    />
                  ) : (
                    c.comment
                  )}
                </Table.Td>
                {canWrite && (
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      {editing?.lineNo === c.lineNo ? (
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('common.save')}
                          onClick={() =>
                            void run(() => api.patch(`${path}/${c.lineNo}`, { comment: editing.comment })).then(
                              (ok) => ok && setEditing(null),
                            )
                          }
                        >
                          <IconCheck size={16} aria-hidden />
                        </ActionIcon>
                      ) : (
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('entries.editComment', { lineNo: c.lineNo })}
                          onClick={() => setEditing({ lineNo: c.lineNo, comment: c.comment })}
                        >
                          <IconPencil size={16} aria-hidden />
                        </ActionIcon>
                      )}
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('entries.deleteComment', { lineNo: c.lineNo })}
                        onClick={() => void run(() => api.delete(`${path}/${c.lineNo}`))}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {lines.data?.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('entries.noComments')}
          </Text>
        )}
        {canWrite && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void run(() => api.post(path!, { comment: text, ...(date && { date }) })).then((ok) => {
                if (ok) {
                  setText('');
                  setDate('');
                }
              });
            }}
          >
            <Group align="flex-end">
              <TextInput
                style={{ flex: 1 }}
                label={t('entries.newComment')}
                value={text}
                maxLength={80}
                onChange={(e) => setText(e.currentTarget.value)}
                error={errorAt(error, 'comment')}
              />
              <TextInput type="date" label={t('fields.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} w={160} />
              <Button type="submit">{t('common.add')}</Button>
            </Group>
          </form>
        )}
      </Stack>
    </Modal>
  );
}
