import { Checkbox, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CodeSelect } from '../../components/CodeSelect';
import { OpportunityField } from '../guide-fields';
import type { StepProps } from './step-props';

/** Step 3: the campaign (target, response) and the opportunity the interaction belongs to. */
export function CampaignStep({ d, fieldError }: StepProps) {
  const { t } = useTranslation();
  const { draft, set } = d;
  return (
    <Stack gap="sm">
      <Text fw={600}>{t('guide.q3')}</Text>
      <CodeSelect
        kind="campaigns"
        label={t('fields.campaignNo')}
        value={draft.campaignNo}
        onChange={(v) => set({ campaignNo: v })}
        disabled={d.locked('campaignNo')}
        error={fieldError('campaignNo')}
      />
      <Checkbox
        label={t('guide.campaignTarget')}
        checked={draft.campaignTarget}
        onChange={(e) => set({ campaignTarget: e.currentTarget.checked })}
        disabled={!draft.campaignNo}
      />
      <Checkbox
        label={t('guide.campaignResponse')}
        checked={draft.campaignResponse}
        onChange={(e) => set({ campaignResponse: e.currentTarget.checked })}
        disabled={!draft.campaignNo}
      />
      <OpportunityField
        contact={d.contact}
        salespersonCode={draft.salespersonCode}
        value={draft.opportunityNo}
        onChange={(v) => set({ opportunityNo: v })}
        disabled={d.locked('opportunityNo')}
        error={fieldError('opportunityNo')}
      />
    </Stack>
  );
}
