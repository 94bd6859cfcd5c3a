import type { CorrespondenceType } from '../interaction-log/interaction-log';
import { templateOrContactType, type ContactFacts, type TemplateFacts } from '../interaction-log/logging';
import type { LineValues, SegmentHeader, SegmentLanguage } from './segment';

/** R4 steps 2–5 for a segment line; step 1 is a value the user sets on the line. */
export function lineCorrespondence(
  header: Pick<SegmentHeader, 'ignoreContactCorrespondenceType' | 'correspondenceTypeDefault'>,
  template: Pick<TemplateFacts, 'ignoreContactCorrespondenceType' | 'correspondenceTypeDefault'> | null,
  contactType: CorrespondenceType | null,
): CorrespondenceType | null {
  if (header.ignoreContactCorrespondenceType && header.correspondenceTypeDefault !== null) return header.correspondenceTypeDefault;
  return template ? templateOrContactType(template, contactType) : contactType;
}

/** Language, subject and attachment a line takes from a language row. */
export type LanguageChoice = Pick<LineValues, 'languageCode' | 'subject' | 'attachmentId' | 'attachmentSource'>;

/**
 * R7 for a line on the segment's template without rows of its own: the contact's language when
 * a segment-level row exists for it, else the segment's default language (its subject being the
 * segment's default subject when it has no row).
 */
export function inheritedLanguage(
  header: Pick<SegmentHeader, 'languageCodeDefault' | 'subjectDefault'>,
  segmentRows: readonly SegmentLanguage[],
  contactLanguage: string | null,
): LanguageChoice {
  const row =
    (contactLanguage !== null ? segmentRows.find((r) => r.languageCode === contactLanguage) : undefined) ??
    segmentRows.find((r) => r.languageCode === header.languageCodeDefault);
  if (!row) return { languageCode: header.languageCodeDefault, subject: header.subjectDefault, attachmentId: null, attachmentSource: null };
  return {
    languageCode: row.languageCode,
    subject: row.subject,
    attachmentId: row.attachmentId,
    attachmentSource: row.attachmentId !== null ? 'inherited' : null,
  };
}

/**
 * R7 for a line with its own template or rows: the contact's language when the line has a row
 * for it, else the template's default language when it has a row, else its lowest row.
 */
export function ownLanguage(
  ownRows: readonly SegmentLanguage[],
  contactLanguage: string | null,
  templateDefault: string | null,
): LanguageChoice {
  const sorted = [...ownRows].sort((a, b) => (a.languageCode < b.languageCode ? -1 : 1));
  const row = sorted.find((r) => r.languageCode === contactLanguage) ?? sorted.find((r) => r.languageCode === templateDefault) ?? sorted[0];
  if (!row) return { languageCode: null, subject: null, attachmentId: null, attachmentSource: null };
  return {
    languageCode: row.languageCode,
    subject: row.subject,
    attachmentId: row.attachmentId,
    attachmentSource: row.attachmentId !== null ? 'unique' : null,
  };
}

/** The values a line that keeps its contact, salesperson, date and evaluation gets from the header (R40, R41). */
export function headerTemplateValues(
  header: SegmentHeader,
  template: TemplateFacts | null,
  segmentRows: readonly SegmentLanguage[],
  contact: ContactFacts,
): Omit<
  LineValues,
  'contactNo' | 'salespersonCode' | 'date' | 'evaluation' | 'timeOfInteraction' | 'attemptFailed' | 'contactVia' | 'opportunityNo'
> {
  return {
    contactCompanyNo: contact.companyNo,
    // as BC: a header without description gives the lines its template's description
    description: header.description ?? template?.description ?? null,
    interactionTemplateCode: header.interactionTemplateCode,
    interactionGroupCode: template?.interactionGroupCode ?? header.interactionGroupCode,
    costCents: header.unitCostCents,
    durationMin: header.unitDurationMin,
    informationFlow: header.informationFlow,
    initiatedBy: header.initiatedBy,
    campaignNo: header.campaignNo,
    campaignTarget: header.campaignTarget,
    campaignResponse: header.campaignResponse,
    correspondenceType: lineCorrespondence(header, template, contact.correspondenceType),
    ...inheritedLanguage(header, segmentRows, contact.languageCode),
  };
}

/**
 * R9 for segment lines after the segment's own salesperson: the contact's, unless it is blocked
 * (api.md §13.6). SQL home of the set-based twin: `resolvedSalesperson` (docs/decisions/0012).
 */
export function contactSalesperson(contact: Pick<ContactFacts, 'salespersonCode' | 'salesperson'>): string | null {
  return contact.salesperson?.blocked ? null : contact.salespersonCode;
}

/** R41: a line that gets a contact is reset from the header, then takes company, salesperson, R4 and R7. */
export function lineFromHeader(
  header: SegmentHeader,
  template: TemplateFacts | null,
  segmentRows: readonly SegmentLanguage[],
  contact: ContactFacts,
): LineValues {
  return {
    contactNo: contact.no,
    ...headerTemplateValues(header, template, segmentRows, contact),
    salespersonCode: header.salespersonCode ?? contactSalesperson(contact),
    date: header.date,
    timeOfInteraction: null,
    evaluation: null,
    attemptFailed: false,
    contactVia: null,
    opportunityNo: null,
  };
}

/**
 * R41 personalisation with a template other than the segment's: R1 from that template (the
 * campaign by R3: the segment's, else the template's); language, subject and attachment come
 * from the line's own rows, copies of the template's.
 */
export function lineWithOwnTemplate(
  line: LineValues,
  header: SegmentHeader,
  template: TemplateFacts,
  ownRows: readonly SegmentLanguage[],
  contact: Pick<ContactFacts, 'languageCode' | 'correspondenceType'>,
): LineValues {
  return {
    ...line,
    description: header.description ?? template.description,
    interactionTemplateCode: template.code,
    interactionGroupCode: template.interactionGroupCode,
    costCents: template.unitCostCents,
    durationMin: template.unitDurationMin,
    informationFlow: template.informationFlow,
    initiatedBy: template.initiatedBy,
    campaignNo: header.campaignNo ?? template.campaignNo,
    campaignTarget: template.campaignTarget,
    campaignResponse: template.campaignResponse,
    correspondenceType: lineCorrespondence(header, template, contact.correspondenceType),
    ...ownLanguage(ownRows, contact.languageCode, template.languageCodeDefault),
  };
}

/** A line without template: the template-derived values are cleared. */
export function lineWithoutTemplate(line: LineValues): LineValues {
  return {
    ...line,
    interactionTemplateCode: null,
    interactionGroupCode: null,
    languageCode: null,
    subject: null,
    attachmentId: null,
    attachmentSource: null,
  };
}

/** Line values a set of lines takes from the header, as a table the store applies set-based. */
export interface BulkResolution {
  readonly values: Omit<
    LineValues,
    | 'contactNo'
    | 'contactCompanyNo'
    | 'salespersonCode'
    | 'timeOfInteraction'
    | 'evaluation'
    | 'attemptFailed'
    | 'contactVia'
    | 'opportunityNo'
    | 'correspondenceType'
    | keyof LanguageChoice
  >;
  /** The header's salesperson; null → each contact's usable salesperson (R9). */
  readonly salespersonCode: string | null;
  /** R7 by the contact's language: a choice per segment-level row, `otherLanguage` for the rest. */
  readonly byContactLanguage: readonly (readonly [string, LanguageChoice])[];
  readonly otherLanguage: LanguageChoice;
  /** R4 by the contact's correspondence type. */
  readonly byContactCorrespondence: {
    readonly none: CorrespondenceType | null;
    readonly hard_copy: CorrespondenceType | null;
    readonly email: CorrespondenceType | null;
  };
}

/** The R41 resolution of every contact against one header, computed once by the same rules as one line. */
export function bulkResolution(
  header: SegmentHeader,
  template: TemplateFacts | null,
  segmentRows: readonly SegmentLanguage[],
): BulkResolution {
  const probe = (languageCode: string | null, correspondenceType: CorrespondenceType | null): LineValues =>
    lineFromHeader(header, template, segmentRows, {
      no: '',
      name: '',
      companyNo: null,
      companyName: null,
      email: null,
      phoneNo: null,
      mobilePhoneNo: null,
      languageCode,
      correspondenceType,
      salespersonCode: null,
      salesperson: null,
      privacyBlocked: false,
    });
  const base = probe(null, null);
  const choice = (v: LineValues): LanguageChoice => ({
    languageCode: v.languageCode,
    subject: v.subject,
    attachmentId: v.attachmentId,
    attachmentSource: v.attachmentSource,
  });
  return {
    values: {
      description: base.description,
      date: base.date,
      interactionTemplateCode: base.interactionTemplateCode,
      interactionGroupCode: base.interactionGroupCode,
      informationFlow: base.informationFlow,
      initiatedBy: base.initiatedBy,
      campaignNo: base.campaignNo,
      campaignTarget: base.campaignTarget,
      campaignResponse: base.campaignResponse,
      costCents: base.costCents,
      durationMin: base.durationMin,
    },
    salespersonCode: header.salespersonCode,
    byContactLanguage: segmentRows.map((r) => [r.languageCode, choice(probe(r.languageCode, null))] as const),
    otherLanguage: choice(base),
    byContactCorrespondence: {
      none: base.correspondenceType,
      hard_copy: probe(null, 'hard_copy').correspondenceType,
      email: probe(null, 'email').correspondenceType,
    },
  };
}
