import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CodeSelect } from '../../components/CodeSelect';
import { OpportunityField } from '../guide-fields';
import type { CallStepProps } from './call-step-props';

/** Step 3: the campaign and the opportunity the call belongs to. */
export function CallCampaignStep({ call, fieldError }: CallStepProps) {
  const { t } = useTranslation();
  const { draft, set } = call;
  return (
    <Stack gap="sm">
      <Text fw={600}>{t('call.q3')}</Text>
      <CodeSelect
        kind="campaigns"
        label={t('fields.campaignNo')}
        value={draft.campaignNo}
        onChange={(v) => set({ campaignNo: v })}
        error={fieldError('campaignNo')}
      />
      <OpportunityField
        contact={call.contact}
        salespersonCode={draft.salespersonCode}
        value={draft.opportunityNo}
        onChange={(v) => set({ opportunityNo: v })}
        error={fieldError('opportunityNo')}
      />
    </Stack>
  );
}
