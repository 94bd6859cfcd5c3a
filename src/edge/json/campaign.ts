import type { CampaignEntry } from '../../domain/campaign/campaign';
import { fromCents } from '../../contract/common';

import type { CampaignEntryJson } from '../../contract/campaign';

// The domain's campaign as the contract shapes it: shared by the HTTP routes and the CLI.

/** Domain campaign entry → API JSON (cents → LCY), keys in contract order. */
export function toCampaignEntryJson(e: CampaignEntry): CampaignEntryJson {
  return {
    entryNo: e.entryNo,
    campaignNo: e.campaignNo,
    description: e.description,
    date: e.date,
    segmentNo: e.segmentNo,
    loggedSegmentEntryNo: e.loggedSegmentEntryNo,
    documentType: e.documentType,
    salespersonCode: e.salespersonCode,
    userId: e.userId,
    canceled: e.canceled,
    noOfInteractions: e.noOfInteractions,
    costLcy: fromCents(e.costCents),
    durationMin: e.durationMin,
  };
}
