import { z } from 'zod';
import {
  code,
  correspondenceType,
  duration,
  informationFlow,
  initiatedBy,
  listQuery,
  money,
  requiredCode,
  text,
  wizardAction,
} from './common';
import { readOnly } from './read-only';

export const templateOut = z.object({
  code: z.string(),
  interactionGroupCode: z.string(),
  description: z.string().nullable(),
  unitCostLcy: z.number(),
  unitDurationMin: z.number().int(),
  informationFlow: informationFlow.nullable(),
  initiatedBy: initiatedBy.nullable(),
  campaignNo: z.string().nullable(),
  campaignTarget: z.boolean(),
  campaignResponse: z.boolean(),
  correspondenceTypeDefault: correspondenceType.nullable(),
  ignoreContactCorrespondenceType: z.boolean(),
  languageCodeDefault: z.string().nullable(),
  wizardAction: wizardAction.nullable(),
  attachmentId: z.number().int().nullable(),
});
export type TemplateJson = z.infer<typeof templateOut>;

/** The changeable fields; in a create body an omitted field takes its default (api.md §4.4). */
const fields = {
  description: text(100).nullable(),
  unitCostLcy: money,
  unitDurationMin: duration,
  informationFlow: informationFlow.nullable(),
  initiatedBy: initiatedBy.nullable(),
  campaignNo: code(20).nullable(),
  campaignTarget: z.boolean(),
  campaignResponse: z.boolean(),
  correspondenceTypeDefault: correspondenceType.nullable(),
  ignoreContactCorrespondenceType: z.boolean(),
  languageCodeDefault: code(10).nullable(),
  wizardAction: wizardAction.nullable(),
};

export const createTemplateBody = z.strictObject({
  code: requiredCode(10),
  interactionGroupCode: requiredCode(10),
  description: fields.description.default(null),
  unitCostLcy: fields.unitCostLcy.default(0),
  unitDurationMin: fields.unitDurationMin.default(0),
  informationFlow: fields.informationFlow.default(null),
  initiatedBy: fields.initiatedBy.default(null),
  campaignNo: fields.campaignNo.default(null),
  campaignTarget: fields.campaignTarget.default(false),
  campaignResponse: fields.campaignResponse.default(false),
  correspondenceTypeDefault: fields.correspondenceTypeDefault.default('email'),
  ignoreContactCorrespondenceType: fields.ignoreContactCorrespondenceType.default(false),
  languageCodeDefault: fields.languageCodeDefault.default(null),
  wizardAction: fields.wizardAction.default(null),
  attachmentId: readOnly(),
});

export const patchTemplateBody = z.strictObject({
  code: readOnly('is the key and cannot be changed'),
  interactionGroupCode: requiredCode(10).optional(),
  description: fields.description.optional(),
  unitCostLcy: fields.unitCostLcy.optional(),
  unitDurationMin: fields.unitDurationMin.optional(),
  informationFlow: fields.informationFlow.optional(),
  initiatedBy: fields.initiatedBy.optional(),
  campaignNo: fields.campaignNo.optional(),
  campaignTarget: fields.campaignTarget.optional(),
  campaignResponse: fields.campaignResponse.optional(),
  correspondenceTypeDefault: fields.correspondenceTypeDefault.optional(),
  ignoreContactCorrespondenceType: fields.ignoreContactCorrespondenceType.optional(),
  languageCodeDefault: fields.languageCodeDefault.optional(),
  wizardAction: fields.wizardAction.optional(),
  attachmentId: readOnly(),
});

export const templateParams = z.strictObject({ code: requiredCode(10) });
export const templateListQuery = z.strictObject({ interactionGroupCode: code(10).optional(), ...listQuery });

export const templateLanguageOut = z.object({
  languageCode: z.string(),
  description: z.string().nullable(),
  attachmentId: z.number().int().nullable(),
});

export const createTemplateLanguageBody = z.strictObject({
  languageCode: requiredCode(10),
  description: text(100).nullable().optional(),
  attachmentId: readOnly(),
});
export const patchTemplateLanguageBody = z.strictObject({
  languageCode: readOnly('is the key and cannot be changed'),
  description: text(100).nullable().optional(),
  attachmentId: readOnly(),
});
export const templateLanguageParams = z.strictObject({ code: requiredCode(10), languageCode: requiredCode(10) });
