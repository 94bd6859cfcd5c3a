import { z } from 'zod';
import { code, date, documentType, listQuery, queryBool, queryInt, rangeOk, requiredCode, text } from './common';

export const campaignOut = z.object({
  no: z.string(),
  description: z.string().nullable(),
  startingDate: z.string().nullable(),
  endingDate: z.string().nullable(),
  salespersonCode: z.string().nullable(),
});

const campaignFields = {
  description: text(100).nullable().optional(),
  startingDate: date.nullable().optional(),
  endingDate: date.nullable().optional(),
  salespersonCode: code(20).nullable().optional(),
};
const datesOrdered = (b: { startingDate?: string | null | undefined; endingDate?: string | null | undefined }) =>
  rangeOk(b.startingDate, b.endingDate);
const datesMessage = { message: 'must not be before startingDate', path: ['endingDate'] };

export const createCampaignBody = z
  .strictObject({ no: code(20).nullable().optional(), ...campaignFields })
  .refine(datesOrdered, datesMessage);
export const patchCampaignBody = z.strictObject(campaignFields).refine(datesOrdered, datesMessage);
export const campaignParams = z.strictObject({ no: requiredCode(20) });

const entryNo = z.number().int('must be a whole number').min(1, 'must be at least 1').max(Number.MAX_SAFE_INTEGER);

export const campaignEntryOut = z.object({
  entryNo: z.number().int(),
  campaignNo: z.string(),
  description: z.string().nullable(),
  date: z.string().nullable(),
  segmentNo: z.string().nullable(),
  loggedSegmentEntryNo: z.number().int().nullable(),
  documentType: documentType.nullable(),
  salespersonCode: z.string().nullable(),
  userId: z.string().nullable(),
  canceled: z.boolean(),
  noOfInteractions: z.number().int(),
  costLcy: z.number(),
  durationMin: z.number().int(),
});
export type CampaignEntryJson = z.infer<typeof campaignEntryOut>;

export const campaignEntriesQuery = z.strictObject({
  canceled: queryBool.optional(),
  loggedSegmentEntryNo: queryInt.optional(),
  ...listQuery,
});
export const campaignEntryParams = z.strictObject({ no: requiredCode(20), entryNo: queryInt });
export const campaignEntryNosBody = z.strictObject({
  entryNos: z.array(entryNo).min(1, 'must have at least 1 item').max(1000, 'must have at most 1000 items'),
});
export const deleteCanceledCampaignEntriesBody = z
  .strictObject({ entryNoFrom: entryNo.optional(), entryNoTo: entryNo.optional() })
  .refine((b) => rangeOk(b.entryNoFrom, b.entryNoTo), { message: 'must not be less than entryNoFrom', path: ['entryNoTo'] });
