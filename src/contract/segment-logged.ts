import { z } from 'zod';
import { code, date, listQuery, queryBool, text } from './common';
import { nullable, ranges } from './segment-fields';

// Logged segments: list, cancel, delete canceled, reuse (api.md §10).

export const loggedSegmentParams = z.strictObject({
  entryNo: z
    .string()
    .regex(/^\d{1,15}$/, 'must be an entry number')
    .transform(Number),
});
export const loggedSegmentListQuery = z
  .strictObject({
    ...listQuery,
    segmentNo: code(20).optional(),
    canceled: queryBool.optional(),
    dateFrom: date.optional(),
    dateTo: date.optional(),
  })
  .superRefine(ranges([['dateFrom', 'dateTo']]));
export const entryNosBody = z.strictObject({ entryNos: z.array(z.number().int().positive()).min(1).max(1000) });
export const deleteCanceledLoggedBody = z
  .strictObject({
    entryNoFrom: z.number().int().positive().optional(),
    entryNoTo: z.number().int().positive().optional(),
    segmentNo: code(20).optional(),
  })
  .superRefine(ranges([['entryNoFrom', 'entryNoTo']]));
export const reuseBody = z.strictObject({ no: nullable(code(20)), description: nullable(text(100)) });
export const deletedOut = z.object({ deleted: z.number().int() });

export const loggedSegmentOut = z.object({
  entryNo: z.number().int(),
  segmentNo: z.string(),
  description: z.string().nullable(),
  creationDate: z.string(),
  userId: z.string(),
  canceled: z.boolean(),
  noOfInteractions: z.number().int(),
  noOfCampaignEntries: z.number().int(),
});
