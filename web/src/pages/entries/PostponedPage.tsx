import { Button } from '@mantine/core';
import { IconFilter, IconFilterOff } from '@tabler/icons-react';
import type { RowSelectionState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, downloadUrl } from '../../api/client';
import type { LogEntry } from '../../api/types';
import { useSession } from '../../app/session';
import { ColumnChooser, useColumnVisibility } from '../../components/ColumnChooser';
import { useConfirm } from '../../components/confirm';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterPane, FilterPills } from '../../components/FilterPane';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../format/format';
import { useGuides } from '../../guides/guide-context';
import { useKeysetList } from '../../hooks/use-keyset-list';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { entryColumnChoices, entryColumns } from './entry-columns';
import { POSTPONED_FILTERS } from './entry-filters';
import { useCaption } from './use-caption';

const WITHOUT = ['canceled'];

/** Postponed Interactions (domain.md §6.2): resume in the guide, or delete. */
export function PostponedPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const guides = useGuides();
  const confirm = useConfirm();
  const { canWrite } = useSession();
  const [filters, setFilters] = useUrlFilters(POSTPONED_FILTERS);
  const list = useKeysetList<LogEntry>('/postponed-interactions', filters, (e) => e.entryNo);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [filterOpen, setFilterOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const columns = useMemo(() => entryColumns(t, f, WITHOUT), [t, f]);
  const choices = useMemo(() => entryColumnChoices(t, WITHOUT), [t]);
  const [visibility, setVisibility] = useColumnVisibility('postponed', choices);
  const caption = useCaption(filters);
  const selected = list.items.filter((e) => selection[String(e.entryNo)]);
  const one = selected.length === 1 ? selected[0]! : null;

  async function remove() {
    if (!(await confirm({ message: t('postponed.deleteConfirm'), danger: true, defaultNo: true }))) return;
    setError(null);
    const gone: number[] = [];
    try {
      for (const e of selected) {
        await api.delete(`/postponed-interactions/${e.entryNo}`);
        gone.push(e.entryNo);
      }
    } catch (e) {
      setError(e);
    } finally {
      list.remove(gone);
      setSelection({});
    }
  }

  return (
    <>
      <PageHeader
        title={t('pages.postponed')}
        caption={caption}
        actions={
          <>
            {canWrite && (
              <Button
                size="xs"
                disabled={!one}
                onClick={() => one && guides.openCreateInteraction({ resume: one, onLogged: () => list.reload() })}
              >
                {t('postponed.resume')}
              </Button>
            )}
            {canWrite && (
              <Button size="xs" variant="default" color="red" disabled={selected.length === 0} onClick={() => void remove()}>
                {t('common.delete')}
              </Button>
            )}
            <Button
              size="xs"
              variant="default"
              disabled={!one || one.attachmentId === null}
              component="a"
              href={one?.attachmentId ? downloadUrl(`/attachments/${one.attachmentId}/content`) : undefined}
              target="_blank"
            >
              {t('actions.showAttachment')}
            </Button>
            <Button size="xs" variant="default" leftSection={<IconFilter size={14} aria-hidden />} onClick={() => setFilterOpen(true)}>
              {t('filters.filter')}
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconFilterOff size={14} aria-hidden />}
              disabled={Object.keys(filters).length === 0}
              onClick={() => setFilters({})}
            >
              {t('filters.clear')}
            </Button>
            <ColumnChooser columns={choices} visibility={visibility} onChange={setVisibility} />
          </>
        }
      />
      <FilterPills
        value={filters}
        specs={POSTPONED_FILTERS}
        onRemove={(name) => setFilters(Object.fromEntries(Object.entries(filters).filter(([k]) => k !== name)))}
      />
      <ErrorAlert error={error ?? list.error} onClose={() => setError(null)} />
      <DataTable<LogEntry>
        label={t('pages.postponed')}
        data={list.items}
        columns={columns}
        getRowId={(e) => String(e.entryNo)}
        rowName={(e) => t('entries.rowName', { entryNo: e.entryNo })}
        columnVisibility={visibility}
        selection={selection}
        onSelectionChange={setSelection}
        hasMore={list.hasMore}
        loading={list.loading}
        loadMore={list.loadMore}
        onOpen={(e) => canWrite && guides.openCreateInteraction({ resume: e, onLogged: () => list.reload() })}
      />
      <FilterPane
        opened={filterOpen}
        onClose={() => setFilterOpen(false)}
        specs={POSTPONED_FILTERS}
        value={filters}
        onApply={setFilters}
        title={t('filters.title')}
      />
    </>
  );
}
