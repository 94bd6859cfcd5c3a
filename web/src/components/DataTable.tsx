import { Checkbox, Loader, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowSelectionState,
  type VisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import css from './DataTable.module.css';

const classes = css as Readonly<
  Record<'wrap' | 'scroll' | 'table' | 'selected' | 'right' | 'check' | 'empty' | 'loading' | 'sortButton' | 'filler', string>
>;

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    align?: 'right' | 'center';
    /** The `sort` value of the API this column sorts by (ascending; `-` prefix descending). */
    sortKey?: string;
  }
}

export interface SortState {
  readonly key: string;
  readonly desc: boolean;
}

export interface DataTableProps<T> {
  /** The table's accessible name. */
  readonly label: string;
  readonly data: readonly T[];
  readonly columns: ColumnDef<T>[];
  readonly getRowId: (row: T) => string;
  /** What a row is called in the selection checkbox label ("entry 17"). */
  readonly rowName?: (row: T) => string;
  readonly columnVisibility?: VisibilityState;
  readonly selection?: RowSelectionState;
  readonly onSelectionChange?: (s: RowSelectionState) => void;
  readonly hasMore?: boolean;
  readonly loading?: boolean;
  readonly loadMore?: () => void;
  readonly onOpen?: (row: T) => void;
  readonly sort?: SortState;
  readonly onSortChange?: (s: SortState) => void;
  readonly height?: string;
  readonly emptyText?: string;
}

const ROW_HEIGHT = 36;

/**
 * A headless TanStack table rendered as a real <table>: only the rows in view are in the DOM
 * (TanStack Virtual), so a list of a million entries scrolls as smoothly as one of ten; reaching
 * the end asks for the next keyset page.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { t } = useTranslation();
  const { data, selection, onSelectionChange, hasMore, loading, loadMore } = props;
  const selectable = Boolean(onSelectionChange);
  const anchor = useRef<number | null>(null);

  const table = useReactTable<T>({
    data: data as T[],
    columns: props.columns,
    getRowId: props.getRowId,
    getCoreRowModel: getCoreRowModel(),
    state: { columnVisibility: props.columnVisibility ?? {}, rowSelection: selection ?? {} },
    enableRowSelection: selectable,
    manualSorting: true,
  });
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const last = virtualRows[virtualRows.length - 1];

  useEffect(() => {
    if (!loadMore || !hasMore || loading) return;
    // near the end of what is loaded (or the first page does not fill the view): next page
    if ((last?.index ?? -1) >= rows.length - 25) loadMore();
  }, [last?.index, rows.length, hasMore, loading, loadMore]);

  function select(index: number, e: MouseEvent | KeyboardEvent | null, toggleOnly = false) {
    if (!onSelectionChange) return;
    const row = rows[index];
    if (!row) return;
    const id = row.id;
    const current = selection ?? {};
    if (e?.shiftKey && anchor.current !== null) {
      const [a, b] = [Math.min(anchor.current, index), Math.max(anchor.current, index)];
      const next: RowSelectionState = e.ctrlKey || e.metaKey ? { ...current } : {};
      for (let i = a; i <= b; i++) next[rows[i]!.id] = true;
      onSelectionChange(next);
      return;
    }
    anchor.current = index;
    if (toggleOnly || e?.ctrlKey || e?.metaKey) {
      const next = { ...current };
      if (next[id]) delete next[id];
      else next[id] = true;
      onSelectionChange(next);
    } else onSelectionChange({ [id]: true });
  }

  const allSelected = rows.length > 0 && rows.every((r) => selection?.[r.id]);
  const someSelected = rows.some((r) => selection?.[r.id]);
  const paddingTop = virtualRows[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (last?.end ?? 0);
  const visibleColumns = table.getVisibleLeafColumns();
  const colSpan = visibleColumns.length + (selectable ? 2 : 1);

  return (
    <div className={classes.wrap}>
      <div ref={scrollRef} className={classes.scroll} style={{ height: props.height ?? 'calc(100vh - 240px)' }} tabIndex={-1}>
        <table
          className={classes.table}
          aria-label={props.label}
          aria-rowcount={hasMore ? -1 : rows.length + 1}
          aria-multiselectable={selectable || undefined}
        >
          <colgroup>
            {selectable && <col style={{ width: 40 }} />}
            {visibleColumns.map((c) => (
              <col key={c.id} style={{ width: c.getSize() }} />
            ))}
            {/* takes the width left over, so that the sized columns keep their widths */}
            <col />
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              {selectable && (
                <th scope="col" className={classes.check}>
                  <Checkbox
                    size="xs"
                    aria-label={t('table.selectAll')}
                    checked={allSelected}
                    indeterminate={someSelected && !allSelected}
                    onChange={() => onSelectionChange?.(allSelected ? {} : Object.fromEntries(rows.map((r) => [r.id, true])))}
                  />
                </th>
              )}
              {table
                .getFlatHeaders()
                .filter((h) => h.column.getIsVisible())
                .map((h) => {
                  const meta = h.column.columnDef.meta;
                  const sortKey = meta?.sortKey;
                  const sorted = sortKey && props.sort?.key === sortKey ? (props.sort.desc ? 'descending' : 'ascending') : undefined;
                  const label = flexRender(h.column.columnDef.header, h.getContext());
                  return (
                    <th
                      key={h.id}
                      scope="col"
                      className={meta?.align === 'right' ? classes.right : undefined}
                      aria-sort={sorted ?? (sortKey ? 'none' : undefined)}
                    >
                      {sortKey && props.onSortChange ? (
                        <UnstyledButton
                          className={classes.sortButton}
                          onClick={() => props.onSortChange?.({ key: sortKey, desc: sorted === 'ascending' })}
                        >
                          {label}
                          {sorted === 'ascending' && <IconArrowUp size={12} aria-hidden />}
                          {sorted === 'descending' && <IconArrowDown size={12} aria-hidden />}
                        </UnstyledButton>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
            </tr>
          </thead>
          <tbody>
            {paddingTop > 0 && (
              <tr aria-hidden>
                <td colSpan={colSpan} style={{ height: paddingTop, padding: 0, border: 0 }} />
              </tr>
            )}
            {virtualRows.map((v) => {
              const row = rows[v.index]!;
              const selected = Boolean(selection?.[row.id]);
              return (
                <tr
                  key={row.id}
                  aria-rowindex={v.index + 2}
                  aria-selected={selectable ? selected : undefined}
                  className={selected ? classes.selected : undefined}
                  style={{ height: ROW_HEIGHT }}
                  onClick={(e) => select(v.index, e)}
                  onDoubleClick={() => props.onOpen?.(row.original)}
                >
                  {selectable && (
                    <td className={classes.check} onClick={(e) => e.stopPropagation()}>
                      <Checkbox
                        size="xs"
                        aria-label={t('table.selectRow', { name: props.rowName?.(row.original) ?? row.id })}
                        checked={selected}
                        onChange={(e) => select(v.index, e.nativeEvent as unknown as MouseEvent, true)}
                      />
                    </td>
                  )}
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={cell.column.columnDef.meta?.align === 'right' ? classes.right : undefined}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                  <td aria-hidden className={classes.filler} />
                </tr>
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden>
                <td colSpan={colSpan} style={{ height: paddingBottom, padding: 0, border: 0 }} />
              </tr>
            )}
          </tbody>
        </table>
        {rows.length === 0 && !loading && <div className={classes.empty}>{props.emptyText ?? t('table.empty')}</div>}
        {loading && (
          <div className={classes.loading} role="status">
            <Loader size="xs" /> <Text size="sm">{t('table.loading')}</Text>
          </div>
        )}
      </div>
      <Text size="xs" c="dimmed" mt={4} aria-live="polite">
        {t(hasMore ? 'table.countMore' : 'table.count', { count: rows.length })}
        {selectable && someSelected ? ` · ${t('table.selected', { count: Object.keys(selection ?? {}).length })}` : ''}
      </Text>
    </div>
  );
}
