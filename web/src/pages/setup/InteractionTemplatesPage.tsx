import { Button } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { seg } from '../../api/client';
import type { Template } from '../../api/types';
import { Check } from '../../components/fields';
import { RecordListPage } from '../../components/RecordListPage';
import { INTERACTION_FIGURES, StatisticsDialog } from '../../components/StatisticsDialog';
import { TEMPLATE_FIELDS } from './template-fields';

export function InteractionTemplatesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const group = params.get('interactionGroupCode');
  const [stats, setStats] = useState<Template | null>(null);
  const query = useMemo(() => (group ? { interactionGroupCode: group } : {}), [group]);
  const initial = useMemo(
    () => ({ correspondenceTypeDefault: 'email', unitCostLcy: 0, unitDurationMin: 0, ...(group && { interactionGroupCode: group }) }),
    [group],
  );
  const extra = useMemo<ColumnDef<Template>[]>(
    () => [
      {
        id: 'attachment',
        header: t('fields.attachment'),
        accessorFn: (r) => r.attachmentId !== null,
        cell: (c) => <Check value={c.getValue()} t={t} />,
        size: 100,
      },
    ],
    [t],
  );
  return (
    <>
      <RecordListPage<Template>
        id="templates"
        title={t('pages.templates')}
        caption={group}
        path="/interaction-templates"
        keyField="code"
        fields={TEMPLATE_FIELDS}
        columns={TEMPLATE_FIELDS.map((f) => f.name)}
        optional={['informationFlow', 'initiatedBy', 'campaignNo', 'campaignTarget', 'campaignResponse', 'ignoreContactCorrespondenceType']}
        extraColumns={extra}
        query={query}
        initial={initial}
        writeRole="admin"
        lookup="templates"
        cardPath={(r) => `/interaction-templates/${seg(r.code)}`}
        actions={(sel) => {
          const one = sel.length === 1 ? sel[0]! : null;
          return (
            <>
              <Button
                size="xs"
                variant="default"
                disabled={!one}
                onClick={() => one && navigate(`/interaction-templates/${seg(one.code)}#languages`)}
              >
                {t('actions.languages')}
              </Button>
              <Button
                size="xs"
                variant="default"
                disabled={!one}
                onClick={() => one && navigate(`/entries?interactionTemplateCode=${seg(one.code)}`)}
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
        path={stats ? `/interaction-templates/${seg(stats.code)}/statistics` : null}
        figures={INTERACTION_FIGURES}
        onClose={() => setStats(null)}
      />
    </>
  );
}
