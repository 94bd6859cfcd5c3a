import { Checkbox, NumberInput, Select, TagsInput, TextInput, Textarea } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { Format } from '../format/format';
import { CodeSelect } from './CodeSelect';
import { ContactSelect } from './ContactSelect';
import type { LookupKind } from './lookups';

// One description of a record's fields serves its form inputs and its list columns.

export type FieldSpec =
  | {
      readonly name: string;
      readonly kind: 'code' | 'text';
      readonly max?: number;
      readonly required?: boolean;
      readonly key?: boolean;
      readonly multiline?: boolean;
    }
  | {
      readonly name: string;
      readonly kind: 'money' | 'int' | 'bool' | 'date' | 'codes';
      readonly required?: boolean;
      readonly key?: boolean;
    }
  | {
      readonly name: string;
      readonly kind: 'enum';
      readonly values: readonly string[];
      readonly enumName: string;
      readonly nullable?: boolean;
      readonly required?: boolean;
      readonly key?: boolean;
    }
  | {
      readonly name: string;
      readonly kind: 'lookup';
      readonly lookup: LookupKind;
      readonly required?: boolean;
      readonly key?: boolean;
      readonly only?: (row: never) => boolean;
    }
  | { readonly name: string; readonly kind: 'company'; readonly required?: boolean; readonly key?: boolean };

export type Values = Record<string, unknown>;

/** A check mark for a true boolean; nothing for false (as a Business Central list shows it). */
export function Check({ value, t }: { value: unknown; t: TFunction }) {
  return value ? (
    <span role="img" aria-label={t('common.yes')}>
      ✓
    </span>
  ) : null;
}

/** How a field's value is shown in a list cell or read-only text. */
export function display(spec: FieldSpec, value: unknown, t: TFunction, f: Format): ReactNode {
  if (value === null || value === undefined) return '';
  switch (spec.kind) {
    case 'bool':
      return <Check value={value} t={t} />;
    case 'money':
      return f.money(value as number);
    case 'int':
      return f.int(value as number);
    case 'date':
      return f.date(value as string);
    case 'enum':
      return t(`enums.${spec.enumName}.${String(value)}`);
    case 'codes':
      return (value as string[]).join(', ');
    default:
      return String(value);
  }
}

/** List columns for fields (right-aligned numbers). */
export function columnsFor<T>(specs: readonly FieldSpec[], t: TFunction, f: Format, sizes: Record<string, number> = {}): ColumnDef<T>[] {
  return specs.map((s) => ({
    id: s.name,
    header: t(`fields.${s.name}`),
    accessorFn: (row: T) => (row as Values)[s.name],
    cell: (ctx) => display(s, ctx.getValue(), t, f),
    size: sizes[s.name] ?? (s.kind === 'bool' ? 90 : s.kind === 'money' || s.kind === 'int' ? 110 : s.kind === 'text' ? 240 : 130),
    meta: s.kind === 'money' || s.kind === 'int' ? { align: 'right' as const } : {},
  }));
}

export interface FieldInputProps {
  readonly spec: FieldSpec;
  readonly value: unknown;
  readonly onChange: (v: unknown) => void;
  readonly error?: string | undefined;
  readonly disabled?: boolean;
  readonly t: TFunction;
  readonly locale: string;
}

/** The input of one field, labelled, with its error shown under it. */
export function FieldInput({ spec, value, onChange, error, disabled, t, locale }: FieldInputProps) {
  const label = t(`fields.${spec.name}`);
  const common = { label, error, disabled: Boolean(disabled), required: spec.required ?? false, name: spec.name };
  const ru = locale.startsWith('ru');
  switch (spec.kind) {
    case 'bool':
      return (
        <Checkbox
          label={label}
          checked={Boolean(value)}
          onChange={(e) => onChange(e.currentTarget.checked)}
          error={error}
          disabled={Boolean(disabled)}
          name={spec.name}
          mt="sm"
        />
      );
    case 'money':
    case 'int':
      return (
        <NumberInput
          {...common}
          value={value === null || value === undefined ? '' : (value as number)}
          onChange={(v) => onChange(v === '' ? null : Number(v))}
          min={0}
          decimalScale={spec.kind === 'money' ? 2 : 0}
          fixedDecimalScale={spec.kind === 'money'}
          allowNegative={false}
          decimalSeparator={ru ? ',' : '.'}
          thousandSeparator={ru ? ' ' : ','}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={(value as string | null) ?? ''}
          onChange={(e) => onChange(e.currentTarget.value || null)}
        />
      );
    case 'enum':
      return (
        <Select
          {...common}
          clearable={spec.nullable ?? true}
          data={spec.values.map((v) => ({ value: v, label: t(`enums.${spec.enumName}.${v}`) }))}
          value={(value as string | null) ?? null}
          onChange={(v) => onChange(v)}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'lookup':
      return (
        <CodeSelect
          {...common}
          kind={spec.lookup}
          value={(value as string | null) ?? null}
          onChange={onChange}
          {...(spec.only && { only: spec.only })}
        />
      );
    case 'company':
      return <ContactSelect {...common} type="company" value={(value as string | null) ?? null} onChange={(no) => onChange(no)} />;
    case 'codes':
      return (
        <TagsInput
          {...common}
          value={(value as string[] | null) ?? []}
          onChange={(v) => onChange(v.map((c) => c.trim().toUpperCase()))}
          splitChars={[',', ';', ' ']}
        />
      );
    default:
      return spec.kind === 'text' && spec.multiline ? (
        <Textarea
          {...common}
          value={(value as string | null) ?? ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          maxLength={spec.max}
          autosize
          minRows={2}
        />
      ) : (
        <TextInput
          {...common}
          value={(value as string | null) ?? ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          maxLength={spec.max}
        />
      );
  }
}

/** The body of a create (every filled field) or a patch (the changed fields; blank → null). */
export function bodyOf(specs: readonly FieldSpec[], values: Values, original: Values | null): Values {
  const out: Values = {};
  for (const s of specs) {
    let v = values[s.name];
    if (typeof v === 'string' && v.trim() === '') v = null;
    if (original) {
      if (s.key) continue;
      if (JSON.stringify(v ?? null) !== JSON.stringify(original[s.name] ?? null))
        out[s.name] = s.kind === 'bool' ? Boolean(v) : (v ?? null);
    } else if (v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)) out[s.name] = v;
  }
  return out;
}
