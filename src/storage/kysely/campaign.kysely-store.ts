import type { Kysely, Selectable } from 'kysely';
import type { Campaign, CampaignEntry } from '../../domain/campaign/campaign';
import type { CampaignStore } from '../../domain/campaign/campaign.store';
import type { CampaignEntriesTable, CampaignsTable, Database } from './database';
import { fromFlag, toFlag } from './codec';
import type { Wrote } from './written-rows';

const toCampaign = (r: CampaignsTable): Campaign => ({
  no: r.no,
  description: r.description,
  startingDate: r.starting_date,
  endingDate: r.ending_date,
  salespersonCode: r.salesperson_code,
});

type EntryRow = Selectable<CampaignEntriesTable>;
type Figures = { n: number; cost: number; duration: number };

export function createCampaignStore(db: Kysely<Database>, wrote: Wrote): CampaignStore {
  /** Adds the figures of each campaign entry with one grouped query over the page (no N+1). */
  async function withFigures(rows: readonly EntryRow[]): Promise<CampaignEntry[]> {
    if (rows.length === 0) return [];
    const sums = await db
      .selectFrom('interaction_log_entries')
      .select((eb) => [
        'campaign_entry_no',
        'canceled',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>('cost_cents').as('cost'),
        eb.fn.sum<number>('duration_min').as('duration'),
      ])
      .where(
        'campaign_entry_no',
        'in',
        rows.map((r) => r.entry_no),
      )
      .where('postponed', '=', 0)
      .groupBy(['campaign_entry_no', 'canceled'])
      .execute();
    const byKey = new Map<string, Figures>(
      sums.map((s) => [
        `${Number(s.campaign_entry_no)}:${Number(s.canceled)}`,
        { n: Number(s.n), cost: Number(s.cost), duration: Number(s.duration) },
      ]),
    );
    return rows.map((r) => {
      // R32: only the linked entries whose canceled equals the campaign entry's own
      const f = byKey.get(`${Number(r.entry_no)}:${Number(r.canceled)}`);
      return {
        entryNo: Number(r.entry_no),
        campaignNo: r.campaign_no,
        description: r.description,
        date: r.date,
        segmentNo: r.segment_no,
        loggedSegmentEntryNo: r.logged_segment_entry_no === null ? null : Number(r.logged_segment_entry_no),
        documentType: r.document_type as CampaignEntry['documentType'],
        salespersonCode: r.salesperson_code,
        userId: r.user_id,
        canceled: fromFlag(r.canceled),
        noOfInteractions: f?.n ?? 0,
        costCents: f?.cost ?? 0,
        durationMin: f?.duration ?? 0,
      };
    });
  }

  return {
    async get(no) {
      const r = await db.selectFrom('campaigns').selectAll().where('no', '=', no).executeTakeFirst();
      return r ? toCampaign(r) : null;
    },
    async list(after, limit) {
      let q = db.selectFrom('campaigns').selectAll().orderBy('no').limit(limit);
      if (after !== null) q = q.where('no', '>', after);
      return (await q.execute()).map(toCampaign);
    },
    async insert(c) {
      await db
        .insertInto('campaigns')
        .values({
          no: c.no,
          description: c.description,
          starting_date: c.startingDate,
          ending_date: c.endingDate,
          salesperson_code: c.salespersonCode,
        })
        .execute();
    },
    async update(no, c) {
      const set = {
        ...(c.description !== undefined && { description: c.description }),
        ...(c.startingDate !== undefined && { starting_date: c.startingDate }),
        ...(c.endingDate !== undefined && { ending_date: c.endingDate }),
        ...(c.salespersonCode !== undefined && { salesperson_code: c.salespersonCode }),
      };
      if (Object.keys(set).length) await db.updateTable('campaigns').set(set).where('no', '=', no).execute();
    },
    async delete(no) {
      await db.deleteFrom('campaign_entries').where('campaign_no', '=', no).execute();
      await db.deleteFrom('campaigns').where('no', '=', no).execute();
    },

    async listEntries(campaignNo, filter, after, limit) {
      let q = db.selectFrom('campaign_entries').selectAll().where('campaign_no', '=', campaignNo).orderBy('entry_no').limit(limit);
      if (after !== null) q = q.where('entry_no', '>', after);
      if (filter.canceled !== undefined) q = q.where('canceled', '=', toFlag(filter.canceled));
      if (filter.loggedSegmentEntryNo !== undefined) q = q.where('logged_segment_entry_no', '=', filter.loggedSegmentEntryNo);
      return withFigures(await q.execute());
    },
    async getEntries(campaignNo, entryNos) {
      if (entryNos.length === 0) return [];
      const rows = await db
        .selectFrom('campaign_entries')
        .selectAll()
        .where('campaign_no', '=', campaignNo)
        .where('entry_no', 'in', [...entryNos])
        .orderBy('entry_no')
        .execute();
      return withFigures(rows);
    },
    async entryStates(campaignNo, entryNos) {
      if (entryNos.length === 0) return [];
      const rows = await db
        .selectFrom('campaign_entries as ce')
        .leftJoin('logged_segments as ls', 'ls.entry_no', 'ce.logged_segment_entry_no')
        .select(['ce.entry_no', 'ce.logged_segment_entry_no', 'ls.canceled'])
        .where('ce.campaign_no', '=', campaignNo)
        .where('ce.entry_no', 'in', [...entryNos])
        .execute();
      return rows.map((r) => ({
        entryNo: Number(r.entry_no),
        loggedSegmentEntryNo: r.logged_segment_entry_no === null ? null : Number(r.logged_segment_entry_no),
        loggedSegmentCanceled: fromFlag(r.canceled),
      }));
    },
    async setCanceled(entryNos, canceled) {
      if (entryNos.length === 0) return;
      const flag = toFlag(canceled);
      // only rows whose value changes are written, which spares the statistics triggers
      await db
        .updateTable('campaign_entries')
        .set({ canceled: flag })
        .where('entry_no', 'in', [...entryNos])
        .where('canceled', '<>', flag)
        .execute();
      const entries = await db
        .updateTable('interaction_log_entries')
        .set({ canceled: flag })
        .where('campaign_entry_no', 'in', [...entryNos])
        .where('postponed', '=', 0)
        .where('canceled', '<>', flag)
        .executeTakeFirst();
      wrote('interaction_log_entries', Number(entries.numUpdatedRows));
    },
    async deleteCanceled(campaignNo, range) {
      const doomedCampaignEntries = () => {
        let q = db.selectFrom('campaign_entries').select('entry_no').where('campaign_no', '=', campaignNo).where('canceled', '=', 1);
        if (range.from !== null) q = q.where('entry_no', '>=', range.from);
        if (range.to !== null) q = q.where('entry_no', '<=', range.to);
        return q;
      };
      const doomedEntries = () =>
        db.selectFrom('interaction_log_entries').where('postponed', '=', 0).where('campaign_entry_no', 'in', doomedCampaignEntries());

      // the attachments the deleted entries used: the caller deletes those nothing uses any more
      const attachments = await doomedEntries().select('attachment_id').distinct().where('attachment_id', 'is not', null).execute();
      await db.deleteFrom('entry_comments').where('entry_no', 'in', doomedEntries().select('entry_no')).execute();
      const entries = await db
        .deleteFrom('interaction_log_entries')
        .where('postponed', '=', 0)
        .where('campaign_entry_no', 'in', doomedCampaignEntries())
        .executeTakeFirst();
      wrote('interaction_log_entries', Number(entries.numDeletedRows));
      const deleted = await db.deleteFrom('campaign_entries').where('entry_no', 'in', doomedCampaignEntries()).executeTakeFirst();
      return { deleted: Number(deleted.numDeletedRows), attachmentIds: attachments.map((a) => Number(a.attachment_id)) };
    },
  };
}
