import { sql, type RawBuilder } from 'kysely';
import type { LineCheck, RefusedLineFacts, SkippedLine } from '../../domain/segment/log-checks';
import type { SegmentLogPort } from '../../domain/segment/segment-log.store';
import { fold } from './codec';
import { int, notPrivacyBlocked, txt, type SegDb } from './segment-row.kysely-store';
import type { SqlDialect } from './sql-dialect';
import type { Wrote } from './written-rows';

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

/** Preview and logging of a segment (R47), set-based: the entries are written by INSERT … SELECT from the lines. */
export function createSegmentLogStore(db: SegDb, dialect: SqlDialect, wrote: Wrote): SegmentLogPort {
  /** The lines of a segment that produce an entry: the others' contacts became privacy-blocked (decision i). */
  const logged = (no: string) =>
    sql`segment_lines l join contacts c on c.no = l.contact_no where l.segment_no = ${no} and ${notPrivacyBlocked('c')}`;

  return {
    async loggedSegmentExists(segmentNo) {
      return !!(await db.selectFrom('logged_segments').select('entry_no').where('segment_no', '=', segmentNo).executeTakeFirst());
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
      // one pass, grouped by all three keys (a handful of groups); the three views are summed from it
      const r = await sql<{ t: string | null; g: string | null; k: string | null; n: number; cost: number; duration: number }>`
        select x.t, x.g, x.k, count(*) as n, coalesce(sum(x.cost), 0) as cost, coalesce(sum(x.duration), 0) as duration
        from (select l.interaction_template_code as t, l.language_code as g, ${corr} as k, l.cost_cents as cost, l.duration_min as duration
              from ${logged(no)}) x
        group by x.t, x.g, x.k`.execute(db);
      const byTemplate = new Map<string | null, { noOfEntries: number; costCents: number; durationMin: number }>();
      const byLanguage = new Map<string | null, number>();
      const byCorr = new Map<string | null, number>();
      let noOfEntries = 0;
      let costCents = 0;
      let durationMin = 0;
      for (const row of r.rows) {
        const n = Number(row.n);
        const cost = Number(row.cost);
        const duration = Number(row.duration);
        const t = byTemplate.get(row.t) ?? { noOfEntries: 0, costCents: 0, durationMin: 0 };
        byTemplate.set(row.t, { noOfEntries: t.noOfEntries + n, costCents: t.costCents + cost, durationMin: t.durationMin + duration });
        byLanguage.set(row.g, (byLanguage.get(row.g) ?? 0) + n);
        byCorr.set(row.k, (byCorr.get(row.k) ?? 0) + n);
        noOfEntries += n;
        costCents += cost;
        durationMin += duration;
      }
      return {
        noOfEntries,
        costCents,
        durationMin,
        byTemplate: [...byTemplate].map(([interactionTemplateCode, f]) => ({ interactionTemplateCode, ...f })),
        byLanguage: [...byLanguage].map(([languageCode, n]) => ({ languageCode, noOfEntries: n })),
        byCorrespondenceType: [...byCorr].map(([correspondenceType, n]) => ({ correspondenceType, noOfEntries: n })),
      };
    },
    async lineExceptions(no, checks) {
      // skipped before refused: a skipped line is not checked (decision i)
      const code = sql.join(
        [sql`when not ${notPrivacyBlocked('c')} then 'skipped'`, ...checks.map((k) => sql`when ${FAILS[k]} then ${k}`)],
        sql` `,
      );
      const r = await sql<{
        line_no: number;
        contact_no: string;
        code: LineCheck | 'skipped';
        interaction_template_code: string | null;
        salesperson_code: string | null;
        campaign_no: string | null;
        correspondence_type: string | null;
      }>`select * from (
          select l.line_no, l.contact_no, l.interaction_template_code, l.salesperson_code, l.campaign_no, l.correspondence_type,
            cast(case ${code} else null end as text) as code
          from segment_lines l join contacts c on c.no = l.contact_no left join salespeople s on s.code = l.salesperson_code
          where l.segment_no = ${no}) x
        where x.code is not null order by x.line_no`.execute(db);
      const skipped: SkippedLine[] = [];
      const refused: RefusedLineFacts[] = [];
      for (const x of r.rows) {
        if (x.code === 'skipped') skipped.push({ lineNo: Number(x.line_no), contactNo: x.contact_no, reason: 'contact_privacy_blocked' });
        else
          refused.push({
            lineNo: Number(x.line_no),
            contactNo: x.contact_no,
            code: x.code,
            interactionTemplateCode: x.interaction_template_code,
            salespersonCode: x.salesperson_code,
            campaignNo: x.campaign_no,
            correspondenceType: x.correspondence_type,
          });
      }
      return { skipped, refused };
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
        if (dialect.isUniqueViolation(e)) return null;
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
    async logLines(no, after, upto, ctx) {
      // the columns of an entry as toEntryRow (log-entry-row.ts) writes them: a new entry column belongs in both
      // a bounded key range rather than a LIMIT: one short index range whatever the planner knows about the table
      const range = sql`l.segment_no = ${no} and l.line_no > ${int(after)} and l.line_no <= ${int(upto)}`;
      // the search text is folded here, once per distinct description and subject, so that it is the same on both dialects
      const texts = await sql<{
        d: string | null;
        s: string | null;
      }>`select distinct l.description as d, coalesce(l.subject, l.description) as s
        from segment_lines l where ${range}`.execute(db);
      const folds = texts.rows.filter((t): t is { d: string; s: string } => t.d !== null && t.s !== null);
      if (folds.length === 0) return 0;
      // one JSON parameter, so that the statement text (and SQLite's cached statement) is the same whatever the number of texts
      const json = JSON.stringify(folds.map((t) => [t.d, t.s, fold(t.d, t.s)]));
      const folded = dialect.jsonRows(json, ['d', 's', 'search']);
      const campaignEntry = ctx.campaignEntries.size
        ? sql`case l.campaign_no ${sql.join(
            [...ctx.campaignEntries].map(([campaignNo, entryNo]) => sql`when ${txt(campaignNo)} then ${int(entryNo)}`),
            sql` `,
          )} else null end`
        : sql`cast(null as bigint)`;
      const r =
        await sql`insert into interaction_log_entries (contact_no, contact_company_no, date, time_of_interaction, description, subject,
          search, information_flow, initiated_by, interaction_group_code, interaction_template_code, interaction_language_code, cost_cents,
          duration_min, user_id, salesperson_code, campaign_no, campaign_entry_no, campaign_target, campaign_response, segment_no,
          logged_segment_entry_no, evaluation, attempt_failed, canceled, postponed, correspondence_type, delivery_status, document_type,
          document_no, version_no, doc_no_occurrence, contact_via, opportunity_no, task_no, attachment_id, has_comments, email_logged,
          created_at, origin)
        select l.contact_no, c.company_no, l.date, l.time_of_interaction, l.description, coalesce(l.subject, l.description),
          f.search, l.information_flow, l.initiated_by, coalesce(t.interaction_group_code, l.interaction_group_code), l.interaction_template_code,
          l.language_code, l.cost_cents, l.duration_min, ${txt(ctx.userId)}, l.salesperson_code, l.campaign_no, ${campaignEntry},
          l.campaign_target, l.campaign_response, ${txt(ctx.segmentNo)}, ${int(ctx.loggedSegmentEntryNo)}, l.evaluation, l.attempt_failed, 0, 0,
          case when l.correspondence_type = 'email' and c.email is null then null else l.correspondence_type end, null, null,
          null, 0, 0, l.contact_via, l.opportunity_no, null, l.attachment_id, 0, 0,
          ${txt(ctx.createdAt)}, 'segment'
        from segment_lines l
        join contacts c on c.no = l.contact_no
        left join interaction_templates t on t.code = l.interaction_template_code
        join ${folded} as f
          on f.d = l.description and f.s = coalesce(l.subject, l.description)
        where ${range} and ${notPrivacyBlocked('c')}
        order by l.line_no`.execute(db);
      const logged = Number(r.numAffectedRows ?? 0);
      // the statistics triggers (0002, 0009) add to entry_stats with every entry
      wrote('interaction_log_entries', logged);
      wrote('entry_stats', logged);
      return logged;
    },
    async markAttachmentsReadOnly(no) {
      await sql`update attachments set read_only = 1 where read_only = 0 and id in (select l.attachment_id from ${logged(no)} and l.attachment_id is not null)`.execute(
        db,
      );
    },
  };
}
