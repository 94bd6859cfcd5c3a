import { Button } from '@mantine/core';
import { IconFilter, IconFilterOff } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilteredList } from '../hooks/use-filtered-list';
import { ColumnChooser, useColumnVisibility, type ChoosableColumn } from './ColumnChooser';
import { DataTable } from './DataTable';
import { ErrorAlert } from './ErrorAlert';
import { FilterPane, FilterPills } from './FilterPane';
import { PageHeader } from './PageHeader';

export interface FilteredListPageProps<T> {
  readonly title: string;
  readonly caption?: string | null;
  readonly state: FilteredList<T>;
  readonly columns: ColumnDef<T>[];
  readonly rowName: (row: T) => string;
  /** A column chooser whose choice is remembered under `id`. */
  readonly columnChoice?: { readonly id: string; readonly columns: readonly ChoosableColumn[] };
  /** The page's actions, before Filter and Clear Filter. */
  readonly actions: ReactNode;
  /** Actions after Filter and Clear Filter (e.g. the export). */
  readonly trailingActions?: ReactNode;
  readonly error?: unknown;
  readonly onClearError?: () => void;
  readonly onOpen?: (row: T) => void;
  /** The page's dialogs. */
  readonly children?: ReactNode;
}

/** A list page over a filtered API list: actions, filter pane and pills, errors, the endless table. */
export function FilteredListPage<T>(p: FilteredListPageProps<T>) {
  const { t } = useTranslation();
  const { state } = p;
  const [filterOpen, setFilterOpen] = useState(false);
  const [visibility, setVisibility] = useColumnVisibility(p.columnChoice?.id ?? '', p.columnChoice?.columns ?? []);
  const { filters, setFilters, list } = state;

  return (
    <>
      <PageHeader
        title={p.title}
        caption={p.caption ?? null}
        actions={
          <>
            {p.actions}
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
            {p.trailingActions}
            {p.columnChoice && <ColumnChooser columns={p.columnChoice.columns} visibility={visibility} onChange={setVisibility} />}
          </>
        }
      />
      <FilterPills
        value={filters}
        specs={state.specs}
        onRemove={(name) => setFilters(Object.fromEntries(Object.entries(filters).filter(([k]) => k !== name)))}
      />
      <ErrorAlert error={p.error ?? list.error} {...(p.onClearError && { onClose: p.onClearError })} />
      <DataTable<T>
        label={p.title}
        data={list.items}
        columns={p.columns}
        getRowId={state.keyOf}
        rowName={p.rowName}
        {...(p.columnChoice && { columnVisibility: visibility })}
        selection={state.selection}
        onSelectionChange={state.setSelection}
        hasMore={list.hasMore}
        loading={list.loading}
        loadMore={list.loadMore}
        {...(state.sort && { sort: state.sort, onSortChange: state.setSort })}
        {...(p.onOpen && { onOpen: p.onOpen })}
      />
      <FilterPane
        opened={filterOpen}
        onClose={() => setFilterOpen(false)}
        specs={state.specs}
        value={filters}
        onApply={setFilters}
        title={t('filters.title')}
      />
      {p.children}
    </>
  );
}
