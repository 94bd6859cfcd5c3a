import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, seg } from '../../api/client';
import type { LogEntry, LoggedSegment, Page, Segment } from '../../api/types';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { columnsFor, type FieldSpec } from '../../components/fields';
import { FilteredListPage } from '../../components/FilteredListPage';
import type { FilterSpec } from '../../components/FilterPane';
import { errorAt } from '../../components/RecordFields';
import { useSwitchCheckmark } from '../../components/switch-checkmark';
import { useFormat } from '../../format/format';
import { useFilteredList } from '../../hooks/use-filtered-list';

const COLUMNS: readonly FieldSpec[] = [
  { name: 'canceled', kind: 'bool' },
  { name: 'entryNo', kind: 'int' },
  { name: 'creationDate', kind: 'date' },
  { name: 'userId', kind: 'code' },
  { name: 'segmentNo', kind: 'code' },
  { name: 'description', kind: 'text' },
  { name: 'noOfInteractions', kind: 'int' },
  { name: 'noOfCampaignEntries', kind: 'int' },
];
const FILTERS: readonly FilterSpec[] = [
  { name: 'segmentNo', kind: 'code' },
  { name: 'canceled', kind: 'bool' },
  { name: 'dateFrom', kind: 'date' },
  { name: 'dateTo', kind: 'date' },
];
const entryNoOf = (r: LoggedSegment) => r.entryNo;

/** Logged Segments (domain.md §6.7). */
export function LoggedSegmentsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const { canWrite } = useSession();
  const state = useFilteredList<LoggedSegment>({ path: '/logged-segments', filters: FILTERS, keyOf: entryNoOf });
  const { list, selected, one } = state;
  const [error, setError] = useState<unknown>(null);
  const [reuse, setReuse] = useState<LoggedSegment | null>(null);
  const switchCheckmark = useSwitchCheckmark('loggedSegment');
  const columns = useMemo<ColumnDef<LoggedSegment>[]>(() => columnsFor<LoggedSegment>(COLUMNS, t, f), [t, f]);

  async function toggle() {
    const value = await switchCheckmark(selected);
    if (value === null) return;
    setError(null);
    try {
      const res = await api.post<{ items: LoggedSegment[] }>(`/logged-segments/${value ? 'cancel' : 'uncancel'}`, {
        entryNos: selected.map((r) => r.entryNo),
      });
      list.replace(res.items);
    } catch (e) {
      setError(e);
    }
  }

  async function campaignEntries(r: LoggedSegment) {
    const first = await api.get<Page<LogEntry>>('/interaction-log-entries', { loggedSegmentEntryNo: r.entryNo, limit: 1 });
    const campaignNo = first.items[0]?.campaignNo;
    if (campaignNo) void navigate(`/campaigns/${seg(campaignNo)}`);
    else notifications.show({ message: t('loggedSegments.noCampaign'), color: 'yellow' });
  }

  return (
    <FilteredListPage<LoggedSegment>
      title={t('pages.loggedSegments')}
      state={state}
      columns={columns}
      rowName={(r) => String(r.entryNo)}
      error={error}
      onClearError={() => setError(null)}
      onOpen={(r) => navigate(`/entries?loggedSegmentEntryNo=${r.entryNo}`)}
      actions={
        <>
          <Button
            size="xs"
            variant="default"
            disabled={!one}
            onClick={() => one && navigate(`/entries?loggedSegmentEntryNo=${one.entryNo}`)}
          >
            {t('pages.entries')}
          </Button>
          <Button size="xs" variant="default" disabled={!one} onClick={() => one && void campaignEntries(one)}>
            {t('actions.campaignEntries')}
          </Button>
          {canWrite && (
            <Button size="xs" variant="default" disabled={selected.length === 0} onClick={() => void toggle()}>
              {t('actions.switchCanceled')}
            </Button>
          )}
          {canWrite && (
            <Button size="xs" variant="default" onClick={() => navigate('/logged-segments/delete-canceled')}>
              {t('pages.deleteCanceledLoggedSegments')}
            </Button>
          )}
          {canWrite && (
            <Button size="xs" variant="default" disabled={!one} onClick={() => setReuse(one)}>
              {t('loggedSegments.reuse')}
            </Button>
          )}
          <Button size="xs" variant="default" disabled>
            {t('actions.resend')}
          </Button>
        </>
      }
    >
      <ReuseDialog logged={reuse} onClose={() => setReuse(null)} onCreated={(s) => navigate(`/segments/${seg(s.no)}`)} />
    </FilteredListPage>
  );
}

/** Reuse a logged segment as a new segment (R46). */
function ReuseDialog({
  logged,
  onClose,
  onCreated,
}: {
  logged: LoggedSegment | null;
  onClose: () => void;
  onCreated: (s: Segment) => void;
}) {
  const { t } = useTranslation();
  const [no, setNo] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal
      opened={logged !== null}
      onClose={onClose}
      title={t('loggedSegments.reuse')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          api
            .post<Segment>(`/logged-segments/${logged!.entryNo}/reuse`, {
              ...(no.trim() && { no }),
              ...(description.trim() && { description }),
            })
            .then(onCreated, setError);
        }}
      >
        <Stack>
          {error !== null && !errorAt(error, 'no', 'no') && <ErrorAlert error={error} />}
          <TextInput
            label={t('fields.no')}
            description={t('loggedSegments.nextNumber')}
            value={no}
            maxLength={20}
            onChange={(e) => setNo(e.currentTarget.value.toUpperCase())}
            error={errorAt(error, 'no', 'no')}
            data-autofocus
          />
          <TextInput
            label={t('fields.description')}
            placeholder={logged?.description ?? ''}
            value={description}
            maxLength={100}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit">{t('common.ok')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
