import { Badge, Button, CloseButton, Drawer, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeSelect } from './CodeSelect';
import { ContactSelect } from './ContactSelect';
import type { LookupKind } from './lookups';
import { useLatest } from '../hooks/use-latest';

// The filter pane of a list: every filter is a query parameter of the list's API and of the
// page's address, so a filtered view can be bookmarked and shared.

export type FilterSpec =
  | { readonly name: string; readonly kind: 'int' | 'date' | 'code' | 'text' | 'bool' }
  | { readonly name: string; readonly kind: 'contact' | 'company' }
  | { readonly name: string; readonly kind: 'lookup'; readonly lookup: LookupKind }
  | { readonly name: string; readonly kind: 'enum'; readonly values: readonly string[]; readonly enumName: string };

export type Filters = Readonly<Record<string, string>>;

export function FilterPane({
  opened,
  onClose,
  specs,
  value,
  onApply,
  title,
}: {
  opened: boolean;
  onClose: () => void;
  specs: readonly FilterSpec[];
  value: Filters;
  onApply: (f: Filters) => void;
  title: string;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Record<string, string>>({});
  const current = useLatest(value);
  useEffect(() => {
    if (opened) setDraft({ ...current.current });
  }, [opened, current]);

  const set = (name: string, v: string | null | undefined) =>
    setDraft((d) => {
      const next = { ...d };
      if (v === null || v === undefined || v === '') delete next[name];
      else next[name] = v;
      return next;
    });

  function submit(e: FormEvent) {
    e.preventDefault();
    onApply(draft);
    onClose();
  }

  function input(s: FilterSpec) {
    const label = t(`fields.${s.name}`);
    const v = draft[s.name] ?? '';
    switch (s.kind) {
      case 'int':
        return (
          <NumberInput
            key={s.name}
            label={label}
            value={v}
            onChange={(n) => set(s.name, n === '' ? null : String(n))}
            min={1}
            allowDecimal={false}
            allowNegative={false}
          />
        );
      case 'date':
        return <TextInput key={s.name} type="date" label={label} value={v} onChange={(e) => set(s.name, e.currentTarget.value)} />;
      case 'bool':
        return (
          <Select
            key={s.name}
            label={label}
            clearable
            data={[
              { value: 'true', label: t('common.yes') },
              { value: 'false', label: t('common.no') },
            ]}
            value={v || null}
            onChange={(n) => set(s.name, n)}
            comboboxProps={{ withinPortal: true }}
          />
        );
      case 'enum':
        return (
          <Select
            key={s.name}
            label={label}
            clearable
            searchable
            data={s.values.map((x) => ({ value: x, label: t(`enums.${s.enumName}.${x}`) }))}
            value={v || null}
            onChange={(n) => set(s.name, n)}
            comboboxProps={{ withinPortal: true }}
          />
        );
      case 'contact':
      case 'company':
        return (
          <ContactSelect
            key={s.name}
            label={label}
            value={v || null}
            onChange={(no) => set(s.name, no)}
            {...(s.kind === 'company' && { type: 'company' as const })}
          />
        );
      case 'lookup':
        return <CodeSelect key={s.name} kind={s.lookup} label={label} value={v || null} onChange={(n) => set(s.name, n)} />;
      default:
        return (
          <TextInput
            key={s.name}
            label={label}
            value={v}
            onChange={(e) => set(s.name, s.kind === 'code' ? e.currentTarget.value.toUpperCase() : e.currentTarget.value)}
          />
        );
    }
  }

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      title={title}
      position="left"
      size="sm"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          {specs.map(input)}
          <Group justify="space-between" mt="sm" pos="sticky" bottom={0} bg="var(--mantine-color-body)" py="xs">
            <Button variant="default" onClick={() => setDraft({})}>
              {t('filters.clear')}
            </Button>
            <Button type="submit">{t('filters.apply')}</Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}

/** The active filters as removable pills. */
export function FilterPills({
  value,
  specs,
  onRemove,
}: {
  value: Filters;
  specs: readonly FilterSpec[];
  onRemove: (name: string) => void;
}) {
  const { t } = useTranslation();
  const active = specs.filter((s) => value[s.name] !== undefined && value[s.name] !== '');
  if (active.length === 0) return null;
  const shown = (s: FilterSpec, v: string) =>
    s.kind === 'enum' ? t(`enums.${s.enumName}.${v}`) : s.kind === 'bool' ? t(v === 'true' ? 'common.yes' : 'common.no') : v;
  return (
    <Group gap={6} mb="xs" aria-label={t('filters.active')} role="list">
      {active.map((s) => (
        <Badge
          key={s.name}
          role="listitem"
          variant="light"
          size="lg"
          tt="none"
          rightSection={
            <CloseButton size="xs" aria-label={t('filters.remove', { name: t(`fields.${s.name}`) })} onClick={() => onRemove(s.name)} />
          }
        >
          {t(`fields.${s.name}`)}: {shown(s, value[s.name]!)}
        </Badge>
      ))}
    </Group>
  );
}
