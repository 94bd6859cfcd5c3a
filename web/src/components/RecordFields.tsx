import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CODE_FIELD, isApiError } from '../api/problem';
import { useFormat } from '../format/format';
import { FieldInput, type FieldSpec, type Values } from './fields';

/** The message to show at a field for a failed save: a 400 path, or the field a refusal code is about. */
export function errorAt(error: unknown, name: string, keyField?: string): string | undefined {
  if (!isApiError(error)) return undefined;
  const m = error.fieldMessage(name);
  if (m) return m;
  const about = CODE_FIELD[error.code] ?? (error.code === 'duplicate_code' ? keyField : undefined);
  return about === name ? error.detail : undefined;
}

/** True when some field of the form shows the error (else the form shows it at its top). */
export function shownAtAField(error: unknown, specs: readonly FieldSpec[]): boolean {
  const key = specs.find((s) => s.key)?.name;
  return specs.some((s) => errorAt(error, s.name, key));
}

export function RecordFields({
  specs,
  values,
  onChange,
  error,
  readOnly,
  existing,
  cols = 2,
}: {
  specs: readonly FieldSpec[];
  values: Values;
  onChange: (name: string, v: unknown) => void;
  error: unknown;
  readOnly?: boolean;
  /** Key fields cannot be changed on an existing record. */
  existing?: boolean;
  cols?: number;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const key = specs.find((s) => s.key)?.name;
  return (
    <SimpleGrid cols={{ base: 1, sm: Math.min(2, cols), lg: cols }}>
      {specs.map((s) => (
        <FieldInput
          key={s.name}
          spec={s}
          value={values[s.name]}
          onChange={(v) => onChange(s.name, v)}
          error={errorAt(error, s.name, key)}
          disabled={Boolean(readOnly) || (Boolean(s.key) && Boolean(existing))}
          t={t}
          locale={f.locale}
        />
      ))}
    </SimpleGrid>
  );
}
