import type { Stores } from '../stores';
import { decodeCursor, toPage } from '../shared/cursor';
import { assertAllFound, distinctAscending, loggedSegmentBlock } from '../interaction-log/entry-cancel';
import { notFound } from '../shared/errors';
import type { Page, UnitOfWork } from '../shared/unit-of-work';
import type { CampaignEntry, CampaignEntryFilter } from './campaign';

export interface CampaignEntryService {
  list(campaignNo: string, q: { filter: CampaignEntryFilter; limit: number; cursor?: string | undefined }): Promise<Page<CampaignEntry>>;
  get(campaignNo: string, entryNo: number): Promise<CampaignEntry>;
  /** Cancels the campaign entries and every entry linked to them (R51); all or nothing. */
  cancel(campaignNo: string, entryNos: readonly number[]): Promise<CampaignEntry[]>;
  /** Uncancels them and their linked entries, unless a logged segment of theirs is canceled (R51). */
  uncancel(campaignNo: string, entryNos: readonly number[]): Promise<CampaignEntry[]>;
  /** Deletes the campaign's canceled campaign entries in the range with their entries (R51). */
  deleteCanceled(campaignNo: string, range: { from?: number | undefined; to?: number | undefined }): Promise<number>;
}

/** Campaign entries: created by logging, read, canceled and purged here. */
export function createCampaignEntryService({ uow }: { uow: UnitOfWork<Stores> }): CampaignEntryService {
  const mustCampaign = async (s: Stores, no: string) => {
    if (!(await s.campaigns.get(no))) throw notFound.campaign(no);
  };

  const setCanceled = (campaignNo: string, entryNos: readonly number[], canceled: boolean) =>
    uow.transaction(async (s) => {
      await mustCampaign(s, campaignNo);
      const wanted = distinctAscending(entryNos);
      const states = new Map((await s.campaigns.entryStates(campaignNo, wanted)).map((e) => [e.entryNo, e]));
      // as settled: bulk refusals name the lowest failing number, 404s before 422s
      assertAllFound(wanted, [...states.values()]);
      if (!canceled) {
        const blocked = wanted.map((n) => loggedSegmentBlock(states.get(n)!)).find((b) => b !== null);
        if (blocked) throw blocked;
      }
      await s.campaigns.setCanceled(wanted, canceled);
      return s.campaigns.getEntries(campaignNo, wanted);
    });

  return {
    list: (campaignNo, { filter, limit, cursor }) =>
      uow.read(async (s) => {
        await mustCampaign(s, campaignNo);
        const scope = ['campaign-entries', campaignNo, filter.canceled ?? null, filter.loggedSegmentEntryNo ?? null];
        const after = decodeCursor(cursor, scope);
        const rows = await s.campaigns.listEntries(campaignNo, filter, (after?.[0] as number | undefined) ?? null, limit + 1);
        return toPage(rows, limit, (r) => [r.entryNo], scope);
      }),
    get: (campaignNo, entryNo) =>
      uow.read(async (s) => {
        await mustCampaign(s, campaignNo);
        const [entry] = await s.campaigns.getEntries(campaignNo, [entryNo]);
        if (!entry) throw notFound.entry(entryNo);
        return entry;
      }),
    cancel: (campaignNo, entryNos) => setCanceled(campaignNo, entryNos, true),
    uncancel: (campaignNo, entryNos) => setCanceled(campaignNo, entryNos, false),
    deleteCanceled: (campaignNo, range) =>
      uow.transaction(async (s) => {
        await mustCampaign(s, campaignNo);
        const { deleted, attachmentIds } = await s.campaigns.deleteCanceled(campaignNo, { from: range.from ?? null, to: range.to ?? null });
        // R51: an attachment goes with the last entry that used it, where Business Central leaves it behind
        await s.attachments.deleteReleased(attachmentIds);
        return deleted;
      }),
  };
}
