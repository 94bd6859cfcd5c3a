import { z } from 'zod';
import {
  code,
  correspondenceType,
  date,
  deliveryStatus,
  documentType,
  duration,
  evaluation,
  informationFlow,
  initiatedBy,
  listQuery,
  money,
  origin,
  queryBool,
  queryInt,
  rangeOk,
  requiredText,
} from './common';
import { logEntryOut } from './log-entry';

// The words of the Interaction Log Entries resource (api.md §7.2–§7.6, §5.1 History).

const positiveInt = queryInt.pipe(z.number().int().min(1, 'must be at least 1'));
/** Sorts of the entry lists: date sorts break ties by entryNo in the same direction. */
const sort = z.enum(['-entryNo', 'entryNo', '-date', 'date']);

/** Refuses a `…From` after its `…To` (api.md §1.2) with the path of the `from`. */
function ranges<T extends Record<string, unknown>>(pairs: readonly [keyof T & string, keyof T & string][]) {
  return (v: T, ctx: z.RefinementCtx) => {
    for (const [from, to] of pairs)
      if (!rangeOk(v[from], v[to])) ctx.addIssue({ code: 'custom', path: [from], message: `must not be greater than ${to}` });
  };
}

/** The filters of the list (api.md §7.2), as query text; the CLI parses its options with it too. */
export const entryFilterQuery = {
  contactNo: code(20).optional(),
  contactCompanyNo: code(20).optional(),
  interactionTemplateCode: code(10).optional(),
  interactionGroupCode: code(10).optional(),
  salespersonCode: code(20).optional(),
  campaignNo: code(20).optional(),
  segmentNo: code(20).optional(),
  loggedSegmentEntryNo: positiveInt.optional(),
  canceled: queryBool.optional(),
  attemptFailed: queryBool.optional(),
  evaluation: evaluation.optional(),
  documentType: documentType.optional(),
  documentNo: code(20).optional(),
  dateFrom: date.optional(),
  dateTo: date.optional(),
  entryNoFrom: positiveInt.optional(),
  entryNoTo: positiveInt.optional(),
  campaignEntryNo: positiveInt.optional(),
  opportunityNo: code(20).optional(),
  taskNo: code(20).optional(),
  correspondenceType: correspondenceType.optional(),
  deliveryStatus: deliveryStatus.optional(),
  informationFlow: informationFlow.optional(),
  initiatedBy: initiatedBy.optional(),
  origin: origin.optional(),
  q: z.string().max(100, 'must have at most 100 characters').optional(),
};

export const entryListQuery = z
  .strictObject({
    ...entryFilterQuery,
    sort: sort.optional(),
    ...listQuery,
    format: z.enum(['csv', 'json']).optional().meta({ description: 'download the whole filtered, sorted set' }),
  })
  .superRefine(
    ranges([
      ['dateFrom', 'dateTo'],
      ['entryNoFrom', 'entryNoTo'],
    ]),
  );

export const entryParams = z.strictObject({ entryNo: positiveInt });
export const commentParams = z.strictObject({ entryNo: positiveInt, lineNo: positiveInt });

/** R21: only these fields may change; any other field is refused as unknown. */
export const patchEntryBody = z.strictObject({
  description: requiredText(100).optional(),
  evaluation: evaluation.nullable().optional(),
  attemptFailed: z.boolean().optional(),
  costLcy: money.optional(),
  durationMin: duration.optional(),
});

export const commentOut = z.object({ lineNo: z.number().int(), date: z.string(), comment: z.string() });
export const createCommentBody = z.strictObject({ comment: requiredText(80), date: date.optional() });
export const patchCommentBody = z.strictObject({ comment: requiredText(80).optional(), date: date.optional() });

const entryNos = z
  .array(z.number().int('must be a whole number').min(1, 'must be at least 1'))
  .min(1, 'must name at least one entry')
  .max(1000, 'must name at most 1000 entries');
export const cancelBody = z.strictObject({ entryNos, removeUniqueAttachments: z.boolean().optional() });
/** The flag is accepted and ignored on uncancel (api.md §7.4). */
export const uncancelBody = cancelBody;
export const evaluateBody = z.strictObject({ entryNos, evaluation: evaluation.nullable() });
export const entriesOut = z.object({ items: z.array(logEntryOut) });

const rangeInt = z.number().int('must be a whole number').min(1, 'must be at least 1');
export const deleteCanceledBody = z
  .strictObject({
    entryNoFrom: rangeInt.optional(),
    entryNoTo: rangeInt.optional(),
    contactNo: code(20).optional(),
    dateFrom: date.optional(),
    dateTo: date.optional(),
    campaignNo: code(20).optional(),
    interactionGroupCode: code(10).optional(),
    interactionTemplateCode: code(10).optional(),
    salespersonCode: code(20).optional(),
  })
  .superRefine(
    ranges([
      ['dateFrom', 'dateTo'],
      ['entryNoFrom', 'entryNoTo'],
    ]),
  );
export const asyncQuery = z.strictObject({ async: queryBool.optional() });
export const deletedOut = z.object({ deleted: z.number().int() });

export const historyQuery = z
  .strictObject({ canceled: queryBool.optional(), dateFrom: date.optional(), dateTo: date.optional(), sort: sort.optional(), ...listQuery })
  .superRefine(ranges([['dateFrom', 'dateTo']]));
export const historyEntryOut = logEntryOut.extend({ title: z.string() });
