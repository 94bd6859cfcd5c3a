import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { seg } from '../../api/client';
import type { InteractionGroup } from '../../api/types';
import type { FieldSpec } from '../../components/fields';
import { RecordListPage } from '../../components/RecordListPage';
import { INTERACTION_FIGURES, StatisticsDialog } from '../../components/StatisticsDialog';

const FIELDS: readonly FieldSpec[] = [
  { name: 'code', kind: 'code', max: 10, required: true, key: true },
  { name: 'description', kind: 'text', max: 100 },
];

export function InteractionGroupsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [stats, setStats] = useState<InteractionGroup | null>(null);
  return (
    <>
      <RecordListPage<InteractionGroup>
        id="groups"
        title={t('pages.groups')}
        path="/interaction-groups"
        keyField="code"
        fields={FIELDS}
        columns={['code', 'description']}
        writeRole="admin"
        lookup="groups"
        actions={(sel) => {
          const one = sel.length === 1 ? sel[0]! : null;
          return (
            <>
              <Button
                size="xs"
                variant="default"
                disabled={!one}
                onClick={() => one && navigate(`/interaction-templates?interactionGroupCode=${seg(one.code)}`)}
              >
                {t('pages.templates')}
              </Button>
              <Button
                size="xs"
                variant="default"
                disabled={!one}
                onClick={() => one && navigate(`/entries?interactionGroupCode=${seg(one.code)}`)}
              >
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
        title={`${t('actions.statistics')} — ${stats?.code ?? ''}`}
        path={stats ? `/interaction-groups/${seg(stats.code)}/statistics` : null}
        figures={INTERACTION_FIGURES}
        onClose={() => setStats(null)}
      />
    </>
  );
}
