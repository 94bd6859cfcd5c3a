import type { Kysely } from 'kysely';
import { fold } from '../../src/storage/kysely/codec';
import type { Database } from '../../src/storage/kysely/database';

// Set-up records written straight into the tables, so that suites about logging do not depend on
// the set-up endpoints. Every helper answers the key it stored; `unique(prefix)` makes keys that
// do not collide between the tests of one database.

let counter = 0;
/** A fresh code: prefix + a number unique within this test process. */
export const unique = (prefix: string): string => `${prefix}${++counter}`;

export interface ContactSeed {
  no?: string;
  type?: 'company' | 'person';
  name?: string;
  companyNo?: string | null;
  email?: string | null;
  phoneNo?: string | null;
  mobilePhoneNo?: string | null;
  salespersonCode?: string | null;
  languageCode?: string | null;
  correspondenceType?: 'hard_copy' | 'email' | null;
  privacyBlocked?: boolean;
  customerNo?: string | null;
  vendorNo?: string | null;
}

export interface TemplateSeed {
  code?: string;
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
  /** Template language rows, each optionally with an attachment (file name and text content). */
  languages?: { languageCode: string; attachment?: { fileName: string; content: string } }[];
}

export function seeder(db: Kysely<Database>) {
  const flag = (b: boolean | undefined) => (b ? 1 : 0);

  const self = {
    async language(code = unique('L'), name = `Language ${code}`) {
      await db.insertInto('languages').values({ code, name }).execute();
      return code;
    },
    async salesperson(o: { code?: string; name?: string; blocked?: boolean } = {}) {
      const code = o.code ?? unique('SP');
      await db
        .insertInto('salespeople')
        .values({ code, name: o.name ?? `Salesperson ${code}`, email: null, phone_no: null, blocked: flag(o.blocked) })
        .execute();
      return code;
    },
    async contact(o: ContactSeed = {}) {
      const no = o.no ?? unique('CT');
      const type = o.type ?? 'company';
      const name = o.name ?? `Contact ${no}`;
      await db
        .insertInto('contacts')
        .values({
          no,
          type,
          name,
          search: fold(name, o.email),
          company_no: type === 'company' ? no : (o.companyNo ?? null),
          email: o.email ?? null,
          phone_no: o.phoneNo ?? null,
          mobile_phone_no: o.mobilePhoneNo ?? null,
          salesperson_code: o.salespersonCode ?? null,
          language_code: o.languageCode ?? null,
          correspondence_type: o.correspondenceType ?? null,
          exclude_from_segment: 0,
          privacy_blocked: flag(o.privacyBlocked),
          address: null,
          post_code: null,
          city: null,
          country_code: null,
          territory_code: null,
          customer_no: o.customerNo ?? null,
          vendor_no: o.vendorNo ?? null,
        })
        .execute();
      return no;
    },
    async group(code = unique('G'), description: string | null = `Group ${code}`) {
      await db.insertInto('interaction_groups').values({ code, description }).execute();
      return code;
    },
    async attachment(o: { fileName?: string; content?: string; readOnly?: boolean } = {}) {
      const content = Buffer.from(o.content ?? 'attachment content');
      const r = await db
        .insertInto('attachments')
        .values({
          file_name: o.fileName ?? 'letter.txt',
          content_type: 'text/plain',
          size: content.length,
          read_only: flag(o.readOnly),
          content,
          created_at: '2026-11-27T08:00:00.000Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(r.id);
    },
    async template(o: TemplateSeed = {}) {
      const code = o.code ?? unique('T');
      const group = o.group ?? (await self.group());
      await db
        .insertInto('interaction_templates')
        .values({
          code,
          interaction_group_code: group,
          description: o.description === undefined ? `Template ${code}` : o.description,
          unit_cost_cents: o.unitCostCents ?? 0,
          unit_duration_min: o.unitDurationMin ?? 0,
          information_flow: o.informationFlow ?? null,
          initiated_by: o.initiatedBy ?? null,
          campaign_no: o.campaignNo ?? null,
          campaign_target: flag(o.campaignTarget),
          campaign_response: flag(o.campaignResponse),
          correspondence_type_default: o.correspondenceTypeDefault === undefined ? 'email' : o.correspondenceTypeDefault,
          ignore_contact_correspondence_type: flag(o.ignoreContactCorrespondenceType),
          language_code_default: o.languageCodeDefault ?? null,
          wizard_action: null,
        })
        .execute();
      for (const l of o.languages ?? []) {
        const attachmentId = l.attachment ? await self.attachment(l.attachment) : null;
        await db
          .insertInto('template_languages')
          .values({ template_code: code, language_code: l.languageCode, description: null, attachment_id: attachmentId })
          .execute();
      }
      return code;
    },
    async campaign(no = unique('CP')) {
      await db
        .insertInto('campaigns')
        .values({ no, description: `Campaign ${no}`, starting_date: null, ending_date: null, salesperson_code: null })
        .execute();
      return no;
    },
    async opportunity(contactNo: string | null = null, no = unique('OP')) {
      await db
        .insertInto('opportunities')
        .values({
          no,
          description: `Opportunity ${no}`,
          contact_no: contactNo,
          contact_company_no: contactNo,
          salesperson_code: null,
          campaign_no: null,
          segment_no: null,
          creation_date: '2026-11-01',
          status: 'in_progress',
        })
        .execute();
      return no;
    },
    async task(contactNo: string | null = null, no = unique('TD')) {
      await db
        .insertInto('tasks')
        .values({
          no,
          description: `Task ${no}`,
          date: '2026-11-30',
          contact_no: contactNo,
          contact_company_no: contactNo,
          salesperson_code: null,
          campaign_no: null,
          opportunity_no: null,
          status: 'open',
        })
        .execute();
      return no;
    },
    /** Sets a template setup slot (`outgoingCalls`, `salesInvoices`, …); null empties it. */
    async slot(slot: string, templateCode: string | null) {
      await db.deleteFrom('template_setup').where('slot', '=', slot).execute();
      if (templateCode !== null) await db.insertInto('template_setup').values({ slot, template_code: templateCode }).execute();
    },
    /** A salesperson, a template (cost 12.50, 15 minutes, outbound, by us) and a company contact with e-mail. */
    async basics(o: { template?: TemplateSeed; contact?: ContactSeed } = {}) {
      const salespersonCode = await self.salesperson();
      const templateCode = await self.template({
        unitCostCents: 1250,
        unitDurationMin: 15,
        informationFlow: 'outbound',
        initiatedBy: 'us',
        ...o.template,
      });
      const contactNo = await self.contact({ email: 'buyer@example.com', salespersonCode, ...o.contact });
      return { salespersonCode, templateCode, contactNo };
    },
  };
  return self;
}

export type Seeder = ReturnType<typeof seeder>;
