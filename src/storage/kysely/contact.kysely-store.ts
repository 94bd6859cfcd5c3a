import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import { CODE_LISTS, type CodeList, type Contact, type ContactRecord, type ContactType } from '../../domain/contact/contact';
import type { ContactStore } from '../../domain/contact/contact.store';
import type { CorrespondenceType } from '../../domain/interaction-log/interaction-log';
import type { SqlDialect } from './sql-dialect';
import type { Wrote } from './written-rows';
import { fold, fromFlag, likeContains, toFlag } from './codec';
import type { ContactCodesTable, ContactsTable, Database } from './database';

type Kind = ContactCodesTable['kind'];
const KIND: Record<CodeList, Kind> = {
  industryGroupCodes: 'industry_group',
  businessRelationCodes: 'business_relation',
  mailingGroupCodes: 'mailing_group',
};
const LIST_OF: Record<Kind, CodeList> = {
  industry_group: 'industryGroupCodes',
  business_relation: 'businessRelationCodes',
  mailing_group: 'mailingGroupCodes',
};

/** Rows per multi-row insert: well under both dialects' limits on bound parameters. */
const CONTACT_ROWS = 400;
const CODE_ROWS = 1000;

const OPEN_OPPORTUNITY = ['not_started', 'in_progress'];
const CLOSED_OPPORTUNITY = ['won', 'lost'];

type Codes = Record<CodeList, string[]>;
const noCodes = (): Codes => ({ industryGroupCodes: [], businessRelationCodes: [], mailingGroupCodes: [] });

function toRow(c: ContactRecord): ContactsTable {
  return {
    no: c.no,
    type: c.type,
    name: c.name,
    search: fold(c.name, c.email),
    company_no: c.companyNo,
    email: c.email,
    phone_no: c.phoneNo,
    mobile_phone_no: c.mobilePhoneNo,
    salesperson_code: c.salespersonCode,
    language_code: c.languageCode,
    correspondence_type: c.correspondenceType,
    exclude_from_segment: toFlag(c.excludeFromSegment),
    privacy_blocked: toFlag(c.privacyBlocked),
    address: c.address,
    post_code: c.postCode,
    city: c.city,
    country_code: c.countryCode,
    territory_code: c.territoryCode,
    customer_no: c.customerNo,
    vendor_no: c.vendorNo,
  };
}

function toContact(r: Selectable<ContactsTable> & { company_name: string | null }, codes: Codes): Contact {
  return {
    no: r.no,
    type: r.type as ContactType,
    name: r.name,
    companyNo: r.company_no,
    companyName: r.company_name,
    email: r.email,
    phoneNo: r.phone_no,
    mobilePhoneNo: r.mobile_phone_no,
    salespersonCode: r.salesperson_code,
    languageCode: r.language_code,
    correspondenceType: r.correspondence_type as CorrespondenceType | null,
    excludeFromSegment: fromFlag(r.exclude_from_segment),
    privacyBlocked: fromFlag(r.privacy_blocked),
    address: r.address,
    postCode: r.post_code,
    city: r.city,
    countryCode: r.country_code,
    territoryCode: r.territory_code,
    ...codes,
    customerNo: r.customer_no,
    vendorNo: r.vendor_no,
  };
}

const binarySort = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function createContactStore(db: Kysely<Database>, dialect: SqlDialect, wrote: Wrote): ContactStore {
  // Codes sort by character code on both dialects, whatever the PostgreSQL database's collation.
  const noKey = dialect.binary(sql`c.no`) as RawBuilder<string>;

  const selectContacts = () =>
    db.selectFrom('contacts as c').leftJoin('contacts as k', 'k.no', 'c.company_no').selectAll('c').select('k.name as company_name');

  /** The code lists of a page of contacts in one query. */
  async function codesOf(nos: readonly string[]): Promise<Map<string, Codes>> {
    const out = new Map<string, Codes>(nos.map((no) => [no, noCodes()]));
    if (!nos.length) return out;
    const rows = await db.selectFrom('contact_codes').select(['contact_no', 'kind', 'code']).where('contact_no', 'in', nos).execute();
    for (const r of rows) out.get(r.contact_no)?.[LIST_OF[r.kind]].push(r.code);
    for (const codes of out.values()) for (const list of CODE_LISTS) codes[list].sort(binarySort);
    return out;
  }

  const codeRows = (c: ContactRecord, lists: readonly CodeList[] = CODE_LISTS) =>
    lists.flatMap((list) => c[list].map((code) => ({ contact_no: c.no, kind: KIND[list], code })));

  async function insertCodes(rows: { contact_no: string; kind: Kind; code: string }[]) {
    for (let i = 0; i < rows.length; i += CODE_ROWS)
      await db
        .insertInto('contact_codes')
        .values(rows.slice(i, i + CODE_ROWS))
        .execute();
    wrote('contact_codes', rows.length);
  }

  const exists = async (q: Promise<unknown>) => (await q) !== undefined;
  const hasPersons = (companyNo: string) =>
    exists(
      db
        .selectFrom('contacts')
        .select('no')
        .where('company_no', '=', companyNo)
        .where('type', '=', 'person')
        .where('no', '<>', companyNo)
        .limit(1)
        .executeTakeFirst(),
    );

  return {
    async get(no) {
      const r = await selectContacts().where('c.no', '=', no).executeTakeFirst();
      return r ? toContact(r, (await codesOf([no])).get(no)!) : null;
    },

    async list(f, after, limit) {
      let q = selectContacts().orderBy(noKey).limit(limit);
      if (f.type) q = q.where('c.type', '=', f.type);
      if (f.companyNo) q = q.where('c.company_no', '=', f.companyNo);
      if (f.salespersonCode) q = q.where('c.salesperson_code', '=', f.salespersonCode);
      if (f.q) q = q.where(sql<boolean>`c.search like ${likeContains(fold(f.q))} escape '\\'`);
      if (after !== null) q = q.where(noKey, '>', after);
      const rows = await q.execute();
      const codes = await codesOf(rows.map((r) => r.no));
      return rows.map((r) => toContact(r, codes.get(r.no)!));
    },

    async refs(nos) {
      const unique = [...new Set(nos)];
      if (!unique.length) return new Map();
      const rows = await db
        .selectFrom('contacts as c')
        .leftJoin('salespeople as s', 's.code', 'c.salesperson_code')
        .select([
          'c.no',
          'c.type',
          'c.salesperson_code',
          'c.language_code',
          'c.address',
          'c.post_code',
          'c.city',
          'c.country_code',
          'c.territory_code',
          's.blocked',
        ])
        .where('c.no', 'in', unique)
        .execute();
      return new Map(
        rows.map((r) => [
          r.no,
          {
            no: r.no,
            type: r.type as ContactType,
            defaults: {
              salespersonCode: r.salesperson_code,
              languageCode: r.language_code,
              address: r.address,
              postCode: r.post_code,
              city: r.city,
              countryCode: r.country_code,
              territoryCode: r.territory_code,
            },
            salespersonBlocked: fromFlag(r.blocked),
          },
        ]),
      );
    },

    async salespeople(codes) {
      const unique = [...new Set(codes)];
      if (!unique.length) return new Map();
      const rows = await db.selectFrom('salespeople').select(['code', 'blocked']).where('code', 'in', unique).execute();
      return new Map(rows.map((r) => [r.code, { blocked: fromFlag(r.blocked) }]));
    },

    async languages(codes) {
      const unique = [...new Set(codes)];
      if (!unique.length) return new Set();
      const rows = await db.selectFrom('languages').select('code').where('code', 'in', unique).execute();
      return new Set(rows.map((r) => r.code));
    },

    async insert(contacts) {
      for (let i = 0; i < contacts.length; i += CONTACT_ROWS) {
        const part = contacts.slice(i, i + CONTACT_ROWS);
        await db.insertInto('contacts').values(part.map(toRow)).execute();
        await insertCodes(part.flatMap((c) => codeRows(c)));
      }
      wrote('contacts', contacts.length);
    },

    async update(before, after) {
      const { no: _no, ...row } = toRow(after);
      await db.updateTable('contacts').set(row).where('no', '=', after.no).execute();
      const changed = CODE_LISTS.filter((l) => before[l].join('\n') !== after[l].join('\n'));
      if (!changed.length) return;
      await db
        .deleteFrom('contact_codes')
        .where('contact_no', '=', after.no)
        .where(
          'kind',
          'in',
          changed.map((l) => KIND[l]),
        )
        .execute();
      await insertCodes(codeRows(after, changed));
    },

    async delete(no) {
      await db.deleteFrom('contact_codes').where('contact_no', '=', no).execute();
      await db.deleteFrom('contacts').where('no', '=', no).execute();
    },

    hasEntries: async (no) =>
      (await exists(
        db.selectFrom('interaction_log_entries').select('entry_no').where('contact_no', '=', no).limit(1).executeTakeFirst(),
      )) ||
      exists(db.selectFrom('interaction_log_entries').select('entry_no').where('contact_company_no', '=', no).limit(1).executeTakeFirst()),

    hasPersons,

    onSegmentLine: (no) =>
      exists(db.selectFrom('segment_lines').select('line_no').where('contact_no', '=', no).limit(1).executeTakeFirst()),

    async usage(no, type) {
      const [openTask, segmentLine, openOpportunity, persons] = await Promise.all([
        exists(db.selectFrom('tasks').select('no').where('contact_no', '=', no).where('status', '=', 'open').limit(1).executeTakeFirst()),
        exists(db.selectFrom('segment_lines').select('line_no').where('contact_no', '=', no).limit(1).executeTakeFirst()),
        exists(
          db
            .selectFrom('opportunities')
            .select('no')
            .where('contact_no', '=', no)
            .where('status', 'in', OPEN_OPPORTUNITY)
            .limit(1)
            .executeTakeFirst(),
        ),
        type === 'company' ? hasPersons(no) : Promise.resolve(false),
      ]);
      return { openTask, segmentLine, openOpportunity, persons };
    },

    async privacy(no) {
      const r = await db
        .selectFrom('contacts as c')
        .leftJoin('contacts as k', 'k.no', 'c.company_no')
        .select(['c.no', 'c.name', 'c.privacy_blocked', 'k.privacy_blocked as company_privacy_blocked'])
        .where('c.no', '=', no)
        .executeTakeFirst();
      // decision i: a person of a privacy-blocked company is blocked too
      return r ? { no: r.no, name: r.name, privacyBlocked: fromFlag(r.privacy_blocked) || fromFlag(r.company_privacy_blocked) } : null;
    },

    async leaveHistoryWithCompany(personNo, oldCompanyNo) {
      // as BC (UpdateCompanyNo): entries, tasks and opportunities alike
      for (const table of ['interaction_log_entries', 'tasks', 'opportunities'] as const)
        await db
          .updateTable(table)
          .set({ contact_no: oldCompanyNo })
          .where('contact_no', '=', personNo)
          .where('contact_company_no', '=', oldCompanyNo)
          .execute();
    },

    async attachHistoryToCompany(personNo, newCompanyNo) {
      for (const table of ['interaction_log_entries', 'tasks', 'opportunities'] as const)
        await db
          .updateTable(table)
          .set({ contact_company_no: newCompanyNo })
          .where('contact_no', '=', personNo)
          .where('contact_company_no', 'is', null)
          .execute();
    },

    async repointPersonHistory(personNo, companyNo) {
      await db.updateTable('interaction_log_entries').set({ contact_no: companyNo }).where('contact_no', '=', personNo).execute();
      await db
        .updateTable('tasks')
        .set({ contact_no: companyNo })
        .where('contact_no', '=', personNo)
        .where('status', '=', 'closed')
        .execute();
      await db
        .updateTable('opportunities')
        .set({ contact_no: companyNo })
        .where('contact_no', '=', personNo)
        .where('status', 'in', CLOSED_OPPORTUNITY)
        .execute();
    },

    async detachCompanyHistory(companyNo) {
      const clear = { contact_no: null, contact_company_no: null };
      await db
        .updateTable('interaction_log_entries')
        .set(clear)
        .where((w) => w.or([w('contact_company_no', '=', companyNo), w('contact_no', '=', companyNo)]))
        .execute();
      await db
        .updateTable('tasks')
        .set(clear)
        .where((w) => w.or([w('contact_company_no', '=', companyNo), w('contact_no', '=', companyNo)]))
        .where('status', '=', 'closed')
        .execute();
      await db
        .updateTable('opportunities')
        .set(clear)
        .where((w) => w.or([w('contact_company_no', '=', companyNo), w('contact_no', '=', companyNo)]))
        .where('status', 'in', CLOSED_OPPORTUNITY)
        .execute();
    },
  };
}
