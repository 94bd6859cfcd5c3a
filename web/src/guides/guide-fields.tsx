import { Button, NumberInput, Select, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { companyNoOf } from '../api/contact-scope';
import { EVALUATIONS } from '../api/enums';
import { CODE_FIELD, isApiError } from '../api/problem';
import type { Contact } from '../api/types';
import { errorAt } from '../components/RecordFields';
import { OpportunitySelect } from './OpportunitySelect';

// The fields both guides ask in the same way.

/** The field a failed Finish is about (a 400 path, or the field its code names), so the guide can show its step. */
export function problemField(error: unknown): string | null {
  if (!isApiError(error)) return null;
  return error.errors[0]?.path ?? CODE_FIELD[error.code] ?? '';
}

/** True when one of the guide's fields shows the error (else the guide shows it at its top). */
export function shownAtAGuideField(error: unknown, fields: readonly string[]): boolean {
  return fields.some((n) => errorAt(error, n));
}

export function ShowMoreButton({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  return (
    <Button variant="subtle" size="xs" w="fit-content" onClick={onToggle} aria-expanded={open}>
      {open ? t('guide.showLess') : t('guide.showMore')}
    </Button>
  );
}

interface FieldProps<V> {
  readonly value: V;
  readonly onChange: (v: V) => void;
  readonly error?: string | undefined;
}

/** The result's description: the same Description the first step asked. */
export function ResultDescription({ value, onChange, error }: FieldProps<string>) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t('guide.resultDescription')}
      value={value}
      maxLength={100}
      onChange={(e) => onChange(e.currentTarget.value)}
      autosize
      minRows={2}
      error={error}
    />
  );
}

export function EvaluationSelect({ value, onChange, error }: FieldProps<string | null>) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('fields.evaluation')}
      data={EVALUATIONS.map((v) => ({ value: v, label: t(`enums.evaluation.${v}`) }))}
      value={value}
      onChange={onChange}
      clearable
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** Cost (LCY): money with 2 decimals, never negative (decision f). */
export function CostInput({ value, onChange, error }: FieldProps<number>) {
  const { t } = useTranslation();
  return (
    <NumberInput
      label={t('fields.costLcy')}
      value={value}
      onChange={(v) => onChange(Number(v) || 0)}
      min={0}
      decimalScale={2}
      fixedDecimalScale
      allowNegative={false}
      error={error}
    />
  );
}

/** Duration (Min.): whole minutes (decision f). */
export function DurationInput({ value, onChange, error }: FieldProps<number>) {
  const { t } = useTranslation();
  return (
    <NumberInput
      label={t('fields.durationMin')}
      value={value}
      onChange={(v) => onChange(Number(v) || 0)}
      min={0}
      allowDecimal={false}
      allowNegative={false}
      error={error}
    />
  );
}

/** The open opportunities of the contact's company, as BC's guides offer them. */
export function OpportunityField({
  contact,
  salespersonCode,
  disabled,
  ...field
}: FieldProps<string | null> & { contact: Contact | null; salespersonCode: string | null; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <OpportunitySelect
      label={t('fields.opportunityNo')}
      companyNo={companyNoOf(contact)}
      salespersonCode={salespersonCode}
      value={field.value}
      onChange={field.onChange}
      {...(disabled !== undefined && { disabled })}
      error={field.error}
    />
  );
}
