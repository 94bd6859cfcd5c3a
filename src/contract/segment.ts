import { z } from 'zod';
import type { Criteria, CriteriaAction } from '../domain/segment/criteria';
import type { LogPreview } from '../domain/segment/segment-log';
import type { LineInput, LoggedSegment, Segment, SegmentLine } from '../domain/segment/segment';
import type { SegmentInput } from '../domain/segment/header-rules';
import {
  code,
  contactType,
  correspondenceType,
  date,
  duration,
  evaluation,
  fromCents,
  informationFlow,
  initiatedBy,
  instant,
  listQuery,
  money,
  queryBool,
  rangeOk,
  requiredCode,
  requiredText,
  text,
  time,
} from './common';

// Segments, their lines, criteria, language rows, logging and logged segments (api.md §9, §10).

const nullable = <T extends z.ZodType>(t: T) => t.nullable().optional();

/** A `from` after its `to` is refused on the `from` field (api.md §1.2). */
function ranges<T extends Record<string, unknown>>(pairs: readonly (readonly [keyof T & string, keyof T & string])[]) {
  return (v: T, ctx: z.RefinementCtx) => {
    for (const [from, to] of pairs)
      if (!rangeOk(v[from], v[to])) ctx.addIssue({ code: 'custom', path: [from], message: `must not be after ${to}` });
  };
}

// ---- header ----

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

// ---- lines ----

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

/** A line body in the system's units (cents). */
export function lineInput(body: z.output<typeof patchLineBody>): LineInput {
  const { costLcy, ...rest } = body;
  return { ...rest, ...(costLcy !== undefined && { costCents: costLcy }) };
}

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

export function toLineJson(l: SegmentLine): z.infer<typeof lineOut> {
  return {
    lineNo: l.lineNo,
    contactNo: l.contactNo,
    contactName: l.contactName,
    contactCompanyNo: l.contactCompanyNo,
    contactCompanyName: l.contactCompanyName,
    contactEmail: l.contactEmail,
    contactPhoneNo: l.contactPhoneNo,
    description: l.description,
    subject: l.subject,
    date: l.date,
    timeOfInteraction: l.timeOfInteraction,
    salespersonCode: l.salespersonCode,
    interactionTemplateCode: l.interactionTemplateCode,
    interactionGroupCode: l.interactionGroupCode,
    languageCode: l.languageCode,
    correspondenceType: l.correspondenceType,
    informationFlow: l.informationFlow,
    initiatedBy: l.initiatedBy,
    campaignNo: l.campaignNo,
    campaignTarget: l.campaignTarget,
    campaignResponse: l.campaignResponse,
    costLcy: fromCents(l.costCents),
    durationMin: l.durationMin,
    evaluation: l.evaluation,
    attemptFailed: l.attemptFailed,
    contactVia: l.contactVia,
    opportunityNo: l.opportunityNo,
    attachmentId: l.attachmentId,
    attachmentSource: l.attachmentSource,
  };
}

// ---- criteria ----

const codeList = z.array(requiredCode(10)).max(1000).optional();

const contactFilter = z.strictObject({
  type: nullable(contactType),
  companyNo: nullable(code(20)),
  salespersonCode: nullable(code(20)),
  languageCode: nullable(code(10)),
  countryCode: nullable(code(10)),
  territoryCode: nullable(code(10)),
  postCodeFrom: nullable(text(20)),
  postCodeTo: nullable(text(20)),
  industryGroupCodes: codeList,
  businessRelationCodes: codeList,
  mailingGroupCodes: codeList,
  q: nullable(text(100)),
});

const interactionFilter = z.strictObject({
  interactionTemplateCode: nullable(code(10)),
  interactionGroupCode: nullable(code(10)),
  dateFrom: nullable(date),
  dateTo: nullable(date),
  evaluation: nullable(evaluation),
  campaignNo: nullable(code(20)),
  salespersonCode: nullable(code(20)),
  canceled: nullable(z.boolean()),
});

const options = z.strictObject({
  allowExistingContacts: z.boolean().optional(),
  expandCompanies: z.boolean().optional(),
  allowRelatedCompanies: z.boolean().optional(),
  ignoreExclusion: z.boolean().optional(),
});

/** Criteria with every member filled in (absent = does not filter). */
export const criteriaBody = z
  .strictObject({
    contactFilter: contactFilter.superRefine(ranges([['postCodeFrom', 'postCodeTo']])).optional(),
    interactionFilter: interactionFilter.superRefine(ranges([['dateFrom', 'dateTo']])).optional(),
    options: options.optional(),
  })
  .transform(({ contactFilter: c = {}, interactionFilter: i = {}, options: o = {} }): Criteria => ({
    contactFilter: {
      type: c.type ?? null,
      companyNo: c.companyNo ?? null,
      salespersonCode: c.salespersonCode ?? null,
      languageCode: c.languageCode ?? null,
      countryCode: c.countryCode ?? null,
      territoryCode: c.territoryCode ?? null,
      postCodeFrom: c.postCodeFrom ?? null,
      postCodeTo: c.postCodeTo ?? null,
      industryGroupCodes: [...new Set(c.industryGroupCodes ?? [])].sort(),
      businessRelationCodes: [...new Set(c.businessRelationCodes ?? [])].sort(),
      mailingGroupCodes: [...new Set(c.mailingGroupCodes ?? [])].sort(),
      q: c.q ?? null,
    },
    interactionFilter: {
      interactionTemplateCode: i.interactionTemplateCode ?? null,
      interactionGroupCode: i.interactionGroupCode ?? null,
      dateFrom: i.dateFrom ?? null,
      dateTo: i.dateTo ?? null,
      evaluation: i.evaluation ?? null,
      campaignNo: i.campaignNo ?? null,
      salespersonCode: i.salespersonCode ?? null,
      canceled: i.canceled ?? null,
    },
    options: {
      allowExistingContacts: o.allowExistingContacts ?? false,
      expandCompanies: o.expandCompanies ?? false,
      allowRelatedCompanies: o.allowRelatedCompanies ?? false,
      ignoreExclusion: o.ignoreExclusion ?? false,
    },
  }));

export const addedOut = z.object({ added: z.number().int(), noOfLines: z.number().int() });
export const removedOut = z.object({ removed: z.number().int(), noOfLines: z.number().int() });
export const keptOut = z.object({ kept: z.number().int(), noOfLines: z.number().int() });
export const goBackOut = z.object({ undoneActionNo: z.number().int().nullable(), noOfLines: z.number().int() });

export const criteriaActionOut = z.object({
  actionNo: z.number().int(),
  kind: z.enum(['add', 'reduce', 'refine']),
  contactFilter: z.object({
    type: contactType.nullable(),
    companyNo: z.string().nullable(),
    salespersonCode: z.string().nullable(),
    languageCode: z.string().nullable(),
    countryCode: z.string().nullable(),
    territoryCode: z.string().nullable(),
    postCodeFrom: z.string().nullable(),
    postCodeTo: z.string().nullable(),
    industryGroupCodes: z.array(z.string()),
    businessRelationCodes: z.array(z.string()),
    mailingGroupCodes: z.array(z.string()),
    q: z.string().nullable(),
  }),
  interactionFilter: z.object({
    interactionTemplateCode: z.string().nullable(),
    interactionGroupCode: z.string().nullable(),
    dateFrom: z.string().nullable(),
    dateTo: z.string().nullable(),
    evaluation: evaluation.nullable(),
    campaignNo: z.string().nullable(),
    salespersonCode: z.string().nullable(),
    canceled: z.boolean().nullable(),
  }),
  options: z.object({
    allowExistingContacts: z.boolean(),
    expandCompanies: z.boolean(),
    allowRelatedCompanies: z.boolean(),
    ignoreExclusion: z.boolean(),
  }),
  affected: z.number().int(),
  createdAt: instant,
});

/** A criteria action's filters and options as the API shows them (mutable arrays for the schema). */
export function criteriaJson(a: Pick<CriteriaAction, 'contactFilter' | 'interactionFilter' | 'options'>) {
  return {
    contactFilter: {
      ...a.contactFilter,
      industryGroupCodes: [...a.contactFilter.industryGroupCodes],
      businessRelationCodes: [...a.contactFilter.businessRelationCodes],
      mailingGroupCodes: [...a.contactFilter.mailingGroupCodes],
    },
    interactionFilter: a.interactionFilter,
    options: a.options,
  };
}

export function toCriteriaActionJson(a: CriteriaAction): z.infer<typeof criteriaActionOut> {
  return {
    actionNo: a.actionNo,
    kind: a.kind,
    ...criteriaJson(a),
    affected: a.affected,
    createdAt: a.createdAt,
  };
}

// ---- segment language rows ----

export const segmentLanguageParams = z.strictObject({ no: requiredCode(20), languageCode: requiredCode(10) });
export const createSegmentLanguageBody = z.strictObject({
  languageCode: requiredCode(10),
  description: nullable(text(100)),
  subject: nullable(text(100)),
});
export const patchSegmentLanguageBody = z.strictObject({ description: nullable(text(100)), subject: nullable(text(100)) });
export const attachmentQuery = z.strictObject({ fileName: requiredText(250) });
export const segmentLanguageOut = z.object({
  languageCode: z.string(),
  description: z.string().nullable(),
  subject: z.string().nullable(),
  attachmentId: z.number().int().nullable(),
});

// ---- preview and log ----

export const previewQuery = z.strictObject({ sendAttachments: queryBool.optional() });
export const previewOut = z.object({
  noOfEntries: z.number().int(),
  byTemplate: z.array(
    z.object({
      interactionTemplateCode: z.string().nullable(),
      noOfEntries: z.number().int(),
      costLcy: z.number(),
      durationMin: z.number().int(),
    }),
  ),
  byLanguage: z.array(z.object({ languageCode: z.string().nullable(), noOfEntries: z.number().int() })),
  byCorrespondenceType: z.array(z.object({ correspondenceType: correspondenceType.nullable(), noOfEntries: z.number().int() })),
  costLcy: z.number(),
  durationMin: z.number().int(),
  skipped: z.array(z.object({ lineNo: z.number().int(), contactNo: z.string(), reason: z.literal('contact_privacy_blocked') })),
  refused: z.array(z.object({ lineNo: z.number().int(), contactNo: z.string(), code: z.string(), message: z.string() })),
});

export function toPreviewJson(p: LogPreview): z.infer<typeof previewOut> {
  return {
    noOfEntries: p.noOfEntries,
    byTemplate: p.byTemplate.map((t) => ({
      interactionTemplateCode: t.interactionTemplateCode,
      noOfEntries: t.noOfEntries,
      costLcy: fromCents(t.costCents),
      durationMin: t.durationMin,
    })),
    byLanguage: p.byLanguage.map((l) => ({ languageCode: l.languageCode, noOfEntries: l.noOfEntries })),
    byCorrespondenceType: p.byCorrespondenceType.map((c) => ({
      correspondenceType: c.correspondenceType as z.infer<typeof correspondenceType> | null,
      noOfEntries: c.noOfEntries,
    })),
    costLcy: fromCents(p.costCents),
    durationMin: p.durationMin,
    skipped: p.skipped.map((s) => ({ ...s })),
    refused: p.refused.map((r) => ({ ...r })),
  };
}

export const logBody = z.strictObject({ sendAttachments: z.boolean().optional(), createFollowUpSegment: z.boolean().optional() });
export const logQuery = z.strictObject({ async: queryBool.optional() });
export const logOut = z.object({
  loggedSegmentEntryNo: z.number().int(),
  noOfInteractions: z.number().int(),
  followUpSegmentNo: z.string().nullable(),
});
export const jobAcceptedOut = z.object({ jobId: z.string() });

// ---- logged segments ----

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
