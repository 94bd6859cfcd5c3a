import type { Campaign, CampaignChanges, CampaignEntry, CampaignEntryFilter, CampaignEntryState } from './campaign';

/** What campaigns and their campaign entries need from storage. */
export interface CampaignStore {
  get(no: string): Promise<Campaign | null>;
  /** Campaigns after `afterNo` in number order. */
  list(afterNo: string | null, limit: number): Promise<Campaign[]>;
  insert(campaign: Campaign): Promise<void>;
  update(no: string, changes: CampaignChanges): Promise<void>;
  /** Deletes the campaign and its campaign entries; log entries keep their values. */
  delete(no: string): Promise<void>;

  /** The campaign's entries after `afterEntryNo` in entry order, with their figures. */
  listEntries(campaignNo: string, filter: CampaignEntryFilter, afterEntryNo: number | null, limit: number): Promise<CampaignEntry[]>;
  /** Those of `entryNos` that are entries of the campaign, in entry order, with their figures. */
  getEntries(campaignNo: string, entryNos: readonly number[]): Promise<CampaignEntry[]>;
  /** Those of `entryNos` that are entries of the campaign, with the state of their logged segment. */
  entryStates(campaignNo: string, entryNos: readonly number[]): Promise<CampaignEntryState[]>;
  /** Sets `canceled` on the campaign entries and on every non-postponed log entry linked to them. */
  setCanceled(entryNos: readonly number[], canceled: boolean): Promise<void>;
  /**
   * Deletes the campaign's canceled campaign entries in the range with their non-postponed log
   * entries and those entries' comments; answers how many campaign entries were deleted and the
   * attachments the deleted log entries used.
   */
  deleteCanceled(
    campaignNo: string,
    range: { readonly from: number | null; readonly to: number | null },
  ): Promise<{ readonly deleted: number; readonly attachmentIds: readonly number[] }>;
}
