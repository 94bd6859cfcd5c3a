import { Checkbox, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CostInput, DurationInput, EvaluationSelect, ResultDescription } from '../guide-fields';
import type { CallStepProps } from './call-step-props';

/** Step 2: how the call went — evaluation, cost, duration, and whether it got through. */
export function CallResultStep({ call, fieldError }: CallStepProps) {
  const { t } = useTranslation();
  const { draft, set } = call;
  return (
    <Stack gap="sm">
      <Text fw={600}>{t('call.q2')}</Text>
      <ResultDescription value={draft.description} onChange={(v) => set({ description: v })} />
      <EvaluationSelect value={draft.evaluation} onChange={(v) => set({ evaluation: v })} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <CostInput value={draft.costLcy} onChange={(v) => set({ costLcy: v })} error={fieldError('costLcy')} />
        <DurationInput value={draft.durationMin} onChange={(v) => set({ durationMin: v })} error={fieldError('durationMin')} />
        <Checkbox
          mt="lg"
          label={t('call.successful')}
          checked={draft.successful}
          onChange={(e) => set({ successful: e.currentTarget.checked })}
        />
      </SimpleGrid>
    </Stack>
  );
}
