import type { CorrespondenceType } from '../interaction-log/interaction-log';
import { contactErrors } from './contact.errors';

export type ContactType = 'company' | 'person';

/** The fields a client writes (domain.md §3.3); `no` is the key, `companyName` is computed. */
export interface ContactFields {
  readonly type: ContactType;
  readonly name: string;
  readonly companyNo: string | null;
  readonly email: string | null;
  readonly phoneNo: string | null;
  readonly mobilePhoneNo: string | null;
  readonly salespersonCode: string | null;
  readonly languageCode: string | null;
  readonly correspondenceType: CorrespondenceType | null;
  readonly excludeFromSegment: boolean;
  readonly privacyBlocked: boolean;
  readonly address: string | null;
  readonly postCode: string | null;
  readonly city: string | null;
  readonly countryCode: string | null;
  readonly territoryCode: string | null;
  readonly industryGroupCodes: readonly string[];
  readonly businessRelationCodes: readonly string[];
  readonly mailingGroupCodes: readonly string[];
  readonly customerNo: string | null;
  readonly vendorNo: string | null;
}

/** A stored contact. */
export interface ContactRecord extends ContactFields {
  readonly no: string;
}

/** A contact as read: with the name of its company. */
export interface Contact extends ContactRecord {
  readonly companyName: string | null;
}

/** A PATCH: only the fields present change; `null` clears a nullable field. */
export type ContactChanges = { readonly [K in keyof ContactFields]?: ContactFields[K] | undefined };

/** A create request: omitted fields take their defaults, `null` means blank (api.md §1.2). */
export type ContactDraft = ContactChanges & { readonly no?: string | null | undefined; readonly name: string };

export const CODE_LISTS = ['industryGroupCodes', 'businessRelationCodes', 'mailingGroupCodes'] as const;
export type CodeList = (typeof CODE_LISTS)[number];

/** The fields a new person takes from its company when the request omits them (R61). */
export const INHERITED_FROM_COMPANY = [
  'salespersonCode',
  'languageCode',
  'address',
  'postCode',
  'city',
  'countryCode',
  'territoryCode',
] as const;
export type CompanyDefaults = Pick<ContactFields, (typeof INHERITED_FROM_COMPANY)[number]>;

/** What the rules need to know about a contact named in a request. */
export interface ContactRef {
  readonly no: string;
  readonly type: ContactType;
  readonly defaults: CompanyDefaults;
  /** Whether the contact's own salesperson is blocked (then a new person does not inherit it). */
  readonly salespersonBlocked: boolean;
}

/** Code lists are sets: duplicates removed, sorted by character code (api.md §1.2). */
export function distinctSorted(codes: readonly string[]): string[] {
  return [...new Set(codes)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The record to store for a create request; `company` is the resolved company of a person. */
export function buildContact(no: string, d: ContactDraft, company: CompanyDefaults | null): ContactRecord {
  const type = d.type ?? 'company';
  // as BC: a new person of a company takes the company's values for what the request leaves out
  const inherit = <K extends keyof CompanyDefaults>(k: K): CompanyDefaults[K] =>
    d[k] !== undefined ? (d[k] as CompanyDefaults[K]) : company ? company[k] : null;
  return {
    no,
    type,
    name: d.name,
    companyNo: type === 'company' ? no : (d.companyNo ?? null),
    email: d.email ?? null,
    phoneNo: d.phoneNo ?? null,
    mobilePhoneNo: d.mobilePhoneNo ?? null,
    salespersonCode: inherit('salespersonCode'),
    languageCode: inherit('languageCode'),
    correspondenceType: d.correspondenceType ?? null,
    excludeFromSegment: d.excludeFromSegment ?? false,
    privacyBlocked: d.privacyBlocked ?? false,
    address: inherit('address'),
    postCode: inherit('postCode'),
    city: inherit('city'),
    countryCode: inherit('countryCode'),
    territoryCode: inherit('territoryCode'),
    industryGroupCodes: distinctSorted(d.industryGroupCodes ?? []),
    businessRelationCodes: distinctSorted(d.businessRelationCodes ?? []),
    mailingGroupCodes: distinctSorted(d.mailingGroupCodes ?? []),
    customerNo: d.customerNo ?? null,
    vendorNo: d.vendorNo ?? null,
  };
}

/** The stored record after a PATCH whose type and company were already resolved. */
export function applyChanges(
  cur: ContactRecord,
  c: ContactChanges,
  resolved: { type: ContactType; companyNo: string | null },
): ContactRecord {
  const pick = <K extends keyof ContactFields>(k: K): ContactFields[K] => (c[k] !== undefined ? (c[k] as ContactFields[K]) : cur[k]);
  const list = (k: CodeList) => (c[k] !== undefined ? distinctSorted(c[k]) : cur[k]);
  return {
    no: cur.no,
    type: resolved.type,
    name: pick('name'),
    companyNo: resolved.companyNo,
    email: pick('email'),
    phoneNo: pick('phoneNo'),
    mobilePhoneNo: pick('mobilePhoneNo'),
    salespersonCode: pick('salespersonCode'),
    languageCode: pick('languageCode'),
    correspondenceType: pick('correspondenceType'),
    excludeFromSegment: pick('excludeFromSegment'),
    privacyBlocked: pick('privacyBlocked'),
    address: pick('address'),
    postCode: pick('postCode'),
    city: pick('city'),
    countryCode: pick('countryCode'),
    territoryCode: pick('territoryCode'),
    industryGroupCodes: list('industryGroupCodes'),
    businessRelationCodes: list('businessRelationCodes'),
    mailingGroupCodes: list('mailingGroupCodes'),
    customerNo: pick('customerNo'),
    vendorNo: pick('vendorNo'),
  };
}

/**
 * The type and company after a PATCH. A company's companyNo is always its own `no` (another
 * one is invalid input); R34: a contact that becomes a person starts without company unless the
 * same request names one.
 */
export function resolveTypeAndCompany(
  cur: ContactRecord,
  c: ContactChanges,
): { type: ContactType; companyNo: string | null; typeChanged: boolean; companyChanged: boolean } {
  const type = c.type ?? cur.type;
  const typeChanged = type !== cur.type;
  if (type === 'company') {
    if (c.companyNo != null && c.companyNo !== cur.no) throw contactErrors.companyNotOwnNo();
    return { type, companyNo: cur.no, typeChanged, companyChanged: false };
  }
  const companyNo = c.companyNo !== undefined ? c.companyNo : typeChanged ? null : cur.companyNo;
  return { type, companyNo, typeChanged, companyChanged: !typeChanged && companyNo !== cur.companyNo };
}

/** A contact as far as new interactions, tasks and opportunities care (decision i, R10). */
export interface ContactPrivacy {
  readonly no: string;
  readonly name: string;
  /** The contact, or the company it belongs to, is privacy-blocked. */
  readonly privacyBlocked: boolean;
}

/** What may keep a contact from being deleted (R33). */
export interface ContactUsage {
  readonly openTask: boolean;
  readonly segmentLine: boolean;
  readonly openOpportunity: boolean;
  readonly persons: boolean;
}

/** The first reason, in R33's order, why the contact cannot be deleted; null when it can. */
export function deleteRefusal(u: ContactUsage): string | null {
  if (u.openTask) return 'there are one or more tasks open';
  if (u.segmentLine) return 'the contact is assigned to one or more unlogged segments';
  if (u.openOpportunity) return 'one or more opportunities are not started or in progress';
  if (u.persons) return 'one or more persons belong to the company';
  return null;
}

/** The contact number series (decision g): `CT` and at least six digits. */
export const contactSeries = {
  /** The numeric value of a number of the series, or null for any other number. */
  valueOf(no: string): number | null {
    const m = /^CT(\d+)$/.exec(no);
    return m ? Number(m[1]) : null;
  },
  format(n: number): string {
    return `CT${String(n).padStart(6, '0')}`;
  },
};
