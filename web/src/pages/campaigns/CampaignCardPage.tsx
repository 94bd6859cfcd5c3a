import { Button, NumberInput, Popover, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, seg } from '../../api/client';
import type { Campaign, CampaignEntry } from '../../api/types';
import { useSession } from '../../app/session';
import { columnsFor, type FieldSpec } from '../../components/fields';
import { FilteredListPage } from '../../components/FilteredListPage';
import type { FilterSpec } from '../../components/FilterPane';
import { StatisticsDialog } from '../../components/StatisticsDialog';
import { useSwitchCheckmark } from '../../components/switch-checkmark';
import { DOCUMENT_TYPES } from '../../api/enums';
import { useFormat } from '../../format/format';
import { useFilteredList } from '../../hooks/use-filtered-list';
import { useLoad } from '../../hooks/use-load';
import { CAMPAIGN_FIGURES } from './CampaignsPage';

const ENTRY_FIELDS: readonly FieldSpec[] = [
  { name: 'canceled', kind: 'bool' },
  { name: 'entryNo', kind: 'int' },
  { name: 'description', kind: 'text' },
  { name: 'date', kind: 'date' },
  { name: 'documentType', kind: 'enum', values: DOCUMENT_TYPES, enumName: 'documentType' },
  { name: 'segmentNo', kind: 'code' },
  { name: 'loggedSegmentEntryNo', kind: 'int' },
  { name: 'salespersonCode', kind: 'code' },
  { name: 'userId', kind: 'code' },
  { name: 'noOfInteractions', kind: 'int' },
  { name: 'costLcy', kind: 'money' },
  { name: 'durationMin', kind: 'int' },
];
/** The filters of GET /campaigns/{no}/entries (api.md §5.2, §13.19). */
const ENTRY_FILTERS: readonly FilterSpec[] = [
  { name: 'canceled', kind: 'bool' },
  { name: 'loggedSegmentEntryNo', kind: 'int' },
];
const entryNoOf = (r: CampaignEntry) => r.entryNo;

/** A campaign's entries with Switch Checkmark in Canceled and Delete Canceled (R51). */
export function CampaignCardPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { no = '' } = useParams();
  const navigate = useNavigate();
  const { canWrite } = useSession();
  const base = `/campaigns/${seg(no)}`;
  const campaign = useLoad<Campaign>(base, (s) => api.get(base, undefined, s));
  const state = useFilteredList<CampaignEntry>({ path: `${base}/entries`, filters: ENTRY_FILTERS, keyOf: entryNoOf });
  const { list, selected, one } = state;
  const [error, setError] = useState<unknown>(null);
  const [stats, setStats] = useState(false);
  const [range, setRange] = useState<{ from: number | string; to: number | string }>({ from: '', to: '' });
  const switchCheckmark = useSwitchCheckmark('campaignEntry');
  const columns = useMemo<ColumnDef<CampaignEntry>[]>(() => columnsFor(ENTRY_FIELDS, t, f), [t, f]);

  async function toggle() {
    const value = await switchCheckmark(selected);
    if (value === null) return;
    setError(null);
    try {
      const res = await api.post<{ items: CampaignEntry[] }>(`${base}/entries/${value ? 'cancel' : 'uncancel'}`, {
        entryNos: selected.map((r) => r.entryNo),
      });
      list.replace(res.items);
    } catch (e) {
      setError(e);
    }
  }

  async function deleteCanceled() {
    setError(null);
    try {
      const body = {
        ...(range.from !== '' && { entryNoFrom: Number(range.from) }),
        ...(range.to !== '' && { entryNoTo: Number(range.to) }),
      };
      const res = await api.post<{ deleted: number }>(`${base}/entries/delete-canceled`, body);
      notifications.show({ message: t('campaigns.deleted', { count: res.deleted }), color: 'green' });
      list.reload();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <FilteredListPage<CampaignEntry>
      title={t('actions.campaignEntries')}
      caption={campaign.data ? `${campaign.data.no} ${campaign.data.description ?? ''}` : no}
      state={state}
      columns={columns}
      rowName={(r) => String(r.entryNo)}
      error={error}
      onClearError={() => setError(null)}
      actions={
        <>
          {canWrite && (
            <Button size="xs" variant="default" disabled={selected.length === 0} onClick={() => void toggle()}>
              {t('actions.switchCanceled')}
            </Button>
          )}
          {canWrite && (
            <Popover withinPortal trapFocus position="bottom-start">
              <Popover.Target>
                <Button size="xs" variant="default">
                  {t('actions.deleteCanceled')}
                </Button>
              </Popover.Target>
              <Popover.Dropdown>
                <Stack gap="xs">
                  <NumberInput
                    label={t('fields.entryNoFrom')}
                    value={range.from}
                    onChange={(v) => setRange((r) => ({ ...r, from: v }))}
                    min={1}
                    allowDecimal={false}
                  />
                  <NumberInput
                    label={t('fields.entryNoTo')}
                    value={range.to}
                    onChange={(v) => setRange((r) => ({ ...r, to: v }))}
                    min={1}
                    allowDecimal={false}
                  />
                  <Button size="xs" color="red" onClick={() => void deleteCanceled()}>
                    {t('common.ok')}
                  </Button>
                </Stack>
              </Popover.Dropdown>
            </Popover>
          )}
          <Button
            size="xs"
            variant="default"
            onClick={() => navigate(one ? `/entries?campaignEntryNo=${one.entryNo}` : `/entries?campaignNo=${seg(no)}`)}
          >
            {t('pages.entries')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setStats(true)}>
            {t('actions.statistics')}
          </Button>
        </>
      }
    >
      <StatisticsDialog
        title={`${t('actions.statistics')} — ${no}`}
        path={stats ? `${base}/statistics` : null}
        figures={CAMPAIGN_FIGURES}
        onClose={() => setStats(false)}
      />
    </FilteredListPage>
  );
}
