import type { Kysely } from 'kysely';
import type { NewLogEntry } from '../../src/domain/interaction-log/interaction-log';
import { fold } from '../../src/storage/kysely/codec';
import type { Database } from '../../src/storage/kysely/database';
import { toEntryRow } from '../../src/storage/kysely/log-entry-row';

// Inserts contacts and log entries straight into the database, so the log's suites do not
// depend on the logging endpoints.

type Db = Kysely<Database>;

let seq = 0;
/** A number unique within the test run, for codes that must not collide between tests. */
export const unique = (prefix: string): string => `${prefix}${(++seq).toString().padStart(4, '0')}`;

/** An active interaction logged today by admin, overridable field by field. */
export function newEntry(over: Partial<NewLogEntry> = {}): NewLogEntry {
  return {
    contactNo: null,
    contactCompanyNo: null,
    date: '2026-11-28',
    timeOfInteraction: '10:16:00',
    description: 'Call',
    subject: 'Call',
    informationFlow: 'outbound',
    initiatedBy: 'us',
    interactionGroupCode: 'PHONE',
    interactionTemplateCode: 'CALL',
    interactionLanguageCode: null,
    costCents: 0,
    durationMin: 0,
    userId: 'admin',
    salespersonCode: null,
    campaignNo: null,
    campaignEntryNo: null,
    campaignTarget: false,
    campaignResponse: false,
    segmentNo: null,
    loggedSegmentEntryNo: null,
    evaluation: null,
    attemptFailed: false,
    canceled: false,
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
    createdAt: '2026-11-28T10:15:01.000Z',
    origin: 'interaction',
    ...over,
  };
}

/** Inserts entries (multi-row statements of 500) and answers their entry numbers in order. */
export async function seedEntries(db: Db, entries: readonly Partial<NewLogEntry>[]): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < entries.length; i += 500) {
    const rows = entries.slice(i, i + 500).map((e) => toEntryRow(newEntry(e)));
    const inserted = await db.insertInto('interaction_log_entries').values(rows).returning('entry_no').execute();
    out.push(...inserted.map((r) => Number(r.entry_no)).sort((a, b) => a - b));
  }
  return out;
}

export async function seedEntry(db: Db, entry: Partial<NewLogEntry> = {}): Promise<number> {
  const [n] = await seedEntries(db, [entry]);
  return n!;
}

/** A company, or a person of `companyNo`. */
export async function seedContact(
  db: Db,
  c: { no: string; name: string; type?: 'company' | 'person'; companyNo?: string | null },
): Promise<void> {
  const type = c.type ?? 'company';
  await db
    .insertInto('contacts')
    .values({
      no: c.no,
      type,
      name: c.name,
      search: fold(c.name),
      company_no: type === 'company' ? c.no : (c.companyNo ?? null),
      exclude_from_segment: 0,
      privacy_blocked: 0,
    })
    .execute();
}

export async function seedComment(db: Db, entryNo: number, lineNo: number, comment: string, date = '2026-11-28'): Promise<void> {
  await db.insertInto('entry_comments').values({ entry_no: entryNo, line_no: lineNo, date, comment }).execute();
  await db.updateTable('interaction_log_entries').set({ has_comments: 1 }).where('entry_no', '=', entryNo).execute();
}

export async function seedAttachment(db: Db, fileName = 'letter.txt'): Promise<number> {
  const r = await db
    .insertInto('attachments')
    .values({
      file_name: fileName,
      content_type: 'text/plain',
      size: 5,
      read_only: 1,
      content: Buffer.from('hello'),
      created_at: '2026-11-28T10:15:01.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function attachmentExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('attachments').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function seedTemplate(db: Db, t: { code: string; groupCode: string; description: string | null }): Promise<void> {
  await db
    .insertInto('interaction_groups')
    .values({ code: t.groupCode, description: null })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  await db
    .insertInto('interaction_templates')
    .values({
      code: t.code,
      interaction_group_code: t.groupCode,
      description: t.description,
      unit_cost_cents: 0,
      unit_duration_min: 0,
      campaign_target: 0,
      campaign_response: 0,
      ignore_contact_correspondence_type: 0,
    })
    .execute();
}

export async function seedSalesperson(db: Db, code: string, name: string): Promise<void> {
  await db.insertInto('salespeople').values({ code, name, blocked: 0 }).execute();
}

export async function seedLoggedSegment(db: Db, segmentNo: string, canceled: boolean): Promise<number> {
  const r = await db
    .insertInto('logged_segments')
    .values({ segment_no: segmentNo, description: segmentNo, creation_date: '2026-11-28', user_id: 'admin', canceled: canceled ? 1 : 0 })
    .returning('entry_no')
    .executeTakeFirstOrThrow();
  return Number(r.entry_no);
}

export async function seedCampaignEntry(db: Db, campaignNo: string, canceled: boolean): Promise<number> {
  const r = await db
    .insertInto('campaign_entries')
    .values({ campaign_no: campaignNo, description: 'Interactions', date: '2026-11-28', canceled: canceled ? 1 : 0 })
    .returning('entry_no')
    .executeTakeFirstOrThrow();
  return Number(r.entry_no);
}

/** The stored row of an entry (postponed ones included), or undefined. */
export function entryRow(db: Db, entryNo: number) {
  return db.selectFrom('interaction_log_entries').selectAll().where('entry_no', '=', entryNo).executeTakeFirst();
}
