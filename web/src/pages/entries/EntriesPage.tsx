import { Button, Menu } from '@mantine/core';
import { IconDownload, IconFilter, IconFilterOff, IconPlus } from '@tabler/icons-react';
import type { RowSelectionState } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { downloadUrl, toQuery } from '../../api/client';
import type { LogEntry } from '../../api/types';
import { useSession } from '../../app/session';
import { ColumnChooser, useColumnVisibility } from '../../components/ColumnChooser';
import { DataTable, type SortState } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterPane, FilterPills } from '../../components/FilterPane';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../format/format';
import { useGuides } from '../../guides/guide-context';
import { useKeysetList } from '../../hooks/use-keyset-list';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { entryColumnChoices, entryColumns } from './entry-columns';
import { ENTRY_FILTERS } from './entry-filters';
import { useCaption } from './use-caption';
import { useEntryActions } from './use-entry-actions';

const SORTS = ['-entryNo', 'entryNo', '-date', 'date'];

/** Interaction Log Entries (domain.md §6.1): active and canceled entries, newest first. */
export function EntriesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const guides = useGuides();
  const { canWrite } = useSession();
  const [filters, setFilters, params] = useUrlFilters(ENTRY_FILTERS);
  const sortParam = params.get('sort');
  const sort = sortParam && SORTS.includes(sortParam) ? sortParam : '-entryNo';
  const query = useMemo(() => ({ ...filters, ...(sort !== '-entryNo' && { sort }) }), [filters, sort]);
  const list = useKeysetList<LogEntry>('/interaction-log-entries', query, (e) => e.entryNo);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [filterOpen, setFilterOpen] = useState(false);
  const columns = useMemo(() => entryColumns(t, f), [t, f]);
  const choices = useMemo(() => entryColumnChoices(t), [t]);
  const [visibility, setVisibility] = useColumnVisibility('entries', choices);
  const actions = useEntryActions(list.replace);
  const caption = useCaption(filters);
  const selected = list.items.filter((e) => selection[String(e.entryNo)]);
  const one = selected.length === 1 ? selected[0]! : null;

  useEffect(() => setSelection({}), [query]);

  // the global search's "Create Interaction" lands here with ?guide=create
  useEffect(() => {
    if (params.get('guide') === 'create') {
      guides.openCreateInteraction({});
      void navigate('/entries', { replace: true });
    }
  }, [params, guides, navigate]);

  function createInteraction() {
    // as BC: the guide starts from the page's filters (domain.md §5.1)
    guides.openCreateInteraction({
      ...(filters.contactNo && { contactNo: filters.contactNo }),
      ...(!filters.contactNo && filters.contactCompanyNo && { contactNo: filters.contactCompanyNo }),
      ...(filters.salespersonCode && { salespersonCode: filters.salespersonCode }),
      ...(filters.campaignNo && { campaignNo: filters.campaignNo }),
      ...(filters.taskNo && { taskNo: filters.taskNo }),
      ...(filters.opportunityNo && { opportunityNo: filters.opportunityNo }),
      onLogged: () => list.reload(),
    });
  }

  const setSort = (s: SortState) => {
    const value = `${s.desc ? '-' : ''}${s.key}`;
    void navigate({ search: toQuery({ ...filters, ...(value !== '-entryNo' && { sort: value }) }) });
  };
  const deleteCanceledQuery = toQuery(
    Object.fromEntries(
      Object.entries(filters).filter(([k]) =>
        [
          'entryNoFrom',
          'entryNoTo',
          'contactNo',
          'dateFrom',
          'dateTo',
          'campaignNo',
          'interactionGroupCode',
          'interactionTemplateCode',
          'salespersonCode',
        ].includes(k),
      ),
    ),
  );

  return (
    <>
      <PageHeader
        title={t('pages.entries')}
        caption={caption}
        actions={
          <>
            {canWrite && (
              <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={createInteraction}>
                {t('actions.createInteraction')}
              </Button>
            )}
            {canWrite && (
              <Button size="xs" variant="default" disabled={selected.length === 0} onClick={() => void actions.switchCanceled(selected)}>
                {t('actions.switchCanceled')}
              </Button>
            )}
            {canWrite && (
              <Button size="xs" variant="default" disabled={selected.length === 0} onClick={() => actions.evaluate(selected)}>
                {t('actions.evaluate')}
              </Button>
            )}
            <Button size="xs" variant="default" disabled={!one} onClick={() => one && actions.comments(one)}>
              {t('actions.comments')}
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={!one || one.attachmentId === null}
              onClick={() => one && actions.showAttachment(one)}
            >
              {t('actions.showAttachment')}
            </Button>
            {canWrite && (
              <Menu withinPortal position="bottom-start">
                <Menu.Target>
                  <Button size="xs" variant="default">
                    {t('actions.more')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item
                    disabled={!one || one.canceled || one.opportunityNo !== null}
                    onClick={() => one && void actions.createOpportunity(one)}
                  >
                    {t('actions.createOpportunity')}
                  </Menu.Item>
                  <Menu.Item disabled={!one || one.canceled} onClick={() => one && actions.createTask(one)}>
                    {t('actions.createTask')}
                  </Menu.Item>
                  <Menu.Item onClick={() => navigate(`/entries/delete-canceled${deleteCanceledQuery}`)}>
                    {t('pages.deleteCanceledEntries')}
                  </Menu.Item>
                  <Menu.Item disabled>{t('actions.resend')}</Menu.Item>
                </Menu.Dropdown>
              </Menu>
            )}
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
            <Button
              size="xs"
              variant="default"
              component="a"
              href={downloadUrl('/interaction-log-entries', { ...query, format: 'csv' })}
              download
              leftSection={<IconDownload size={14} aria-hidden />}
            >
              {t('actions.exportCsv')}
            </Button>
            <ColumnChooser columns={choices} visibility={visibility} onChange={setVisibility} />
          </>
        }
      />
      <FilterPills
        value={filters}
        specs={ENTRY_FILTERS}
        onRemove={(name) => setFilters(Object.fromEntries(Object.entries(filters).filter(([k]) => k !== name)))}
      />
      <ErrorAlert error={actions.error ?? list.error} onClose={actions.clearError} />
      <DataTable<LogEntry>
        label={t('pages.entries')}
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
        sort={{ key: sort.replace('-', ''), desc: sort.startsWith('-') }}
        onSortChange={setSort}
        onOpen={(e) => actions.comments(e)}
      />
      <FilterPane
        opened={filterOpen}
        onClose={() => setFilterOpen(false)}
        specs={ENTRY_FILTERS}
        value={filters}
        onApply={setFilters}
        title={t('filters.title')}
      />
      {actions.dialogs}
    </>
  );
}
