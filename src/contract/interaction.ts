import { z } from 'zod';
import {
  code,
  correspondenceType,
  date,
  documentType,
  duration,
  evaluation,
  informationFlow,
  initiatedBy,
  listQuery,
  money,
  queryInt,
  requiredCode,
  requiredText,
  text,
  time,
} from './common';
import { logEntryOut } from './log-entry';

// Bodies of the logging endpoints (api.md §6, §8). Money arrives as `costLcy` and leaves the
// schema as integer `costCents`, the unit of the domain.

const withCents = <T extends { costLcy?: number | undefined }>({ costLcy, ...rest }: T) => ({
  ...rest,
  ...(costLcy !== undefined && { costCents: costLcy }),
});

const comments = z.array(requiredText(80)).max(100, 'must have at most 100 comments');

const interactionFields = {
  description: text(100).nullable().optional(),
  subject: text(100).nullable().optional(),
  date: date.nullable().optional(),
  timeOfInteraction: time.nullable().optional(),
  salespersonCode: code(20).nullable().optional(),
  languageCode: code(10).nullable().optional(),
  correspondenceType: correspondenceType.nullable().optional(),
  informationFlow: informationFlow.nullable().optional(),
  initiatedBy: initiatedBy.nullable().optional(),
  campaignNo: code(20).nullable().optional(),
  campaignTarget: z.boolean().optional(),
  campaignResponse: z.boolean().optional(),
  opportunityNo: code(20).nullable().optional(),
  taskNo: code(20).nullable().optional(),
  costLcy: money.optional(),
  durationMin: duration.optional(),
  evaluation: evaluation.nullable().optional(),
  attemptFailed: z.boolean().optional(),
  contactVia: text(80).nullable().optional(),
  comments: comments.optional(),
  postponed: z.boolean().optional(),
  deliver: z.boolean().optional(),
  attachmentId: z.number().int().positive().nullable().optional().meta({ description: 'an uploaded attachment that is not read-only yet' }),
};

/** POST /interactions: only contactNo and interactionTemplateCode are required (decision k). */
export const createInteractionBody = z
  .strictObject({ contactNo: requiredCode(20), interactionTemplateCode: requiredCode(10), ...interactionFields })
  .transform(withCents);

/** POST /postponed-interactions/{entryNo}/resume: any field of api.md §6.1; stored values stay for the others. */
export const resumeInteractionBody = z
  .strictObject({ contactNo: requiredCode(20).optional(), interactionTemplateCode: requiredCode(10).optional(), ...interactionFields })
  .transform(withCents);

/** POST /interactions/phone-call (api.md §6.2, §13.17). */
export const phoneCallBody = z
  .strictObject({
    contactNo: requiredCode(20),
    contactVia: text(80).nullable().optional(),
    description: text(100).nullable().optional(),
    successful: z.boolean().optional(),
    evaluation: evaluation.nullable().optional(),
    costLcy: money.optional(),
    durationMin: duration.optional(),
    campaignNo: code(20).nullable().optional(),
    opportunityNo: code(20).nullable().optional(),
    salespersonCode: code(20).nullable().optional(),
    taskNo: code(20).nullable().optional(),
    comments: comments.optional(),
  })
  .transform(withCents);

const counter = z.number().int('must be a whole number').min(0, 'must not be negative').max(2147483647);

/** POST /document-events (api.md §8): exactly one of contactNo, customerNo, vendorNo. */
export const documentEventBody = z
  .strictObject({
    documentType,
    documentNo: code(20).nullable().optional(),
    contactNo: code(20).nullable().optional(),
    customerNo: code(20).nullable().optional(),
    vendorNo: code(20).nullable().optional(),
    salespersonCode: code(20).nullable().optional(),
    campaignNo: code(20).nullable().optional(),
    description: text(100).nullable().optional(),
    opportunityNo: code(20).nullable().optional(),
    versionNo: counter.optional(),
    docNoOccurrence: counter.optional(),
  })
  .superRefine((b, ctx) => {
    const named = (['contactNo', 'customerNo', 'vendorNo'] as const).filter((k) => b[k] !== undefined && b[k] !== null);
    if (named.length !== 1)
      ctx.addIssue({ code: 'custom', path: [], message: 'exactly one of contactNo, customerNo and vendorNo is required' });
    // as BC: a cover sheet belongs to no document
    if (b.documentType !== 'cover_sheet' && (b.documentNo === undefined || b.documentNo === null))
      ctx.addIssue({ code: 'custom', path: ['documentNo'], message: 'is required' });
  });

export const documentEventOut = z.union([
  z.object({ logged: z.literal(false), reason: z.enum(['no_template_for_document_type', 'no_contact_found']) }),
  z.object({ logged: z.literal(true), entry: logEntryOut }),
]);

export const entryNoParams = z.strictObject({ entryNo: queryInt.pipe(z.number().int().min(1, 'must be a positive entry number')) });

export const commentLinesQuery = z.strictObject(listQuery);

export const commentLineOut = z.object({ lineNo: z.number().int(), date: date, comment: z.string() });
