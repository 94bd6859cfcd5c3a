import { Button, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconEye, IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import type { ColumnDef, RowSelectionState } from '@tanstack/react-table';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, seg, type Query } from '../api/client';
import { useSession } from '../app/session';
import { useFormat } from '../format/format';
import { useKeysetList } from '../hooks/use-keyset-list';
import { ColumnChooser, useColumnVisibility } from './ColumnChooser';
import { useConfirm } from './confirm';
import { DataTable } from './DataTable';
import { ErrorAlert } from './ErrorAlert';
import { columnsFor, type FieldSpec, type Values } from './fields';
import { invalidateLookup, type LookupKind } from './lookups';
import { PageHeader } from './PageHeader';
import { RecordForm } from './RecordForm';

export interface RecordListConfig<T> {
  /** Remembers the column choice under this id. */
  readonly id: string;
  readonly title: string;
  readonly caption?: string | null;
  /** API path of the list, e.g. `/salespeople`. */
  readonly path: string;
  readonly keyField: string;
  /** The fields of the card (form). */
  readonly fields: readonly FieldSpec[];
  /** Computed fields shown as columns only (e.g. a contact's company name). */
  readonly displayFields?: readonly FieldSpec[];
  /** The fields shown as columns; those in `optional` start hidden. */
  readonly columns: readonly string[];
  readonly optional?: readonly string[];
  /** Extra computed columns. */
  readonly extraColumns?: ColumnDef<T>[];
  readonly writeRole: 'admin' | 'user';
  readonly query?: Query;
  readonly searchable?: boolean;
  /** Values a new record starts with (e.g. the group a template list was opened from). */
  readonly initial?: Values;
  /** A card page instead of the dialog. */
  readonly cardPath?: (row: T) => string;
  /** Set-up lists feeding selects elsewhere. */
  readonly lookup?: LookupKind;
  /** Actions that work on the selected rows. */
  readonly actions?: (selected: T[], ctx: { reload: () => void }) => ReactNode;
  /** Shown between the header and the table (e.g. a statistics panel). */
  readonly children?: (selected: T[]) => ReactNode;
}

/** A list page of a record type with its card: New, Edit, Delete and the record's own actions. */
export function RecordListPage<T extends object>(c: RecordListConfig<T>) {
  const keyOf = (r: T) => String((r as Values)[c.keyField]);
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const confirm = useConfirm();
  const { user } = useSession();
  const canWrite = user !== null && (c.writeRole === 'user' ? user.role !== 'viewer' : user.role === 'admin');
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 250);
  const query = useMemo(
    () => ({ ...(c.query ?? {}), ...(c.searchable && debouncedQ.trim() ? { q: debouncedQ.trim() } : {}) }),
    [c.query, c.searchable, debouncedQ],
  );
  const list = useKeysetList<T>(c.path, query, keyOf);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [form, setForm] = useState<{ original: T | null } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const specs = [...c.fields, ...(c.displayFields ?? [])].filter((s) => c.columns.includes(s.name));
  const columns = useMemo(
    () => [...columnsFor<T>(c.columns.map((n) => specs.find((s) => s.name === n)!).filter(Boolean), t, f), ...(c.extraColumns ?? [])],
    // specs derive from c.fields and c.columns, so the column set changes only with these
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [c.columns, c.extraColumns, t, f],
  );
  const choosable = columns.map((col) => ({
    id: col.id!,
    label: String(typeof col.header === 'string' ? col.header : col.id),
    default: !(c.optional ?? []).includes(col.id!),
  }));
  const [visibility, setVisibility] = useColumnVisibility(c.id, choosable);
  const selected = list.items.filter((r) => selection[keyOf(r)]);
  const one = selected.length === 1 ? selected[0]! : null;
  const keyPath = (r: T) => `${c.path}/${seg(keyOf(r))}`;

  function open(row: T | null) {
    if (row && c.cardPath) void navigate(c.cardPath(row));
    else setForm({ original: row });
  }

  async function save(body: Values) {
    const original = form?.original ?? null;
    if (original) await api.patch(keyPath(original), body);
    else await api.post(c.path, body);
    if (c.lookup) invalidateLookup(c.lookup);
    notifications.show({ message: t('common.saved'), color: 'green' });
    list.reload();
  }

  async function remove() {
    if (selected.length === 0) return;
    const ok = await confirm({
      message:
        selected.length === 1
          ? t('common.deleteOne', { key: keyOf(selected[0]!) })
          : t('common.deleteSelected', { count: selected.length }),
      danger: true,
      defaultNo: true,
    });
    if (!ok) return;
    setError(null);
    const done: string[] = [];
    try {
      for (const r of selected) {
        await api.delete(keyPath(r));
        done.push(keyOf(r));
      }
    } catch (e) {
      setError(e);
    } finally {
      list.remove(done);
      setSelection({});
      if (c.lookup) invalidateLookup(c.lookup);
    }
  }

  return (
    <>
      <PageHeader
        title={c.title}
        caption={c.caption ?? null}
        actions={
          <>
            {canWrite && (
              <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => open(null)}>
                {t('common.new')}
              </Button>
            )}
            <Button
              size="xs"
              variant="default"
              leftSection={canWrite ? <IconPencil size={14} aria-hidden /> : <IconEye size={14} aria-hidden />}
              disabled={!one}
              onClick={() => one && open(one)}
            >
              {canWrite ? t('common.edit') : t('common.view')}
            </Button>
            {canWrite && (
              <Button
                size="xs"
                variant="default"
                color="red"
                leftSection={<IconTrash size={14} aria-hidden />}
                disabled={selected.length === 0}
                onClick={() => void remove()}
              >
                {t('common.delete')}
              </Button>
            )}
            {c.actions?.(selected, { reload: list.reload })}
            <ColumnChooser columns={choosable} visibility={visibility} onChange={setVisibility} />
          </>
        }
      />
      {c.searchable && (
        <TextInput
          mb="xs"
          maw={360}
          leftSection={<IconSearch size={14} aria-hidden />}
          label={t('common.search')}
          placeholder={t('common.searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
      )}
      <ErrorAlert error={error ?? list.error} onClose={() => setError(null)} />
      {c.children?.(selected)}
      <DataTable<T>
        label={c.title}
        data={list.items}
        columns={columns}
        getRowId={keyOf}
        rowName={keyOf}
        columnVisibility={visibility}
        selection={selection}
        onSelectionChange={setSelection}
        hasMore={list.hasMore}
        loading={list.loading}
        loadMore={list.loadMore}
        onOpen={(r) => open(r)}
      />
      <RecordForm
        opened={form !== null}
        title={form?.original ? `${c.title} — ${keyOf(form.original)}` : `${c.title} — ${t('common.new')}`}
        specs={c.fields}
        original={(form?.original as Values | undefined) ?? null}
        {...(c.initial && { initial: c.initial })}
        readOnly={!canWrite}
        onClose={() => setForm(null)}
        onSubmit={save}
      />
    </>
  );
}
