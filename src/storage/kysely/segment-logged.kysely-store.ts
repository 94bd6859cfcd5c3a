import { sql } from 'kysely';
import type { LoggedSegment } from '../../domain/segment/segment';
import type { LoggedSegmentPort } from '../../domain/segment/logged-segment.store';
import { fromFlag } from './codec';
import type { SegDb } from './segment-row.kysely-store';
import type { Wrote } from './written-rows';

const CHUNK = 500;

/** Logged segments with their counts (R32), cancel/uncancel cascades (R49) and deletion (R50). */
export function createLoggedSegmentStore(db: SegDb, wrote: Wrote): LoggedSegmentPort {
  const withCounts = () =>
    db
      .selectFrom('logged_segments as ls')
      .selectAll('ls')
      .select([
        sql<number>`(select count(*) from interaction_log_entries e
          where e.logged_segment_entry_no = ls.entry_no and e.canceled = ls.canceled and e.postponed = 0)`.as('no_of_interactions'),
        sql<number>`(select count(*) from campaign_entries ce where ce.logged_segment_entry_no = ls.entry_no and ce.canceled = ls.canceled)`.as(
          'no_of_campaign_entries',
        ),
      ]);
  type Row = Awaited<ReturnType<ReturnType<typeof withCounts>['executeTakeFirstOrThrow']>>;
  const toLogged = (r: Row): LoggedSegment => ({
    entryNo: Number(r.entry_no),
    segmentNo: r.segment_no,
    description: r.description,
    creationDate: r.creation_date,
    userId: r.user_id,
    canceled: fromFlag(r.canceled),
    noOfInteractions: Number(r.no_of_interactions),
    noOfCampaignEntries: Number(r.no_of_campaign_entries),
  });

  return {
    async loggedSegment(entryNo) {
      const r = await withCounts().where('ls.entry_no', '=', entryNo).executeTakeFirst();
      return r ? toLogged(r) : null;
    },
    async loggedSegments(f, after, limit) {
      let q = withCounts().orderBy('ls.entry_no', 'desc').limit(limit);
      if (after !== null) q = q.where('ls.entry_no', '<', after);
      if (f.segmentNo !== null) q = q.where('ls.segment_no', '=', f.segmentNo);
      if (f.canceled !== null) q = q.where('ls.canceled', '=', f.canceled ? 1 : 0);
      if (f.dateFrom !== null) q = q.where('ls.creation_date', '>=', f.dateFrom);
      if (f.dateTo !== null) q = q.where('ls.creation_date', '<=', f.dateTo);
      return (await q.execute()).map(toLogged);
    },
    async loggedSegmentsByNo(entryNos) {
      const out: LoggedSegment[] = [];
      for (let i = 0; i < entryNos.length; i += CHUNK) {
        const rows = await withCounts()
          .where('ls.entry_no', 'in', entryNos.slice(i, i + CHUNK))
          .execute();
        out.push(...rows.map(toLogged));
      }
      return out.sort((a, b) => a.entryNo - b.entryNo);
    },
    async setLoggedSegmentsCanceled(entryNos, canceled) {
      // R49: the cascade through which a canceled entry of a logged segment is un-canceled with it, never alone
      const v = canceled ? 1 : 0;
      for (let i = 0; i < entryNos.length; i += CHUNK) {
        const chunk = entryNos.slice(i, i + CHUNK);
        await db.updateTable('logged_segments').set({ canceled: v }).where('entry_no', 'in', chunk).execute();
        // only entries whose flag changes are written, so the maintained sums do no needless work
        const entries = await db
          .updateTable('interaction_log_entries')
          .set({ canceled: v })
          .where('logged_segment_entry_no', 'in', chunk)
          .where('postponed', '=', 0)
          .where('canceled', '<>', v)
          .executeTakeFirst();
        wrote('interaction_log_entries', Number(entries.numUpdatedRows));
        await db
          .updateTable('campaign_entries')
          .set({ canceled: v })
          .where('logged_segment_entry_no', 'in', chunk)
          .where('canceled', '<>', v)
          .execute();
      }
    },
    async deleteCanceledLoggedSegments(f) {
      let doomed = db.selectFrom('logged_segments').select('entry_no').where('canceled', '=', 1);
      if (f.entryNoFrom !== null) doomed = doomed.where('entry_no', '>=', f.entryNoFrom);
      if (f.entryNoTo !== null) doomed = doomed.where('entry_no', '<=', f.entryNoTo);
      if (f.segmentNo !== null) doomed = doomed.where('segment_no', '=', f.segmentNo);
      const entries = await db
        .updateTable('interaction_log_entries')
        .set({ logged_segment_entry_no: null })
        .where('logged_segment_entry_no', 'in', doomed)
        .executeTakeFirst();
      wrote('interaction_log_entries', Number(entries.numUpdatedRows));
      await db
        .updateTable('campaign_entries')
        .set({ logged_segment_entry_no: null })
        .where('logged_segment_entry_no', 'in', doomed)
        .execute();
      const r = await db.deleteFrom('logged_segments').where('entry_no', 'in', doomed).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
