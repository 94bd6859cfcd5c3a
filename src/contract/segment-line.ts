import { z } from 'zod';
import {
  code,
  correspondenceType,
  date,
  duration,
  evaluation,
  informationFlow,
  initiatedBy,
  money,
  requiredCode,
  text,
  time,
} from './common';
import { nullable } from './segment-fields';

// A segment's lines (api.md §9).

const lineFields = {
  description: nullable(text(100)),
  subject: nullable(text(100)),
  date: nullable(date),
  timeOfInteraction: nullable(time),
  salespersonCode: nullable(code(20)),
  interactionTemplateCode: nullable(code(10)),
  languageCode: nullable(code(10)),
  correspondenceType: nullable(correspondenceType),
  informationFlow: nullable(informationFlow),
  initiatedBy: nullable(initiatedBy),
  campaignNo: nullable(code(20)),
  campaignTarget: z.boolean().optional(),
  campaignResponse: z.boolean().optional(),
  costLcy: money.optional(),
  durationMin: duration.optional(),
  evaluation: nullable(evaluation),
  attemptFailed: z.boolean().optional(),
  contactVia: nullable(text(80)),
  opportunityNo: nullable(code(20)),
};

export const createLineBody = z.strictObject({ contactNo: requiredCode(20), ...lineFields });
export const patchLineBody = z.strictObject({ contactNo: requiredCode(20).optional(), ...lineFields });

export const lineParams = z.strictObject({
  no: requiredCode(20),
  lineNo: z
    .string()
    .regex(/^\d{1,9}$/, 'must be a line number')
    .transform(Number),
});

export const lineOut = z.object({
  lineNo: z.number().int(),
  contactNo: z.string(),
  contactName: z.string().nullable(),
  contactCompanyNo: z.string().nullable(),
  contactCompanyName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhoneNo: z.string().nullable(),
  description: z.string().nullable(),
  subject: z.string().nullable(),
  date: z.string().nullable(),
  timeOfInteraction: z.string().nullable(),
  salespersonCode: z.string().nullable(),
  interactionTemplateCode: z.string().nullable(),
  interactionGroupCode: z.string().nullable(),
  languageCode: z.string().nullable(),
  correspondenceType: correspondenceType.nullable(),
  informationFlow: informationFlow.nullable(),
  initiatedBy: initiatedBy.nullable(),
  campaignNo: z.string().nullable(),
  campaignTarget: z.boolean(),
  campaignResponse: z.boolean(),
  costLcy: z.number(),
  durationMin: z.number().int(),
  evaluation: evaluation.nullable(),
  attemptFailed: z.boolean(),
  contactVia: z.string().nullable(),
  opportunityNo: z.string().nullable(),
  attachmentId: z.number().int().nullable(),
  attachmentSource: z.enum(['inherited', 'unique']).nullable(),
});
