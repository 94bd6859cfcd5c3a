import { z } from 'zod';
import {
  code,
  correspondenceType,
  date,
  duration,
  informationFlow,
  initiatedBy,
  listQuery,
  money,
  queryBool,
  requiredCode,
  text,
} from './common';
import { nullable } from './segment-fields';

// A segment's header (api.md §9).

const headerFields = {
  description: nullable(text(100)),
  salespersonCode: nullable(code(20)),
  date: nullable(date),
  campaignNo: nullable(code(20)),
  campaignTarget: z.boolean().optional(),
  campaignResponse: z.boolean().optional(),
  interactionTemplateCode: nullable(code(10)),
  languageCodeDefault: nullable(code(10)),
  subjectDefault: nullable(text(100)),
  correspondenceTypeDefault: nullable(correspondenceType),
  ignoreContactCorrespondenceType: z.boolean().optional(),
  unitCostLcy: money.optional(),
  unitDurationMin: duration.optional(),
  informationFlow: nullable(informationFlow),
  initiatedBy: nullable(initiatedBy),
};

export const createSegmentBody = z.strictObject({ no: nullable(code(20)), ...headerFields });
export const patchSegmentBody = z.strictObject(headerFields);

export const segmentParams = z.strictObject({ no: requiredCode(20) });
export const segmentListQuery = z.strictObject({
  ...listQuery,
  q: z.string().max(100).optional(),
  campaignNo: code(20).optional(),
  salespersonCode: code(20).optional(),
});
export const applyToLinesQuery = z.strictObject({ applyToLines: queryBool.optional() });

export const segmentOut = z.object({
  no: z.string(),
  description: z.string().nullable(),
  salespersonCode: z.string().nullable(),
  date: z.string().nullable(),
  campaignNo: z.string().nullable(),
  campaignTarget: z.boolean(),
  campaignResponse: z.boolean(),
  interactionTemplateCode: z.string().nullable(),
  interactionGroupCode: z.string().nullable(),
  languageCodeDefault: z.string().nullable(),
  subjectDefault: z.string().nullable(),
  correspondenceTypeDefault: correspondenceType.nullable(),
  ignoreContactCorrespondenceType: z.boolean(),
  unitCostLcy: z.number(),
  unitDurationMin: z.number().int(),
  informationFlow: informationFlow.nullable(),
  initiatedBy: initiatedBy.nullable(),
  noOfLines: z.number().int(),
  costLcy: z.number(),
  durationMin: z.number().int(),
  noOfCriteriaActions: z.number().int(),
});
