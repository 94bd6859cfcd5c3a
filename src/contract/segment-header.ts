import { z } from 'zod';
import type { Segment } from '../domain/segment/segment';
import type { SegmentInput } from '../domain/segment/header-rules';
import {
  code,
  correspondenceType,
  date,
  duration,
  fromCents,
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

/** A header body in the system's units (cents). */
export function segmentInput(body: z.output<typeof patchSegmentBody>): SegmentInput {
  const { unitCostLcy, ...rest } = body;
  return { ...rest, ...(unitCostLcy !== undefined && { unitCostCents: unitCostLcy }) };
}

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

export function toSegmentJson(s: Segment): z.infer<typeof segmentOut> {
  return {
    no: s.no,
    description: s.description,
    salespersonCode: s.salespersonCode,
    date: s.date,
    campaignNo: s.campaignNo,
    campaignTarget: s.campaignTarget,
    campaignResponse: s.campaignResponse,
    interactionTemplateCode: s.interactionTemplateCode,
    interactionGroupCode: s.interactionGroupCode,
    languageCodeDefault: s.languageCodeDefault,
    subjectDefault: s.subjectDefault,
    correspondenceTypeDefault: s.correspondenceTypeDefault,
    ignoreContactCorrespondenceType: s.ignoreContactCorrespondenceType,
    unitCostLcy: fromCents(s.unitCostCents),
    unitDurationMin: s.unitDurationMin,
    informationFlow: s.informationFlow,
    initiatedBy: s.initiatedBy,
    noOfLines: s.noOfLines,
    costLcy: fromCents(s.costCents),
    durationMin: s.durationMin,
    noOfCriteriaActions: s.noOfCriteriaActions,
  };
}
