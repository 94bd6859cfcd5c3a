import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { seg } from '../../api/client';
import type { Campaign } from '../../api/types';
import type { FieldSpec } from '../../components/fields';
import { RecordListPage } from '../../components/RecordListPage';
import { StatisticsDialog } from '../../components/StatisticsDialog';

export const CAMPAIGN_FIELDS: readonly FieldSpec[] = [
  { name: 'no', kind: 'code', max: 20, key: true },
  { name: 'description', kind: 'text', max: 100 },
  { name: 'startingDate', kind: 'date' },
  { name: 'endingDate', kind: 'date' },
  { name: 'salespersonCode', kind: 'lookup', lookup: 'salespeople' },
];

export const CAMPAIGN_FIGURES = [
  ['targetContactsContacted', 'int'],
  ['contactsResponded', 'int'],
  ['responseRatePct', 'pct'],
  ['costLcy', 'money'],
  ['avgCostPerResponse', 'money'],
  ['durationMin', 'int'],
  ['avgDurationPerResponse', 'decimal'],
] as const;

export function CampaignsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [stats, setStats] = useState<Campaign | null>(null);
  return (
    <>
      <RecordListPage<Campaign>
        id="campaigns"
        title={t('pages.campaigns')}
        path="/campaigns"
        keyField="no"
        fields={CAMPAIGN_FIELDS}
        columns={['no', 'description', 'startingDate', 'endingDate', 'salespersonCode']}
        writeRole="user"
        lookup="campaigns"
        actions={(sel) => {
          const one = sel.length === 1 ? sel[0]! : null;
          return (
            <>
              <Button size="xs" variant="default" disabled={!one} onClick={() => one && navigate(`/campaigns/${seg(one.no)}`)}>
                {t('actions.campaignEntries')}
              </Button>
              <Button size="xs" variant="default" disabled={!one} onClick={() => one && navigate(`/entries?campaignNo=${seg(one.no)}`)}>
                {t('pages.entries')}
              </Button>
              <Button size="xs" variant="default" disabled={!one} onClick={() => setStats(one)}>
                {t('actions.statistics')}
              </Button>
            </>
          );
        }}
      />
      <StatisticsDialog
        title={`${t('actions.statistics')} — ${stats?.no ?? ''}`}
        path={stats ? `/campaigns/${seg(stats.no)}/statistics` : null}
        figures={CAMPAIGN_FIGURES}
        onClose={() => setStats(null)}
      />
    </>
  );
}
