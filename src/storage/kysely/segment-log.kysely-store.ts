import { CompiledQuery, sql, type RawBuilder } from 'kysely';
import type { LineCheck, RefusedLineFacts } from '../../domain/segment/log-checks';
import type { SegmentLogPort } from '../../domain/segment/segment.store';
import type { DialectName } from '../open-database';
import { toEntryRow } from './log-entry-row';
import { notPrivacyBlocked, toLineValues, type SegDb } from './segment-row.kysely-store';

/** What makes each check of R47 fail, for the line `l`, its contact `c` and its salesperson `s`. */
const FAILS: Record<LineCheck, RawBuilder<unknown>> = {
  template_not_found: sql`(l.interaction_template_code is null or not exists (select 1 from interaction_templates t where t.code = l.interaction_template_code))`,
  date_required: sql`l.date is null`,
  salesperson_required: sql`l.salesperson_code is null`,
  salesperson_not_found: sql`s.code is null`,
  salesperson_blocked: sql`s.blocked <> 0`,
  description_required: sql`l.description is null`,
  campaign_not_found: sql`(l.campaign_no is not null and not exists (select 1 from campaigns k where k.no = l.campaign_no))`,
  email_required_for_delivery: sql`(l.correspondence_type = 'email' and c.email is null)`,
  // no delivery transport exists in this version, so any correspondence type to deliver is refused (decision l)
  delivery_not_available: sql`l.correspondence_type is not null`,
};

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Preview and logging of a segment (R47): everything set-based except the chunked entry inserts. */
export function createSegmentLogStore(db: SegDb, dialect: DialectName): SegmentLogPort {
  const insertTexts = new Map<string, string>();
  /** The lines of a segment that produce an entry: the others' contacts became privacy-blocked (decision i). */
  const logged = (no: string) =>
    sql`segment_lines l join contacts c on c.no = l.contact_no where l.segment_no = ${no} and ${notPrivacyBlocked('c')}`;

  return {
    async loggedSegmentExists(segmentNo) {
      return !!(await db.selectFrom('logged_segments').select('entry_no').where('segment_no', '=', segmentNo).executeTakeFirst());
    },
    async lockSegment(no) {
      if (dialect === 'postgres') {
        await sql`select pg_advisory_xact_lock(hashtext(${`segment:${no}`}))`.execute(db);
        await sql`select no from segments where no = ${no} for update`.execute(db);
      }
    },
    async countLines(no) {
      const r = await sql<{ total: number; kept: number; last: number | null }>`select count(*) as total,
          coalesce(sum(case when ${notPrivacyBlocked('c')} then 1 else 0 end), 0) as kept, max(l.line_no) as last
        from segment_lines l join contacts c on c.no = l.contact_no where l.segment_no = ${no}`.execute(db);
      const row = r.rows[0];
      return {
        total: Number(row?.total ?? 0),
        skipped: Number(row?.total ?? 0) - Number(row?.kept ?? 0),
        lastLineNo: Number(row?.last ?? 0),
      };
    },
    async previewFigures(no, sendAttachments) {
      // R5 without delivery: an e-mail type without a contact e-mail becomes blank
      const corr = sendAttachments
        ? sql`l.correspondence_type`
        : sql`(case when l.correspondence_type = 'email' and c.email is null then null else l.correspondence_type end)`;
      const byTemplate = await sql<{ k: string | null; n: number; cost: number; duration: number }>`
        select l.interaction_template_code as k, count(*) as n, coalesce(sum(l.cost_cents), 0) as cost, coalesce(sum(l.duration_min), 0) as duration
        from ${logged(no)} group by l.interaction_template_code`.execute(db);
      const byLanguage = await sql<{
        k: string | null;
        n: number;
      }>`select l.language_code as k, count(*) as n from ${logged(no)} group by l.language_code`.execute(db);
      const byCorr = await sql<{
        k: string | null;
        n: number;
      }>`select x.k, count(*) as n from (select ${corr} as k from ${logged(no)}) x group by x.k`.execute(db);
      const t = byTemplate.rows.map((r) => ({
        interactionTemplateCode: r.k,
        noOfEntries: Number(r.n),
        costCents: Number(r.cost),
        durationMin: Number(r.duration),
      }));
      return {
        noOfEntries: t.reduce((a, r) => a + r.noOfEntries, 0),
        costCents: t.reduce((a, r) => a + r.costCents, 0),
        durationMin: t.reduce((a, r) => a + r.durationMin, 0),
        byTemplate: t,
        byLanguage: byLanguage.rows.map((r) => ({ languageCode: r.k, noOfEntries: Number(r.n) })),
        byCorrespondenceType: byCorr.rows.map((r) => ({ correspondenceType: r.k, noOfEntries: Number(r.n) })),
      };
    },
    async skippedLines(no) {
      const r = await sql<{ line_no: number; contact_no: string }>`select l.line_no, l.contact_no
        from segment_lines l join contacts c on c.no = l.contact_no where l.segment_no = ${no} and not ${notPrivacyBlocked('c')} order by l.line_no`.execute(
        db,
      );
      return r.rows.map((x) => ({ lineNo: Number(x.line_no), contactNo: x.contact_no, reason: 'contact_privacy_blocked' as const }));
    },
    async refusedLines(no, checks) {
      const code = sql.join(
        checks.map((k) => sql`when ${FAILS[k]} then ${k}`),
        sql` `,
      );
      const r = await sql<{
        line_no: number;
        contact_no: string;
        code: LineCheck;
        interaction_template_code: string | null;
        salesperson_code: string | null;
        campaign_no: string | null;
        correspondence_type: string | null;
      }>`select * from (
          select l.line_no, l.contact_no, l.interaction_template_code, l.salesperson_code, l.campaign_no, l.correspondence_type,
            cast(case ${code} else null end as text) as code
          from segment_lines l join contacts c on c.no = l.contact_no left join salespeople s on s.code = l.salesperson_code
          where l.segment_no = ${no} and ${notPrivacyBlocked('c')}) x
        where x.code is not null order by x.line_no`.execute(db);
      return r.rows.map((x): RefusedLineFacts => ({
        lineNo: Number(x.line_no),
        contactNo: x.contact_no,
        code: x.code,
        interactionTemplateCode: x.interaction_template_code,
        salespersonCode: x.salesperson_code,
        campaignNo: x.campaign_no,
        correspondenceType: x.correspondence_type,
      }));
    },
    async insertLoggedSegment(ls) {
      try {
        const r = await db
          .insertInto('logged_segments')
          .values({
            segment_no: ls.segmentNo,
            description: ls.description,
            creation_date: ls.creationDate,
            user_id: ls.userId,
            canceled: 0,
          })
          .returning('entry_no')
          .executeTakeFirstOrThrow();
        return Number(r.entry_no);
      } catch (e) {
        if (isUniqueViolation(e)) return null;
        throw e;
      }
    },
    async campaignsOfLines(no) {
      const r = await sql<{ campaign_no: string; date: string | null; salesperson_code: string | null }>`
        select f.campaign_no, x.date, x.salesperson_code
        from (select l.campaign_no, min(l.line_no) as line_no from ${logged(no)} and l.campaign_no is not null group by l.campaign_no) f
        join segment_lines x on x.segment_no = ${no} and x.line_no = f.line_no
        order by f.line_no`.execute(db);
      return r.rows.map((x) => ({ campaignNo: x.campaign_no, date: x.date, salespersonCode: x.salesperson_code }));
    },
    async openCampaignEntry(campaignNo, segmentNo) {
      const r = await db
        .selectFrom('campaign_entries')
        .select('entry_no')
        .where('campaign_no', '=', campaignNo)
        .where('segment_no', '=', segmentNo)
        .where('document_type', 'is', null)
        .where('canceled', '=', 0)
        .orderBy('entry_no')
        .limit(1)
        .executeTakeFirst();
      return r ? Number(r.entry_no) : null;
    },
    async insertCampaignEntry(ce) {
      const r = await db
        .insertInto('campaign_entries')
        .values({
          campaign_no: ce.campaignNo,
          description: ce.description,
          date: ce.date,
          user_id: ce.userId,
          segment_no: ce.segmentNo,
          logged_segment_entry_no: ce.loggedSegmentEntryNo,
          salesperson_code: ce.salespersonCode,
          document_type: null,
          canceled: 0,
        })
        .returning('entry_no')
        .executeTakeFirstOrThrow();
      return Number(r.entry_no);
    },
    async linesToLog(no, after, upto) {
      // a bounded key range rather than a LIMIT: one short index range whatever the planner knows about the table
      const r = await db
        .selectFrom('segment_lines as l')
        .selectAll('l')
        .select([
          sql<string | null>`(select c.company_no from contacts c where c.no = l.contact_no)`.as('company_now'),
          sql<string | null>`(select c.email from contacts c where c.no = l.contact_no)`.as('contact_email'),
          sql<string | null>`(select t.interaction_group_code from interaction_templates t where t.code = l.interaction_template_code)`.as(
            'group_now',
          ),
        ])
        .where('l.segment_no', '=', no)
        .where('l.line_no', '>', after)
        .where('l.line_no', '<=', upto)
        .where(sql<boolean>`exists (select 1 from contacts c where c.no = l.contact_no and ${notPrivacyBlocked('c')})`)
        .orderBy('l.line_no')
        .execute();
      return r.map((x) => ({
        ...toLineValues(x),
        lineNo: Number(x.line_no),
        // R8: the company of the contact at log time
        contactCompanyNo: x.company_now,
        contactEmail: x.contact_email,
        groupNow: x.group_now,
      }));
    },
    async insertEntries(entries) {
      const rows = entries.map(toEntryRow);
      const first = rows[0];
      if (!first) return;
      // Compiled once per chunk size: building thousands of value nodes per chunk would cost more than the insert.
      const columns = Object.keys(first) as (keyof typeof first)[];
      const key = `${rows.length}:${columns.length}`;
      let text = insertTexts.get(key);
      if (text === undefined) {
        let p = 0;
        const placeholder = () => (dialect === 'postgres' ? `$${++p}` : '?');
        const tuples = rows.map(() => `(${columns.map(placeholder).join(', ')})`);
        text = `insert into interaction_log_entries (${columns.join(', ')}) values ${tuples.join(', ')}`;
        insertTexts.set(key, text);
      }
      await db.executeQuery(
        CompiledQuery.raw(
          text,
          rows.flatMap((r) => columns.map((c) => r[c])),
        ),
      );
    },
    async markAttachmentsReadOnly(no) {
      await sql`update attachments set read_only = 1 where read_only = 0 and id in (select l.attachment_id from ${logged(no)} and l.attachment_id is not null)`.execute(
        db,
      );
    },
  };
}
