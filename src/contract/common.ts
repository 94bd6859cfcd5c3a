import { z } from 'zod';

// The words the API, the CLI and the web UI share. Inputs are parsed into the system's own
// units (codes upper-cased, money in integer cents); outputs are described as the API shows them.

const codePoints = (s: string) => [...s].length;

/** A code: trimmed, upper-cased, ASCII letters, digits, space and - _ . / & ; empty → null. */
export function code(max: number) {
  return z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .pipe(
      z
        .string()
        .refine((s) => codePoints(s) <= max, `must have at most ${max} characters`)
        .refine((s) => /^[A-Z0-9 \-_./&]*$/.test(s), 'may contain only letters, digits, space and - _ . / &'),
    )
    .transform((s) => (s === '' ? null : s))
    .meta({ description: `code, at most ${max} characters, upper-cased by the server` });
}

/** A required code: as `code` but null/empty is refused. */
export function requiredCode(max: number) {
  return code(max)
    .refine((s) => s !== null, 'is required')
    .transform((s) => s as string);
}

export const code20 = () => code(20);

/** Free text: kept as sent; empty or whitespace-only → null. */
export function text(max: number) {
  return z
    .string()
    .refine((s) => codePoints(s) <= max, `must have at most ${max} characters`)
    .transform((s) => (s.trim() === '' ? null : s));
}

export function requiredText(max: number) {
  return text(max)
    .refine((s) => s !== null, 'is required')
    .transform((s) => s as string);
}

/** Money in: a JSON number 0 … 999999999.99 with at most 2 decimals → integer cents. */
export const money = z
  .number()
  .refine((v) => v >= 0, 'must not be negative')
  .refine((v) => v <= 999999999.99, 'must be at most 999999999.99')
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-7, 'must have at most 2 decimals')
  .transform((v) => Math.round(v * 100))
  .meta({ description: 'amount in LCY, at most 2 decimals' });

/** Cents out → the JSON number. */
export function fromCents(cents: number): number {
  return cents / 100;
}

export const duration = z.number().int('must be a whole number').min(0, 'must not be negative').max(2147483647);

function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

export const date = z.string().refine(isCalendarDate, 'must be a date YYYY-MM-DD (1900-01-01 … 9999-12-31)').meta({ format: 'date' });
export const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/, 'must be a time HH:MM:SS')
  .meta({ format: 'time' });
export const instant = z.string().meta({ format: 'date-time' });

export const email = text(80).refine((s) => s === null || /^[^@\s]+@[^@\s]+$/.test(s), 'must be an e-mail address');

export const informationFlow = z.enum(['outbound', 'inbound']);
export const initiatedBy = z.enum(['us', 'them']);
export const evaluation = z.enum(['very_positive', 'positive', 'neutral', 'negative', 'very_negative']);
export const correspondenceType = z.enum(['hard_copy', 'email']);
export const deliveryStatus = z.enum(['in_progress', 'error']);
export const wizardAction = z.enum(['open', 'import', 'merge']);
export const contactType = z.enum(['company', 'person']);
export const role = z.enum(['admin', 'user', 'viewer']);
export const jobStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'canceled']);
export const origin = z.enum(['interaction', 'phone_call', 'document', 'segment', 'import', 'email']);

export const DOCUMENT_TYPES = [
  'sales_quote',
  'sales_blanket_order',
  'sales_order_confirmation',
  'sales_invoice',
  'sales_shipment_note',
  'sales_credit_memo',
  'sales_statement',
  'sales_reminder',
  'service_order_create',
  'service_order_post',
  'purchase_quote',
  'purchase_blanket_order',
  'purchase_order',
  'purchase_invoice',
  'purchase_receipt',
  'purchase_credit_memo',
  'cover_sheet',
  'sales_return_order',
  'sales_finance_charge_memo',
  'sales_return_receipt',
  'purchase_return_shipment',
  'purchase_return_order_confirmation',
  'service_contract',
  'service_contract_quote',
  'service_quote',
  'sales_draft_invoice',
] as const;
export const documentType = z.enum(DOCUMENT_TYPES);
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Query booleans are exactly `true` or `false`. */
export const queryBool = z.enum(['true', 'false']).transform((v) => v === 'true');
/** Query integers are decimal digits. */
export const queryInt = z
  .string()
  .regex(/^\d{1,15}$/, 'must be a whole number')
  .transform((v) => Number(v));

export const limit = queryInt.pipe(z.number().min(1, 'must be at least 1').max(500, 'must be at most 500'));

/** Query of every list endpoint: limit and cursor. */
export const listQuery = { limit: limit.optional(), cursor: z.string().max(500).optional() };

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const idempotencyKey = z.string().regex(/^[\x21-\x7e]{1,255}$/, 'must be 1–255 visible ASCII characters');

/** Dates range refinement helper: `from` ≤ `to` when both given. */
export function rangeOk(from: unknown, to: unknown): boolean {
  if (from === undefined || from === null || to === undefined || to === null) return true;
  return (from as string | number) <= (to as string | number);
}
