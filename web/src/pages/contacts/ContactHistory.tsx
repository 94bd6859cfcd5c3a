import { Button, Group, Paper, Title } from '@mantine/core';
import type { ColumnDef, RowSelectionState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { seg } from '../../api/client';
import type { HistoryEntry, LogEntry } from '../../api/types';
import { useSession } from '../../app/session';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { columnsFor, type FieldSpec } from '../../components/fields';
import { useFormat } from '../../format/format';
import { useGuides } from '../../guides/guide-context';
import { useKeysetList } from '../../hooks/use-keyset-list';
import { useEntryActions } from '../entries/use-entry-actions';
import { EntrySelectionActions } from '../entries/EntrySelectionActions';

const HISTORY_COLUMNS: readonly FieldSpec[] = [
  { name: 'title', kind: 'text' },
  { name: 'salespersonCode', kind: 'code' },
  { name: 'description', kind: 'text' },
  { name: 'attachment', kind: 'bool' },
  { name: 'hasComments', kind: 'bool' },
  { name: 'opportunityNo', kind: 'code' },
  { name: 'campaignNo', kind: 'code' },
  { name: 'date', kind: 'date' },
  { name: 'canceled', kind: 'bool' },
];

const EMPTY = {};

/** The History part of a contact card (domain.md §6.8): a company's include its persons' entries. */
export function ContactHistory({ contactNo, contactName, onChanged }: { contactNo: string; contactName: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const guides = useGuides();
  const { canWrite } = useSession();
  const list = useKeysetList<HistoryEntry>(`/contacts/${seg(contactNo)}/history`, EMPTY, (e) => e.entryNo);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const actions = useEntryActions((rows) => {
    // the history rows keep their title; the rest comes from the answer
    const titles = new Map(list.items.map((e) => [e.entryNo, e.title]));
    list.replace(rows.map((r: LogEntry) => ({ ...r, title: titles.get(r.entryNo) ?? '' })));
    onChanged();
  });
  const columns = useMemo<ColumnDef<HistoryEntry>[]>(
    () =>
      columnsFor<HistoryEntry>(HISTORY_COLUMNS, t, f, { title: 260 }).map((c) =>
        c.id === 'attachment' ? { ...c, accessorFn: (r: HistoryEntry) => r.attachmentId !== null } : c,
      ),
    [t, f],
  );
  const selected = list.items.filter((e) => selection[String(e.entryNo)]);
  const one = selected.length === 1 ? selected[0]! : null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="history-title">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5" id="history-title">
          {t('contacts.history')}
        </Title>
        <Group gap={6} role="toolbar" aria-label={t('contacts.history')}>
          <EntrySelectionActions actions={actions} selected={selected} />
          <Button
            size="xs"
            variant="default"
            disabled={!one || one.attachmentId === null}
            onClick={() => one && actions.showAttachment(one)}
          >
            {t('actions.showAttachment')}
          </Button>
          {canWrite && (
            <Button
              size="xs"
              variant="default"
              onClick={() =>
                guides.openCreateInteraction({
                  contactNo,
                  lock: ['contactNo'],
                  onLogged: () => {
                    list.reload();
                    onChanged();
                  },
                })
              }
            >
              {t('actions.createInteraction')}
            </Button>
          )}
          {canWrite && (
            <Button
              size="xs"
              variant="default"
              disabled={!one || one.canceled || one.opportunityNo !== null}
              onClick={() => one && void actions.createOpportunity(one)}
            >
              {t('actions.createOpportunity')}
            </Button>
          )}
          <Button size="xs" variant="default" disabled={!one} onClick={() => one && actions.comments(one)}>
            {t('actions.comments')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={actions.error ?? list.error} onClose={actions.clearError} />
      <DataTable<HistoryEntry>
        label={t('contacts.historyOf', { name: contactName })}
        data={list.items}
        columns={columns}
        getRowId={(e) => String(e.entryNo)}
        rowName={(e) => t('entries.rowName', { entryNo: e.entryNo })}
        selection={selection}
        onSelectionChange={setSelection}
        hasMore={list.hasMore}
        loading={list.loading}
        loadMore={list.loadMore}
        height="360px"
      />
      {actions.dialogs}
    </Paper>
  );
}
