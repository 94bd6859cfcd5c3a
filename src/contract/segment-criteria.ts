import { z } from 'zod';
import { code, contactType, date, evaluation, instant, requiredCode, text } from './common';
import { nullable, ranges } from './segment-fields';

// Criteria: add, reduce and refine contacts, and the criteria history (api.md §9).

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
  .transform(({ contactFilter: c = {}, interactionFilter: i = {}, options: o = {} }) => ({
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
