import { z } from 'zod';
import { code, contactType, correspondenceType, email, listQuery, queryBool, requiredCode, requiredText, text } from './common';
import { readOnly } from './read-only';

const codeList = z.array(requiredCode(10)).max(100, 'must have at most 100 codes');

/** The fields a client may write, every one optional (a PATCH, or a create's defaults). */
const writable = {
  type: contactType.optional(),
  name: requiredText(100).optional(),
  companyNo: code(20).nullable().optional(),
  email: email.nullable().optional(),
  phoneNo: text(30).nullable().optional(),
  mobilePhoneNo: text(30).nullable().optional(),
  salespersonCode: code(20).nullable().optional(),
  languageCode: code(10).nullable().optional(),
  correspondenceType: correspondenceType.nullable().optional(),
  excludeFromSegment: z.boolean().optional(),
  privacyBlocked: z.boolean().optional(),
  address: text(100).nullable().optional(),
  postCode: text(20).nullable().optional(),
  city: text(30).nullable().optional(),
  countryCode: code(10).nullable().optional(),
  territoryCode: code(10).nullable().optional(),
  industryGroupCodes: codeList.optional(),
  businessRelationCodes: codeList.optional(),
  mailingGroupCodes: codeList.optional(),
  customerNo: code(20).nullable().optional(),
  vendorNo: code(20).nullable().optional(),
};

/** POST /contacts: `no` from the series when omitted (or null); `name` required. */
export const createContactBody = z.strictObject({
  no: code(20).nullable().optional(),
  ...writable,
  name: requiredText(100),
  companyName: readOnly('is computed'),
});

/** PATCH /contacts/{no}: only fields present change; the key cannot be changed. */
export const patchContactBody = z.strictObject({
  no: readOnly('is the key and cannot be changed'),
  ...writable,
  companyName: readOnly('is computed'),
});

export const contactParams = z.strictObject({ no: requiredCode(20) });

export const listContactsQuery = z.strictObject({
  ...listQuery,
  type: contactType.optional(),
  companyNo: code(20).optional(),
  salespersonCode: code(20).optional(),
  q: z.string().max(100, 'must have at most 100 characters').optional(),
});

/** A contact as the API shows it (api.md §5.1), fields in contract order. */
export const contactOut = z.object({
  no: z.string(),
  type: contactType,
  name: z.string(),
  companyNo: z.string().nullable(),
  companyName: z.string().nullable(),
  email: z.string().nullable(),
  phoneNo: z.string().nullable(),
  mobilePhoneNo: z.string().nullable(),
  salespersonCode: z.string().nullable(),
  languageCode: z.string().nullable(),
  correspondenceType: correspondenceType.nullable(),
  excludeFromSegment: z.boolean(),
  privacyBlocked: z.boolean(),
  address: z.string().nullable(),
  postCode: z.string().nullable(),
  city: z.string().nullable(),
  countryCode: z.string().nullable(),
  territoryCode: z.string().nullable(),
  industryGroupCodes: z.array(z.string()),
  businessRelationCodes: z.array(z.string()),
  mailingGroupCodes: z.array(z.string()),
  customerNo: z.string().nullable(),
  vendorNo: z.string().nullable(),
});
export type ContactJson = z.infer<typeof contactOut>;

// ---- CSV import (api.md §5.1 Import) ----

export const importContactsQuery = z.strictObject({ skipInvalid: queryBool.optional(), async: queryBool.optional() });

export const importResultOut = z.object({
  imported: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
});

export const jobAcceptedOut = z.object({ jobId: z.string() });

/** The columns an import file may name: every writable contact field. */
export const CONTACT_CSV_COLUMNS: readonly string[] = Object.keys(createContactBody.shape).filter((k) => k !== 'companyName');
const BOOLEAN_COLUMNS = new Set(['excludeFromSegment', 'privacyBlocked']);
const LIST_COLUMNS = new Set(['industryGroupCodes', 'businessRelationCodes', 'mailingGroupCodes']);

/**
 * One CSV row as a create body: an empty cell is omitted, booleans are `true`/`false`, code
 * lists are separated by `;`. Validate the result with `createContactBody`.
 */
export function contactBodyFromCsv(columns: readonly string[], cells: readonly string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  columns.forEach((column, i) => {
    const raw = cells[i] ?? '';
    if (raw.trim() === '') return;
    if (BOOLEAN_COLUMNS.has(column)) {
      const v = raw.trim().toLowerCase();
      body[column] = v === 'true' ? true : v === 'false' ? false : raw;
    } else if (LIST_COLUMNS.has(column)) {
      body[column] = raw
        .split(';')
        .map((c) => c.trim())
        .filter((c) => c !== '');
    } else {
      body[column] = raw;
    }
  });
  return body;
}

/** Parses one CSV row into a create request, or answers its cell errors (path = column). */
export function parseContactCsvRow(
  columns: readonly string[],
  cells: readonly string[],
):
  | { readonly ok: true; readonly draft: z.output<typeof createContactBody> }
  | { readonly ok: false; readonly errors: { path: string; message: string }[] } {
  const r = createContactBody.safeParse(contactBodyFromCsv(columns, cells), { reportInput: true });
  if (r.success) return { ok: true, draft: r.data };
  return {
    ok: false,
    errors: r.error.issues.map((issue) => ({
      path: String(issue.path[0] ?? ''),
      message:
        issue.code === 'invalid_type'
          ? issue.input === undefined
            ? 'is required'
            : `must be ${issue.expected === 'boolean' ? 'true or false' : issue.expected}`
          : issue.code === 'invalid_value'
            ? `must be one of ${issue.values.map(String).join(', ')}`
            : issue.message,
    })),
  };
}
