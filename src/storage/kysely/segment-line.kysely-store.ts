import { sql, type RawBuilder } from 'kysely';
import { LINE_STEP } from '../../domain/segment/segment';
import type { LineSource, SegmentLinePort } from '../../domain/segment/segment-line.store';
import type { SqlDialect } from './sql-dialect';
import type { Wrote } from './written-rows';
import { toFlag } from './codec';
import { contactsToAdd } from './segment-criteria.kysely-store';
import {
  assignments,
  int,
  lineRow,
  notPrivacyBlocked,
  resolvedLanguageColumns,
  resolvedSalesperson,
  resolvedTemplateColumns,
  selectLines,
  toLine,
  txt,
  type SegDb,
} from './segment-row.kysely-store';

/** Segment lines, one by one and set-based (criteria, re-resolution, R40 and R42 pushes). */
export function createSegmentLineStore(db: SegDb, dialect: SqlDialect, wrote: Wrote): SegmentLinePort {
  const lastLineNo = async (no: string) =>
    Number(
      (
        await db
          .selectFrom('segment_lines')
          .select((eb) => eb.fn.max('line_no').as('m'))
          .where('segment_no', '=', no)
          .executeTakeFirst()
      )?.m ?? 0,
    );
  const onTemplate = (templateCode: string | null) => dialect.same(sql.ref('interaction_template_code'), templateCode);

  /** FROM/WHERE of each source, with the contact aliased `c`, its order and the campaign it imposes. */
  function source(no: string, s: LineSource): { from: RawBuilder<unknown>; order: RawBuilder<unknown>; campaign?: RawBuilder<unknown> } {
    switch (s.kind) {
      case 'criteria': {
        const o = s.criteria.options;
        const filters = [sql`c.no in (${contactsToAdd(dialect, s.criteria)})`];
        // as BC: excluded contacts only with "ignore exclusion", contacts on a line only with "allow existing"
        if (!o.ignoreExclusion) filters.push(sql`c.exclude_from_segment = 0`);
        if (!o.allowExistingContacts)
          filters.push(sql`not exists (select 1 from segment_lines x where x.segment_no = ${no} and x.contact_no = c.no)`);
        return { from: sql`contacts c where ${sql.join(filters, sql` and `)}`, order: dialect.binary(sql`c.no`) };
      }
      case 'removed-by-action':
        return {
          from: sql`criteria_action_contacts a join contacts c on c.no = a.contact_no where a.segment_no = ${no} and a.action_no = ${s.actionNo} and a.change = 'removed'`,
          order: sql`a.line_no`,
        };
      case 'logged-segment':
        return {
          from: sql`interaction_log_entries e join contacts c on c.no = e.contact_no where e.logged_segment_entry_no = ${s.loggedSegmentEntryNo} and e.postponed = 0`,
          order: sql`e.entry_no`,
          campaign: sql`e.campaign_no`,
        };
    }
  }

  return {
    async line(no, lineNo) {
      const r = await selectLines(db).where('l.segment_no', '=', no).where('l.line_no', '=', lineNo).executeTakeFirst();
      return r ? toLine(r) : null;
    },
    async lines(no, after, limit) {
      let q = selectLines(db).where('l.segment_no', '=', no).orderBy('l.line_no').limit(limit);
      if (after !== null) q = q.where('l.line_no', '>', after);
      return (await q.execute()).map(toLine);
    },
    async appendLine(no, values) {
      const lineNo = (await lastLineNo(no)) + LINE_STEP;
      await db
        .insertInto('segment_lines')
        .values({ segment_no: no, line_no: lineNo, ...lineRow(values) })
        .execute();
      return lineNo;
    },
    async updateLine(no, lineNo, values) {
      await db.updateTable('segment_lines').set(lineRow(values)).where('segment_no', '=', no).where('line_no', '=', lineNo).execute();
    },
    async deleteLine(no, lineNo) {
      const rows = await db
        .selectFrom('segment_languages')
        .select('attachment_id')
        .where('segment_no', '=', no)
        .where('line_no', '=', lineNo)
        .execute();
      await db.deleteFrom('segment_languages').where('segment_no', '=', no).where('line_no', '=', lineNo).execute();
      await db.deleteFrom('segment_lines').where('segment_no', '=', no).where('line_no', '=', lineNo).execute();
      return rows.flatMap((r) => (r.attachment_id === null ? [] : [Number(r.attachment_id)]));
    },
    async appendResolvedLines(no, r, s) {
      const t = resolvedTemplateColumns(r);
      const insert = async (lineNo: RawBuilder<unknown>, src: { from: RawBuilder<unknown>; campaign?: RawBuilder<unknown> }) => {
        const cols = {
          segment_no: txt(no),
          line_no: lineNo,
          contact_no: sql`c.no`,
          contact_company_no: sql`c.company_no`,
          ...t,
          campaign_no: src.campaign ?? t.campaign_no,
          date: txt(r.values.date),
          time_of_interaction: txt(null),
          salesperson_code: resolvedSalesperson(r),
          evaluation: txt(null),
          attempt_failed: int(0),
          contact_via: txt(null),
          opportunity_no: txt(null),
        };
        const result = await sql`insert into segment_lines (${sql.raw(Object.keys(cols).join(', '))})
          select ${sql.join(Object.values(cols))} from ${src.from} and ${notPrivacyBlocked('c')}`.execute(db);
        const added = Number(result.numAffectedRows ?? 0);
        wrote('segment_lines', added);
        return added;
      };
      const append = async (src: { from: RawBuilder<unknown>; order: RawBuilder<unknown>; campaign?: RawBuilder<unknown> }) => {
        const from = (await lastLineNo(no)) + LINE_STEP;
        const count = await insert(sql`${int(from - LINE_STEP)} + ${LINE_STEP} * row_number() over (order by ${src.order})`, src);
        return { from, count };
      };
      if (s.kind !== 'removed-by-action') {
        const { from, count } = await append(source(no, s));
        return { fromLineNo: from, count };
      }
      // as BC: going back puts removed contacts on their old line numbers, new ones where a number was taken since
      const removed = source(no, s);
      const restored = await insert(sql`a.line_no`, {
        from: sql`${removed.from} and not exists (select 1 from segment_lines x where x.segment_no = ${no} and x.line_no = a.line_no)`,
      });
      const rest = await append({
        from: sql`${removed.from} and not exists (select 1 from segment_lines x where x.segment_no = ${no} and x.line_no = a.line_no and x.contact_no = a.contact_no)`,
        order: removed.order,
      });
      return { fromLineNo: rest.from, count: restored + rest.count };
    },
    async reresolveLines(no, r) {
      await sql`update segment_lines set ${assignments(resolvedTemplateColumns(r))}
        from contacts c where c.no = segment_lines.contact_no and segment_lines.segment_no = ${no}`.execute(db);
    },
    async pushToLines(no, templateCode, v, subject) {
      const set: Record<string, RawBuilder<unknown>> = {};
      const text = (col: string, value: string | null | undefined) => {
        if (value !== undefined) set[col] = txt(value);
      };
      const num = (col: string, value: number | undefined) => {
        if (value !== undefined) set[col] = int(value);
      };
      text('description', v.description);
      text('salesperson_code', v.salespersonCode);
      text('date', v.date);
      text('campaign_no', v.campaignNo);
      num('campaign_target', v.campaignTarget === undefined ? undefined : toFlag(v.campaignTarget));
      num('campaign_response', v.campaignResponse === undefined ? undefined : toFlag(v.campaignResponse));
      text('information_flow', v.informationFlow);
      text('initiated_by', v.initiatedBy);
      num('cost_cents', v.costCents);
      num('duration_min', v.durationMin);
      text('correspondence_type', v.correspondenceType);
      if (Object.keys(set).length)
        await sql`update segment_lines set ${assignments(set)} where segment_no = ${no} and ${onTemplate(templateCode)}`.execute(db);
      if (subject) {
        const language = subject.languageCode === undefined ? sql`1 = 1` : dialect.same(sql.ref('language_code'), subject.languageCode);
        await sql`update segment_lines set subject = ${txt(subject.to)}
          where segment_no = ${no} and ${onTemplate(templateCode)} and ${dialect.same(sql.ref('subject'), subject.from)} and ${language}`.execute(
          db,
        );
      }
    },
    async takeLanguageRow(no, takers, row) {
      const contact =
        takers.contactLanguage === null
          ? sql`1 = 1`
          : sql`contact_no in (select k.no from contacts k where k.language_code = ${takers.contactLanguage})`;
      await sql`update segment_lines set language_code = ${txt(row.languageCode)}, subject = ${txt(row.subject)},
          attachment_id = ${int(row.attachmentId)}, attachment_source = ${txt(row.attachmentId === null ? null : 'inherited')}
        where segment_no = ${no} and ${onTemplate(takers.templateCode)} and (attachment_source is null or attachment_source = 'inherited') and ${contact}`.execute(
        db,
      );
    },
    async reresolveLanguage(no, templateCode, languageCode, r) {
      await sql`update segment_lines set ${assignments(resolvedLanguageColumns(r))}
        from contacts c where c.no = segment_lines.contact_no and segment_lines.segment_no = ${no}
          and ${dialect.same(sql`segment_lines.interaction_template_code`, templateCode)}
          and segment_lines.language_code = ${languageCode}
          and (segment_lines.attachment_source is null or segment_lines.attachment_source = 'inherited')`.execute(db);
    },
    async setInheritedAttachment(no, templateCode, languageCode, attachmentId) {
      await sql`update segment_lines set attachment_id = ${int(attachmentId)}, attachment_source = ${txt(attachmentId === null ? null : 'inherited')}
        where segment_no = ${no} and ${onTemplate(templateCode)} and language_code = ${languageCode}
          and (attachment_source is null or attachment_source = 'inherited')`.execute(db);
    },
  };
}
