import { CONTACT_TYPES, CORRESPONDENCE_TYPES, EVALUATIONS, INFORMATION_FLOWS, INITIATED_BY } from '../../api/enums';
import type { FieldSpec } from '../../components/fields';

/** The segment card's groups (domain.md §6.6). */
export const SEGMENT_GENERAL: readonly FieldSpec[] = [
  { name: 'no', kind: 'code', max: 20, key: true },
  { name: 'description', kind: 'text', max: 100 },
  { name: 'salespersonCode', kind: 'lookup', lookup: 'salespeople' },
  { name: 'date', kind: 'date' },
];
export const SEGMENT_INTERACTION: readonly FieldSpec[] = [
  { name: 'interactionTemplateCode', kind: 'lookup', lookup: 'templates' },
  { name: 'languageCodeDefault', kind: 'lookup', lookup: 'languages' },
  { name: 'subjectDefault', kind: 'text', max: 100 },
  { name: 'ignoreContactCorrespondenceType', kind: 'bool' },
  { name: 'correspondenceTypeDefault', kind: 'enum', values: CORRESPONDENCE_TYPES, enumName: 'correspondenceType' },
  { name: 'informationFlow', kind: 'enum', values: INFORMATION_FLOWS, enumName: 'informationFlow' },
  { name: 'initiatedBy', kind: 'enum', values: INITIATED_BY, enumName: 'initiatedBy' },
  { name: 'unitCostLcy', kind: 'money' },
  { name: 'unitDurationMin', kind: 'int' },
];
export const SEGMENT_CAMPAIGN: readonly FieldSpec[] = [
  { name: 'campaignNo', kind: 'lookup', lookup: 'campaigns' },
  { name: 'campaignTarget', kind: 'bool' },
  { name: 'campaignResponse', kind: 'bool' },
];
export const SEGMENT_FIELDS: readonly FieldSpec[] = [...SEGMENT_GENERAL, ...SEGMENT_INTERACTION, ...SEGMENT_CAMPAIGN];

export const SEGMENT_LINE_COLUMNS: readonly FieldSpec[] = [
  { name: 'lineNo', kind: 'int' },
  { name: 'contactNo', kind: 'code' },
  { name: 'contactName', kind: 'text' },
  { name: 'contactCompanyName', kind: 'text' },
  { name: 'correspondenceType', kind: 'enum', values: CORRESPONDENCE_TYPES, enumName: 'correspondenceType' },
  { name: 'description', kind: 'text' },
  { name: 'salespersonCode', kind: 'code' },
  { name: 'interactionTemplateCode', kind: 'code' },
  { name: 'languageCode', kind: 'code' },
  { name: 'subject', kind: 'text' },
  { name: 'evaluation', kind: 'enum', values: EVALUATIONS, enumName: 'evaluation' },
  { name: 'costLcy', kind: 'money' },
  { name: 'durationMin', kind: 'int' },
  { name: 'attachmentSource', kind: 'enum', values: ['inherited', 'unique'], enumName: 'attachmentSource' },
  { name: 'contactPhoneNo', kind: 'text' },
  { name: 'contactEmail', kind: 'text' },
  { name: 'date', kind: 'date' },
  { name: 'campaignNo', kind: 'code' },
  { name: 'informationFlow', kind: 'enum', values: INFORMATION_FLOWS, enumName: 'informationFlow' },
  { name: 'initiatedBy', kind: 'enum', values: INITIATED_BY, enumName: 'initiatedBy' },
];
export const OPTIONAL_LINE_COLUMNS = ['lineNo', 'date', 'campaignNo', 'informationFlow', 'initiatedBy'];

/** The criteria of add / reduce / refine contacts (api.md §9.3). */
export const CONTACT_CRITERIA: readonly FieldSpec[] = [
  { name: 'type', kind: 'enum', values: CONTACT_TYPES, enumName: 'contactType' },
  { name: 'companyNo', kind: 'company' },
  { name: 'salespersonCode', kind: 'lookup', lookup: 'salespeople' },
  { name: 'languageCode', kind: 'lookup', lookup: 'languages' },
  { name: 'countryCode', kind: 'code', max: 10 },
  { name: 'territoryCode', kind: 'code', max: 10 },
  { name: 'postCodeFrom', kind: 'text', max: 20 },
  { name: 'postCodeTo', kind: 'text', max: 20 },
  { name: 'industryGroupCodes', kind: 'codes' },
  { name: 'businessRelationCodes', kind: 'codes' },
  { name: 'mailingGroupCodes', kind: 'codes' },
  { name: 'q', kind: 'text', max: 100 },
];
export const INTERACTION_CRITERIA: readonly FieldSpec[] = [
  { name: 'interactionTemplateCode', kind: 'lookup', lookup: 'templates' },
  { name: 'interactionGroupCode', kind: 'lookup', lookup: 'groups' },
  { name: 'dateFrom', kind: 'date' },
  { name: 'dateTo', kind: 'date' },
  { name: 'evaluation', kind: 'enum', values: EVALUATIONS, enumName: 'evaluation' },
  { name: 'campaignNo', kind: 'lookup', lookup: 'campaigns' },
  { name: 'salespersonCode', kind: 'lookup', lookup: 'salespeople' },
  { name: 'canceled', kind: 'enum', values: ['true', 'false'], enumName: 'yesNo' },
];
export const CRITERIA_OPTIONS = ['allowExistingContacts', 'expandCompanies', 'allowRelatedCompanies', 'ignoreExclusion'] as const;
