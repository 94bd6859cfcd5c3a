import { sql } from 'kysely';
import type { Segment } from '../../domain/segment/segment';
import type { SegmentHeaderPort } from '../../domain/segment/segment-header.store';
import { fold, likeContains } from './codec';
import { attachmentIdsOf, headerRow, toHeader, type SegDb } from './segment-row.kysely-store';
import type { SqlDialect } from './sql-dialect';
import type { Wrote } from './written-rows';

/** Segment headers with their computed figures, and the lock their writers queue on. */
export function createSegmentHeaderStore(db: SegDb, dialect: SqlDialect, wrote: Wrote): SegmentHeaderPort {
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
    async lockSegment(no) {
      await dialect.lock(db, `segment:${no}`);
      await dialect.lockRow(db, 'segments', 'no', no);
    },
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
      const lines = await db.deleteFrom('segment_lines').where('segment_no', '=', no).executeTakeFirst();
      wrote('segment_lines', Number(lines.numDeletedRows));
      await db.deleteFrom('segments').where('no', '=', no).execute();
      return attachmentIdsOf(rows);
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
  };
}
