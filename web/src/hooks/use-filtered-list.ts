import type { RowSelectionState } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { toQuery, type Query } from '../api/client';
import type { SortState } from '../components/DataTable';
import type { FilterSpec, Filters } from '../components/FilterPane';
import { useKeysetList, type KeysetList } from './use-keyset-list';
import { useUrlFilters } from './use-url-filters';

export interface FilteredListOptions<T> {
  /** API path of the list. */
  readonly path: string;
  /** The filters of the list's API, kept in the page's address. */
  readonly filters: readonly FilterSpec[];
  readonly keyOf: (row: T) => string | number;
  /** The sorts the list offers (`-entryNo` = descending); the first is the default. */
  readonly sorts?: readonly string[];
}

export interface FilteredList<T> {
  readonly specs: readonly FilterSpec[];
  readonly filters: Filters;
  setFilters(f: Filters): void;
  readonly params: URLSearchParams;
  /** What the list asks the API: the filters and a sort other than the default. */
  readonly query: Query;
  readonly sort: SortState | undefined;
  setSort(s: SortState): void;
  readonly list: KeysetList<T>;
  readonly keyOf: (row: T) => string;
  readonly selection: RowSelectionState;
  setSelection(s: RowSelectionState): void;
  readonly selected: T[];
  /** The selected row when exactly one is selected. */
  readonly one: T | null;
}

/**
 * The state of a filtered list page (Interaction Log Entries, Postponed Interactions, Logged
 * Segments, campaign entries): filters and sort in the address, endless scrolling, and a selection
 * that belongs to the filtered view it was made in.
 */
export function useFilteredList<T>({ path, filters: specs, keyOf, sorts }: FilteredListOptions<T>): FilteredList<T> {
  const navigate = useNavigate();
  const [filters, setFilters, params] = useUrlFilters(specs);
  const defaultSort = sorts?.[0];
  const sortParam = params.get('sort');
  const sortValue = sortParam && sorts?.includes(sortParam) ? sortParam : defaultSort;
  const query = useMemo(
    () => ({ ...filters, ...(sortValue !== undefined && sortValue !== defaultSort && { sort: sortValue }) }),
    [filters, sortValue, defaultSort],
  );
  const list = useKeysetList<T>(path, query, keyOf);
  const key = useCallback((row: T) => String(keyOf(row)), [keyOf]);

  // a new filter or sort shows other rows: the selection made before does not carry over
  const scope = JSON.stringify(query);
  const [picked, setPicked] = useState<{ scope: string; rows: RowSelectionState }>({ scope, rows: {} });
  const selection = picked.scope === scope ? picked.rows : {};
  const setSelection = useCallback((rows: RowSelectionState) => setPicked({ scope, rows }), [scope]);
  const selected = list.items.filter((r) => selection[key(r)]);

  const setSort = useCallback(
    (s: SortState) => {
      const value = `${s.desc ? '-' : ''}${s.key}`;
      void navigate({ search: toQuery({ ...filters, ...(value !== defaultSort && { sort: value }) }) });
    },
    [navigate, filters, defaultSort],
  );

  return {
    specs,
    filters,
    setFilters,
    params,
    query,
    sort: sortValue === undefined ? undefined : { key: sortValue.replace('-', ''), desc: sortValue.startsWith('-') },
    setSort,
    list,
    keyOf: key,
    selection,
    setSelection,
    selected,
    one: selected.length === 1 ? selected[0]! : null,
  };
}
