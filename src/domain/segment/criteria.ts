import type { Evaluation } from '../interaction-log/interaction-log';

/** Contact criteria of a criteria action (R43); null or an empty list does not filter. */
export interface ContactFilter {
  readonly type: 'company' | 'person' | null;
  readonly companyNo: string | null;
  readonly salespersonCode: string | null;
  readonly languageCode: string | null;
  readonly countryCode: string | null;
  readonly territoryCode: string | null;
  readonly postCodeFrom: string | null;
  readonly postCodeTo: string | null;
  readonly industryGroupCodes: readonly string[];
  readonly businessRelationCodes: readonly string[];
  readonly mailingGroupCodes: readonly string[];
  readonly q: string | null;
}

/** Interaction criteria: met by a contact with at least one non-postponed entry matching all of them. */
export interface InteractionFilter {
  readonly interactionTemplateCode: string | null;
  readonly interactionGroupCode: string | null;
  readonly dateFrom: string | null;
  readonly dateTo: string | null;
  readonly evaluation: Evaluation | null;
  readonly campaignNo: string | null;
  readonly salespersonCode: string | null;
  readonly canceled: boolean | null;
}

export interface CriteriaOptions {
  readonly allowExistingContacts: boolean;
  readonly expandCompanies: boolean;
  readonly allowRelatedCompanies: boolean;
  readonly ignoreExclusion: boolean;
}

export type CriteriaKind = 'add' | 'reduce' | 'refine';

export interface Criteria {
  readonly contactFilter: ContactFilter;
  readonly interactionFilter: InteractionFilter;
  readonly options: CriteriaOptions;
}

/** A recorded criteria action (domain.md §3.15). */
export interface CriteriaAction extends Criteria {
  readonly actionNo: number;
  readonly kind: CriteriaKind;
  readonly affected: number;
  readonly createdAt: string;
}

export const NO_CONTACT_FILTER: ContactFilter = {
  type: null,
  companyNo: null,
  salespersonCode: null,
  languageCode: null,
  countryCode: null,
  territoryCode: null,
  postCodeFrom: null,
  postCodeTo: null,
  industryGroupCodes: [],
  businessRelationCodes: [],
  mailingGroupCodes: [],
  q: null,
};

export const NO_INTERACTION_FILTER: InteractionFilter = {
  interactionTemplateCode: null,
  interactionGroupCode: null,
  dateFrom: null,
  dateTo: null,
  evaluation: null,
  campaignNo: null,
  salespersonCode: null,
  canceled: null,
};

export const DEFAULT_OPTIONS: CriteriaOptions = {
  allowExistingContacts: false,
  expandCompanies: false,
  allowRelatedCompanies: false,
  ignoreExclusion: false,
};

/** As BC: an interaction filter filters only when at least one of its criteria is set. */
export function hasInteractionCriterion(f: InteractionFilter): boolean {
  return Object.values(f).some((v) => v !== null);
}
