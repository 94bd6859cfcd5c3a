import { Button, Collapse, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CodeSelect } from '../../components/CodeSelect';
import { ContactSelect } from '../../components/ContactSelect';
import { ShowMoreButton } from '../guide-fields';
import type { MoreProps } from '../steps/step-props';
import type { CallStepProps } from './call-step-props';

/** Step 1: whom to call, on which number (R38), about what. */
export function CallContactStep({ call, fieldError, more, onToggleMore }: CallStepProps & MoreProps) {
  const { t } = useTranslation();
  const { draft, set } = call;
  return (
    <Stack gap="sm">
      <Text fw={600}>{t('call.q1')}</Text>
      <ContactSelect
        label={t('fields.contactNo')}
        required
        value={draft.contactNo}
        onChange={call.chooseContact}
        error={fieldError('contactNo')}
        data-autofocus
      />
      <Group align="flex-end" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label={t('call.phoneNo')}
          value={draft.contactVia}
          maxLength={80}
          onChange={(e) => set({ contactVia: e.currentTarget.value })}
          error={fieldError('contactVia')}
        />
        <Button
          component="a"
          href={`tel:${draft.contactVia.replace(/\s/g, '')}`}
          variant="default"
          leftSection={<IconPhone size={14} aria-hidden />}
          disabled={!draft.contactVia.trim()}
        >
          {t('call.call')}
        </Button>
      </Group>
      <TextInput
        label={t('fields.description')}
        value={draft.description}
        maxLength={100}
        onChange={(e) => set({ description: e.currentTarget.value })}
        error={fieldError('description')}
      />
      <ShowMoreButton open={more} onToggle={onToggleMore} />
      <Collapse in={more || Boolean(fieldError('salespersonCode'))}>
        <CodeSelect
          kind="salespeople"
          label={t('fields.salespersonCode')}
          value={draft.salespersonCode}
          onChange={(v) => set({ salespersonCode: v })}
          placeholder={t('guide.salespersonDefault')}
          error={fieldError('salespersonCode')}
        />
      </Collapse>
    </Stack>
  );
}
