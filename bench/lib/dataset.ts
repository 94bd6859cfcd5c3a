import type { Kysely } from 'kysely';
import type { NewLogEntry } from '../../src/domain/interaction-log/interaction-log';
import { fold } from '../../src/storage/kysely/codec';
import type { Database } from '../../src/storage/kysely/database';
import { toEntryRow } from '../../src/storage/kysely/log-entry-row';
import { random } from './measure';

// A realistic installation: 20,000 contacts (4,000 companies with 4 persons each), 20 templates in
// 5 groups, 10 salespeople, 5 campaigns, and entries spread over three years in date order.

export const COMPANIES = 4_000;
export const PERSONS = 16_000;
export const SALESPEOPLE = Array.from({ length: 10 }, (_, i) => `SP${String(i + 1).padStart(2, '0')}`);
export const TEMPLATES = Array.from({ length: 20 }, (_, i) => `T${String(i + 1).padStart(2, '0')}`);
export const GROUPS = ['LETTER', 'PHONE', 'MEETING', 'EMAIL', 'DOCUMENT'];
export const CAMPAIGNS = Array.from({ length: 5 }, (_, i) => `CP${String(i + 1).padStart(5, '0')}`);
export const FIRST_DAY = Date.UTC(2024, 0, 1);
export const DAYS = 1096;

export const contactNo = (i: number): string => `CT${String(i).padStart(6, '0')}`;
export const isCompany = (i: number): boolean => i <= COMPANIES;
/** Persons are CT004001…CT020000; person k belongs to company ((k − 4001) mod 4000) + 1. */
export const companyOf = (i: number): number => (isCompany(i) ? i : ((i - COMPANIES - 1) % COMPANIES) + 1);
export const groupOf = (templateIndex: number): string => GROUPS[templateIndex % GROUPS.length]!;

const day = (d: number): string => new Date(FIRST_DAY + d * 86_400_000).toISOString().slice(0, 10);

/** Salespeople, groups, templates, campaigns and contacts. */
export async function seedMasters(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('salespeople')
    .values(SALESPEOPLE.map((code) => ({ code, name: `Salesperson ${code}`, email: null, phone_no: null, blocked: 0 })))
    .execute();
  await db
    .insertInto('interaction_groups')
    .values(GROUPS.map((code) => ({ code, description: code })))
    .execute();
  await db
    .insertInto('interaction_templates')
    .values(
      TEMPLATES.map((code, i) => ({
        code,
        interaction_group_code: groupOf(i),
        description: `Template ${code}`,
        unit_cost_cents: (i + 1) * 25,
        unit_duration_min: i + 1,
        information_flow: i % 2 ? 'inbound' : 'outbound',
        initiated_by: i % 3 ? 'us' : 'them',
        campaign_target: 0,
        campaign_response: 0,
        correspondence_type_default: null,
        ignore_contact_correspondence_type: 0,
        language_code_default: null,
        wizard_action: null,
      })),
    )
    .execute();
  await db
    .insertInto('campaigns')
    .values(CAMPAIGNS.map((no) => ({ no, description: `Campaign ${no}`, starting_date: null, ending_date: null, salesperson_code: null })))
    .execute();
  const contacts = [];
  for (let i = 1; i <= COMPANIES + PERSONS; i++) {
    const name = isCompany(i) ? `Company ${i}` : `Person ${i}`;
    contacts.push({
      no: contactNo(i),
      type: isCompany(i) ? 'company' : 'person',
      name,
      search: fold(name),
      company_no: contactNo(companyOf(i)),
      email: `contact${i}@example.com`,
      salesperson_code: SALESPEOPLE[i % SALESPEOPLE.length]!,
      exclude_from_segment: 0,
      privacy_blocked: 0,
    });
  }
  for (let i = 0; i < contacts.length; i += 1000)
    await db
      .insertInto('contacts')
      .values(contacts.slice(i, i + 1000))
      .execute();
}

/** Entry `i` of `total`: dates rise with `i` over three years; every second entry is canceled. */
export function entryAt(i: number, total: number): NewLogEntry {
  const rnd = random(i + 1);
  const contact = rnd.chance(0.2) ? 1 + rnd.int(COMPANIES) : COMPANIES + 1 + rnd.int(PERSONS);
  const t = rnd.int(TEMPLATES.length);
  const date = day(Math.floor((i * DAYS) / total));
  const campaign = rnd.chance(0.1) ? rnd.pick(CAMPAIGNS) : null;
  const description = `Interaction ${i}`;
  return {
    contactNo: contactNo(contact),
    contactCompanyNo: contactNo(companyOf(contact)),
    date,
    timeOfInteraction: '10:00:00',
    description,
    subject: description,
    informationFlow: t % 2 ? 'inbound' : 'outbound',
    initiatedBy: rnd.chance(0.7) ? 'us' : 'them',
    interactionGroupCode: groupOf(t),
    interactionTemplateCode: TEMPLATES[t]!,
    interactionLanguageCode: null,
    costCents: (t + 1) * 25,
    durationMin: t + 1,
    userId: 'admin',
    salespersonCode: rnd.pick(SALESPEOPLE),
    campaignNo: campaign,
    campaignEntryNo: null,
    campaignTarget: campaign !== null && rnd.chance(0.5),
    campaignResponse: campaign !== null && rnd.chance(0.2),
    segmentNo: null,
    loggedSegmentEntryNo: null,
    evaluation: rnd.chance(0.3) ? 'positive' : null,
    attemptFailed: rnd.chance(0.05),
    canceled: i % 2 === 1,
    postponed: false,
    correspondenceType: null,
    deliveryStatus: null,
    documentType: null,
    documentNo: null,
    versionNo: 0,
    docNoOccurrence: 0,
    contactVia: null,
    opportunityNo: null,
    taskNo: null,
    attachmentId: null,
    emailLogged: false,
    createdAt: `${date}T10:00:00.000Z`,
    origin: 'interaction',
  };
}

/** The stored row of entry `i`, through Rapport's own row mapper. */
export const entryRowAt = (i: number, total: number) => toEntryRow(entryAt(i, total));

export const ROWS_PER_STATEMENT = 500;
const ROWS_PER_TRANSACTION = 50_000;

/** Inserts entries [from, to) with multi-row statements, one transaction per 50,000 rows. */
export async function insertEntries(
  db: Kysely<Database>,
  from: number,
  to: number,
  total: number,
  progress: (done: number) => void,
): Promise<void> {
  for (let start = from; start < to; start += ROWS_PER_TRANSACTION) {
    const end = Math.min(to, start + ROWS_PER_TRANSACTION);
    await db.transaction().execute(async (trx) => {
      for (let i = start; i < end; i += ROWS_PER_STATEMENT) {
        const rows = [];
        for (let k = i; k < Math.min(end, i + ROWS_PER_STATEMENT); k++) rows.push(entryRowAt(k, total));
        await trx.insertInto('interaction_log_entries').values(rows).execute();
      }
    });
    progress(end - from);
  }
}
