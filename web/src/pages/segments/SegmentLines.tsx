import { Button, Group, Paper, Title } from '@mantine/core';
import type { ColumnDef, RowSelectionState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, seg } from '../../api/client';
import type { SegmentLine } from '../../api/types';
import { ColumnChooser, useColumnVisibility } from '../../components/ColumnChooser';
import { useConfirm } from '../../components/confirm';
import { ContactSelect } from '../../components/ContactSelect';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { columnsFor } from '../../components/fields';
import { useFormat } from '../../format/format';
import { useGuides } from '../../guides/guide-context';
import type { KeysetList } from '../../hooks/use-keyset-list';
import { OPTIONAL_LINE_COLUMNS, SEGMENT_LINE_COLUMNS } from './segment-fields';

/** The lines of a segment: add a contact, delete lines, call a line's contact (domain.md §6.6). */
export function SegmentLines({
  segmentNo,
  list,
  canWrite,
  onChanged,
}: {
  segmentNo: string;
  list: KeysetList<SegmentLine>;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const confirm = useConfirm();
  const guides = useGuides();
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [contactNo, setContactNo] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const columns = useMemo<ColumnDef<SegmentLine>[]>(() => columnsFor<SegmentLine>(SEGMENT_LINE_COLUMNS, t, f), [t, f]);
  const choices = useMemo(
    () => SEGMENT_LINE_COLUMNS.map((s) => ({ id: s.name, label: t(`fields.${s.name}`), default: !OPTIONAL_LINE_COLUMNS.includes(s.name) })),
    [t],
  );
  const [visibility, setVisibility] = useColumnVisibility('segmentLines', choices);
  const selected = list.items.filter((l) => selection[String(l.lineNo)]);
  const base = `/segments/${seg(segmentNo)}/lines`;

  async function add() {
    if (!contactNo) return;
    setError(null);
    try {
      await api.post(base, { contactNo });
      setContactNo(null);
      list.reload();
      onChanged();
    } catch (e) {
      setError(e);
    }
  }

  async function remove() {
    if (!(await confirm({ message: t('postponed.deleteConfirm'), danger: true, defaultNo: true }))) return;
    setError(null);
    const gone: number[] = [];
    try {
      for (const l of selected) {
        await api.delete(`${base}/${l.lineNo}`);
        gone.push(l.lineNo);
      }
    } catch (e) {
      setError(e);
    } finally {
      list.remove(gone);
      setSelection({});
      onChanged();
    }
  }

  const one = selected.length === 1 ? selected[0]! : null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="lines-title">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5" id="lines-title">
          {t('segments.lines')}
        </Title>
        <Group gap={6} align="flex-end">
          {canWrite && (
            <>
              <ContactSelect size="xs" label={t('segments.addLine')} value={contactNo} onChange={(no) => setContactNo(no)} w={260} />
              <Button size="xs" disabled={!contactNo} onClick={() => void add()}>
                {t('common.add')}
              </Button>
              <Button size="xs" variant="default" color="red" disabled={selected.length === 0} onClick={() => void remove()}>
                {t('common.delete')}
              </Button>
              <Button
                size="xs"
                variant="default"
                disabled={!one}
                onClick={() =>
                  one &&
                  guides.openPhoneCall({
                    contactNo: one.contactNo,
                    ...(one.contactPhoneNo && { contactVia: one.contactPhoneNo }),
                    ...(one.campaignNo && { campaignNo: one.campaignNo }),
                  })
                }
              >
                {t('actions.makePhoneCall')}
              </Button>
            </>
          )}
          <ColumnChooser columns={choices} visibility={visibility} onChange={setVisibility} />
        </Group>
      </Group>
      <ErrorAlert error={error ?? list.error} onClose={() => setError(null)} />
      <DataTable<SegmentLine>
        label={t('segments.lines')}
        data={list.items}
        columns={columns}
        getRowId={(l) => String(l.lineNo)}
        rowName={(l) => `${l.lineNo} ${l.contactNo}`}
        columnVisibility={visibility}
        selection={selection}
        onSelectionChange={setSelection}
        hasMore={list.hasMore}
        loading={list.loading}
        loadMore={list.loadMore}
        height="360px"
      />
    </Paper>
  );
}
