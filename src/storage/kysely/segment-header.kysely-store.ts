import { sql } from 'kysely';
import type { Segment } from '../../domain/segment/segment';
import type { SegmentHeaderPort, SegmentLanguagePort } from '../../domain/segment/segment.store';
import { fold, likeContains } from './codec';
import { headerRow, toHeader, type SegDb } from './segment-row.kysely-store';

const ids = (rows: readonly { attachment_id: number | null }[]) =>
  rows.flatMap((r) => (r.attachment_id === null ? [] : [Number(r.attachment_id)]));

/** Segment headers with their computed figures, and their language rows. */
export function createSegmentHeaderStore(db: SegDb): SegmentHeaderPort & SegmentLanguagePort {
  const withFigures = () =>
    db
      .selectFrom('segments as s')
      .selectAll('s')
      .select([
        sql<number>`(select count(*) from segment_lines l where l.segment_no = s.no)`.as('no_of_lines'),
        sql<number>`(select coalesce(sum(l.cost_cents), 0) from segment_lines l where l.segment_no = s.no)`.as('cost_cents'),
        sql<number>`(select coalesce(sum(l.duration_min), 0) from segment_lines l where l.segment_no = s.no)`.as('duration_min'),
        sql<number>`(select count(*) from criteria_actions a where a.segment_no = s.no)`.as('no_of_criteria_actions'),
      ]);
  type Row = Awaited<ReturnType<ReturnType<typeof withFigures>['executeTakeFirstOrThrow']>>;
  const toSegment = (r: Row): Segment => ({
    ...toHeader(r),
    noOfLines: Number(r.no_of_lines),
    costCents: Number(r.cost_cents),
    durationMin: Number(r.duration_min),
    noOfCriteriaActions: Number(r.no_of_criteria_actions),
  });

  return {
    async numberTaken(no) {
      const s = await db.selectFrom('segments').select('no').where('no', '=', no).executeTakeFirst();
      const l = s ?? (await db.selectFrom('logged_segments').select('segment_no').where('segment_no', '=', no).executeTakeFirst());
      return !!l;
    },
    async header(no) {
      const r = await db.selectFrom('segments').selectAll().where('no', '=', no).executeTakeFirst();
      return r ? toHeader(r) : null;
    },
    async segment(no) {
      const r = await withFigures().where('s.no', '=', no).executeTakeFirst();
      return r ? toSegment(r) : null;
    },
    async segments(f, after, limit) {
      let q = withFigures().orderBy('s.no').limit(limit);
      if (after !== null) q = q.where('s.no', '>', after);
      if (f.q !== null) q = q.where(sql<boolean>`s.search like ${likeContains(fold(f.q))} escape '\\'`);
      if (f.campaignNo !== null) q = q.where('s.campaign_no', '=', f.campaignNo);
      if (f.salespersonCode !== null) q = q.where('s.salesperson_code', '=', f.salespersonCode);
      return (await q.execute()).map(toSegment);
    },
    async insertHeader(h) {
      await db.insertInto('segments').values(headerRow(h)).execute();
    },
    async updateHeader(h) {
      const { no, ...rest } = headerRow(h);
      await db.updateTable('segments').set(rest).where('no', '=', no).execute();
    },
    async deleteSegment(no) {
      const rows = await db.selectFrom('segment_languages').select('attachment_id').where('segment_no', '=', no).execute();
      await db.deleteFrom('criteria_action_contacts').where('segment_no', '=', no).execute();
      await db.deleteFrom('criteria_actions').where('segment_no', '=', no).execute();
      await db.deleteFrom('segment_languages').where('segment_no', '=', no).execute();
      await db.deleteFrom('segment_lines').where('segment_no', '=', no).execute();
      await db.deleteFrom('segments').where('no', '=', no).execute();
      return ids(rows);
    },
    async hasInheritedAttachments(no) {
      const r = await db
        .selectFrom('segment_lines')
        .select('line_no')
        .where('segment_no', '=', no)
        .where('attachment_source', '=', 'inherited')
        .limit(1)
        .executeTakeFirst();
      return !!r;
    },

    async languageRows(no, lineNo) {
      const rows = await db
        .selectFrom('segment_languages')
        .select(['language_code', 'description', 'subject', 'attachment_id'])
        .where('segment_no', '=', no)
        .where('line_no', '=', lineNo)
        .orderBy('language_code')
        .execute();
      return rows.map((r) => ({
        languageCode: r.language_code,
        description: r.description,
        subject: r.subject,
        attachmentId: r.attachment_id === null ? null : Number(r.attachment_id),
      }));
    },
    async insertLanguageRows(no, lineNo, rows) {
      if (rows.length === 0) return;
      await db
        .insertInto('segment_languages')
        .values(
          rows.map((r) => ({
            segment_no: no,
            line_no: lineNo,
            language_code: r.languageCode,
            description: r.description,
            subject: r.subject,
            attachment_id: r.attachmentId,
          })),
        )
        .execute();
    },
    async updateLanguageRow(no, lineNo, r) {
      await db
        .updateTable('segment_languages')
        .set({ description: r.description, subject: r.subject, attachment_id: r.attachmentId })
        .where('segment_no', '=', no)
        .where('line_no', '=', lineNo)
        .where('language_code', '=', r.languageCode)
        .execute();
    },
    async deleteLanguageRows(no, lineNo, languageCode) {
      let sel = db.selectFrom('segment_languages').select('attachment_id').where('segment_no', '=', no).where('line_no', '=', lineNo);
      let del = db.deleteFrom('segment_languages').where('segment_no', '=', no).where('line_no', '=', lineNo);
      if (languageCode !== undefined) {
        sel = sel.where('language_code', '=', languageCode);
        del = del.where('language_code', '=', languageCode);
      }
      const rows = await sel.execute();
      await del.execute();
      return ids(rows);
    },
    async deleteOwnLanguageRows(no) {
      const rows = await db
        .selectFrom('segment_languages')
        .select('attachment_id')
        .where('segment_no', '=', no)
        .where('line_no', '<>', 0)
        .execute();
      await db.deleteFrom('segment_languages').where('segment_no', '=', no).where('line_no', '<>', 0).execute();
      return ids(rows);
    },
  };
}
