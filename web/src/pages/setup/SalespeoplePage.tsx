import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { seg } from '../../api/client';
import type { Salesperson } from '../../api/types';
import { useSession } from '../../app/session';
import type { FieldSpec } from '../../components/fields';
import { RecordListPage } from '../../components/RecordListPage';
import { StatisticsDialog } from '../../components/StatisticsDialog';
import { useGuides } from '../../guides/guide-context';

const FIELDS: readonly FieldSpec[] = [
  { name: 'code', kind: 'code', max: 20, required: true, key: true },
  { name: 'name', kind: 'text', max: 50, required: true },
  { name: 'email', kind: 'text', max: 80 },
  { name: 'phoneNo', kind: 'text', max: 30 },
  { name: 'blocked', kind: 'bool' },
];

export function SalespeoplePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const guides = useGuides();
  const { canWrite } = useSession();
  const [stats, setStats] = useState<Salesperson | null>(null);
  return (
    <>
      <RecordListPage<Salesperson>
        id="salespeople"
        title={t('pages.salespeople')}
        path="/salespeople"
        keyField="code"
        fields={FIELDS}
        columns={['code', 'name', 'email', 'phoneNo', 'blocked']}
        optional={['phoneNo']}
        writeRole="admin"
        lookup="salespeople"
        actions={(sel) => {
          const one = sel.length === 1 ? sel[0]! : null;
          return (
            <>
              {canWrite && (
                <Button
                  size="xs"
                  variant="default"
                  disabled={!one}
                  onClick={() => one && guides.openCreateInteraction({ salespersonCode: one.code, lock: ['salespersonCode'] })}
                >
                  {t('actions.createInteraction')}
                </Button>
              )}
              <Button
                size="xs"
                variant="default"
                disabled={!one}
                onClick={() => one && navigate(`/entries?salespersonCode=${seg(one.code)}`)}
              >
                {t('pages.entries')}
              </Button>
              <Button
                size="xs"
                variant="default"
                disabled={!one}
                onClick={() => one && navigate(`/postponed?salespersonCode=${seg(one.code)}`)}
              >
                {t('pages.postponed')}
              </Button>
              <Button size="xs" variant="default" disabled={!one} onClick={() => setStats(one)}>
                {t('actions.statistics')}
              </Button>
            </>
          );
        }}
      />
      <StatisticsDialog
        title={`${t('actions.statistics')} — ${stats?.code ?? ''}`}
        path={stats ? `/salespeople/${seg(stats.code)}/statistics` : null}
        figures={[
          ['noOfInteractions', 'int'],
          ['costLcy', 'money'],
          ['avgCostPerInteraction', 'money'],
          ['durationMin', 'int'],
          ['avgDurationPerInteraction', 'decimal'],
        ]}
        onClose={() => setStats(null)}
      />
    </>
  );
}
