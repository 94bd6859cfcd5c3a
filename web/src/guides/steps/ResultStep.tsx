import { Checkbox, Collapse, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CostInput, DurationInput, EvaluationSelect, ResultDescription, ShowMoreButton } from '../guide-fields';
import type { MoreProps, StepProps } from './step-props';

/** Step 4: how it went — evaluation and, on request, success, cost and duration. */
export function ResultStep({ d, fieldError, more, onToggleMore }: StepProps & MoreProps) {
  const { t } = useTranslation();
  const { draft, set } = d;
  return (
    <Stack gap="sm">
      <Text fw={600}>{t('guide.q4')}</Text>
      <ResultDescription value={draft.description} onChange={(v) => set({ description: v })} error={fieldError('description')} />
      <EvaluationSelect value={draft.evaluation} onChange={(v) => set({ evaluation: v })} error={fieldError('evaluation')} />
      <ShowMoreButton open={more} onToggle={onToggleMore} />
      <Collapse in={more || Boolean(fieldError('costLcy') ?? fieldError('durationMin'))}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Checkbox
            mt="lg"
            label={t('guide.wasSuccessful')}
            checked={!draft.attemptFailed}
            onChange={(e) => set({ attemptFailed: !e.currentTarget.checked })}
          />
          <CostInput value={draft.costLcy} onChange={(v) => set({ costLcy: v })} error={fieldError('costLcy')} />
          <DurationInput value={draft.durationMin} onChange={(v) => set({ durationMin: v })} error={fieldError('durationMin')} />
        </SimpleGrid>
      </Collapse>
    </Stack>
  );
}
