import type { z } from 'zod';
import type { LoggedSegment } from '../../domain/segment/segment';
import type { loggedSegmentOut } from '../../contract/segment-logged';

// The domain's segment logged as the contract shapes it: shared by the HTTP routes and the CLI.

export function toLoggedSegmentJson(l: LoggedSegment): z.infer<typeof loggedSegmentOut> {
  return {
    entryNo: l.entryNo,
    segmentNo: l.segmentNo,
    description: l.description,
    creationDate: l.creationDate,
    userId: l.userId,
    canceled: l.canceled,
    noOfInteractions: l.noOfInteractions,
    noOfCampaignEntries: l.noOfCampaignEntries,
  };
}
