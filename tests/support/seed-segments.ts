import type { Kysely } from 'kysely';
import type { NewLogEntry } from '../../src/domain/interaction-log/interaction-log';
import { fold } from '../../src/storage/kysely/codec';
import type { Database } from '../../src/storage/kysely/database';
import { seedEntry as seedLogEntry } from './seed-entries';

// Direct inserts of the records segments read (contacts, templates, campaigns, entries …), so the
// segment suites do not depend on the other modules' endpoints.

type Db = Kysely<Database>;
let seq = 0;
/** A unique suffix for codes within one database. */
export const uniq = (prefix: string, width = 10): string => `${prefix}${(++seq).toString(36).toUpperCase()}`.slice(0, width);

export async function seedLanguage(db: Db, code: string, name = code): Promise<string> {
  await db.insertInto('languages').values({ code, name }).execute();
  return code;
}

export async function seedSalesperson(db: Db, code: string, o: { blocked?: boolean; name?: string } = {}): Promise<string> {
  await db
    .insertInto('salespeople')
    .values({ code, name: o.name ?? code, email: null, phone_no: null, blocked: o.blocked ? 1 : 0 })
    .execute();
  return code;
}

export async function seedCampaign(db: Db, no: string, description = `Campaign ${no}`): Promise<string> {
  await db.insertInto('campaigns').values({ no, description, starting_date: null, ending_date: null, salesperson_code: null }).execute();
  return no;
}

export interface ContactSeed {
  no: string;
  type?: 'company' | 'person';
  name?: string;
  companyNo?: string | null;
  email?: string | null;
  phoneNo?: string | null;
  salespersonCode?: string | null;
  languageCode?: string | null;
  correspondenceType?: 'hard_copy' | 'email' | null;
  excludeFromSegment?: boolean;
  privacyBlocked?: boolean;
  postCode?: string | null;
  countryCode?: string | null;
  territoryCode?: string | null;
  industryGroupCodes?: string[];
  businessRelationCodes?: string[];
  mailingGroupCodes?: string[];
}

export async function seedContact(db: Db, c: ContactSeed): Promise<string> {
  const type = c.type ?? 'company';
  const name = c.name ?? `Contact ${c.no}`;
  await db
    .insertInto('contacts')
    .values({
      no: c.no,
      type,
      name,
      search: fold(name, c.email ?? null),
      company_no: type === 'company' ? c.no : (c.companyNo ?? null),
      email: c.email ?? null,
      phone_no: c.phoneNo ?? null,
      mobile_phone_no: null,
      salesperson_code: c.salespersonCode ?? null,
      language_code: c.languageCode ?? null,
      correspondence_type: c.correspondenceType ?? null,
      exclude_from_segment: c.excludeFromSegment ? 1 : 0,
      privacy_blocked: c.privacyBlocked ? 1 : 0,
      address: null,
      post_code: c.postCode ?? null,
      city: null,
      country_code: c.countryCode ?? null,
      territory_code: c.territoryCode ?? null,
      customer_no: null,
      vendor_no: null,
    })
    .execute();
  const codes = [
    ...(c.industryGroupCodes ?? []).map((code) => ({ contact_no: c.no, kind: 'industry_group' as const, code })),
    ...(c.businessRelationCodes ?? []).map((code) => ({ contact_no: c.no, kind: 'business_relation' as const, code })),
    ...(c.mailingGroupCodes ?? []).map((code) => ({ contact_no: c.no, kind: 'mailing_group' as const, code })),
  ];
  if (codes.length) await db.insertInto('contact_codes').values(codes).execute();
  return c.no;
}

export async function seedAttachment(db: Db, fileName = 'letter.txt', content = 'Dear customer'): Promise<number> {
  const r = await db
    .insertInto('attachments')
    .values({
      file_name: fileName,
      content_type: 'text/plain',
      size: Buffer.byteLength(content),
      read_only: 0,
      content: Buffer.from(content),
      created_at: '2026-11-01T00:00:00.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export interface TemplateSeed {
  code: string;
  group?: string;
  description?: string | null;
  unitCostCents?: number;
  unitDurationMin?: number;
  informationFlow?: 'outbound' | 'inbound' | null;
  initiatedBy?: 'us' | 'them' | null;
  campaignNo?: string | null;
  campaignTarget?: boolean;
  campaignResponse?: boolean;
  correspondenceTypeDefault?: 'hard_copy' | 'email' | null;
  ignoreContactCorrespondenceType?: boolean;
  languageCodeDefault?: string | null;
  /** Language rows, each with an optional attachment text. */
  languages?: { code: string; description?: string | null; attachment?: string }[];
}

export async function seedTemplate(db: Db, t: TemplateSeed): Promise<string> {
  const group = t.group ?? 'LETTERS';
  await db
    .insertInto('interaction_groups')
    .values({ code: group, description: group })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  await db
    .insertInto('interaction_templates')
    .values({
      code: t.code,
      interaction_group_code: group,
      description: t.description === undefined ? `Template ${t.code}` : t.description,
      unit_cost_cents: t.unitCostCents ?? 0,
      unit_duration_min: t.unitDurationMin ?? 0,
      information_flow: t.informationFlow ?? null,
      initiated_by: t.initiatedBy ?? null,
      campaign_no: t.campaignNo ?? null,
      campaign_target: t.campaignTarget ? 1 : 0,
      campaign_response: t.campaignResponse ? 1 : 0,
      correspondence_type_default: t.correspondenceTypeDefault === undefined ? 'email' : t.correspondenceTypeDefault,
      ignore_contact_correspondence_type: t.ignoreContactCorrespondenceType ? 1 : 0,
      language_code_default: t.languageCodeDefault ?? null,
      wizard_action: null,
    })
    .execute();
  for (const l of t.languages ?? []) {
    const attachmentId = l.attachment === undefined ? null : await seedAttachment(db, `${t.code}-${l.code}.txt`, l.attachment);
    await db
      .insertInto('template_languages')
      .values({
        template_code: t.code,
        language_code: l.code,
        description: l.description === undefined ? `${t.code} in ${l.code}` : l.description,
        attachment_id: attachmentId,
      })
      .execute();
  }
  return t.code;
}

/** A non-postponed entry with the given values over neutral defaults (seed-entries' entry, dated in October). */
export function seedEntry(db: Db, e: Partial<NewLogEntry> & { contactNo: string }): Promise<number> {
  return seedLogEntry(db, {
    contactCompanyNo: e.contactNo,
    date: '2026-10-01',
    timeOfInteraction: '10:00:00',
    description: 'Seeded',
    subject: 'Seeded',
    informationFlow: null,
    initiatedBy: null,
    interactionGroupCode: 'LETTERS',
    interactionTemplateCode: 'SEEDED',
    createdAt: '2026-10-01T10:00:00.000Z',
    ...e,
  });
}

/** Many company contacts in one statement per chunk (for large segments). */
export async function seedManyContacts(db: Db, prefix: string, count: number, extra: Partial<ContactSeed> = {}): Promise<void> {
  for (let i = 0; i < count; i += 500) {
    const rows = [];
    for (let j = i; j < Math.min(count, i + 500); j++) {
      const no = `${prefix}${String(j).padStart(6, '0')}`;
      rows.push({
        no,
        type: 'company',
        name: `Company ${no}`,
        search: fold(`Company ${no}`),
        company_no: no,
        email: extra.email ?? null,
        phone_no: null,
        mobile_phone_no: null,
        salesperson_code: extra.salespersonCode ?? null,
        language_code: extra.languageCode ?? null,
        correspondence_type: extra.correspondenceType ?? null,
        exclude_from_segment: 0,
        privacy_blocked: 0,
        address: null,
        post_code: null,
        city: null,
        country_code: extra.countryCode ?? null,
        territory_code: null,
        customer_no: null,
        vendor_no: null,
      });
    }
    await db.insertInto('contacts').values(rows).execute();
  }
}
