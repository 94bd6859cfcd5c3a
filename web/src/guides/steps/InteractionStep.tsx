import { Collapse, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CORRESPONDENCE_TYPES, INFORMATION_FLOWS, INITIATED_BY } from '../../api/enums';
import { CodeSelect } from '../../components/CodeSelect';
import { ContactSelect } from '../../components/ContactSelect';
import { ShowMoreButton } from '../guide-fields';
import type { MoreProps, StepProps } from './step-props';

/** Step 1: who, which template, what about — and, on request, the fields the template filled. */
export function InteractionStep({ d, fieldError, more, onToggleMore, contactFixed }: StepProps & MoreProps & { contactFixed: boolean }) {
  const { t } = useTranslation();
  const { draft, set } = d;
  const enabled = draft.interactionTemplateCode !== null;
  const enumData = (values: readonly string[], name: string) => values.map((v) => ({ value: v, label: t(`enums.${name}.${v}`) }));
  const hidden = ['salespersonCode', 'languageCode', 'date', 'correspondenceType'];
  return (
    <Stack gap="sm">
      <Text fw={600}>{t('guide.q1')}</Text>
      <ContactSelect
        label={t('fields.contactNo')}
        required
        value={draft.contactNo}
        disabled={d.locked('contactNo') || contactFixed}
        onChange={d.chooseContact}
        error={fieldError('contactNo')}
        data-autofocus
      />
      <CodeSelect
        kind="templates"
        label={t('fields.interactionTemplateCode')}
        required
        value={draft.interactionTemplateCode}
        onChange={(v) => void d.chooseTemplate(v)}
        error={fieldError('interactionTemplateCode')}
      />
      <TextInput
        label={t('fields.description')}
        required
        value={draft.description}
        maxLength={100}
        onChange={(e) => set({ description: e.currentTarget.value })}
        error={fieldError('description')}
      />
      <ShowMoreButton open={more} onToggle={onToggleMore} />
      {/* a refused value opens the fields so that its message is seen */}
      <Collapse in={more || hidden.some((n) => fieldError(n))}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <CodeSelect
            kind="salespeople"
            label={t('fields.salespersonCode')}
            value={draft.salespersonCode}
            onChange={(v) => set({ salespersonCode: v })}
            disabled={!enabled || d.locked('salespersonCode')}
            placeholder={t('guide.salespersonDefault')}
            error={fieldError('salespersonCode')}
          />
          <Select
            label={t('fields.languageCode')}
            data={d.languages.map((l) => ({
              value: l.languageCode,
              label: l.description ? `${l.languageCode} · ${l.description}` : l.languageCode,
            }))}
            value={draft.languageCode}
            onChange={(v) => set({ languageCode: v })}
            disabled={!enabled}
            clearable
            error={fieldError('languageCode')}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            type="date"
            label={t('fields.date')}
            description={t('common.todayWhenEmpty')}
            value={draft.date}
            onChange={(e) => set({ date: e.currentTarget.value })}
            disabled={!enabled}
            error={fieldError('date')}
          />
          <TextInput
            type="time"
            label={t('fields.timeOfInteraction')}
            description={t('common.nowWhenEmpty')}
            value={draft.timeOfInteraction}
            onChange={(e) => set({ timeOfInteraction: e.currentTarget.value })}
            disabled={!enabled}
            error={fieldError('timeOfInteraction')}
          />
          <Select
            label={t('fields.correspondenceType')}
            data={enumData(CORRESPONDENCE_TYPES, 'correspondenceType')}
            value={draft.correspondenceType}
            onChange={(v) => set({ correspondenceType: v })}
            disabled={!enabled}
            clearable
            error={fieldError('correspondenceType')}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('fields.informationFlow')}
            data={enumData(INFORMATION_FLOWS, 'informationFlow')}
            value={draft.informationFlow}
            onChange={(v) => set({ informationFlow: v })}
            disabled={!enabled}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('fields.initiatedBy')}
            data={enumData(INITIATED_BY, 'initiatedBy')}
            value={draft.initiatedBy}
            onChange={(v) => set({ initiatedBy: v })}
            disabled={!enabled}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
      </Collapse>
    </Stack>
  );
}
