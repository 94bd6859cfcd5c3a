import type { Contact } from '../contact/contact';
import { contactErrors } from '../contact/contact.errors';
import type { InteractionTemplate } from '../interaction-template/interaction-template';
import type { Salesperson } from '../salesperson/salesperson';
import type { CorrespondenceType, Evaluation, InformationFlow, InitiatedBy, LogEntry } from './interaction-log';
import { refuse } from './logging.errors';

// Pure rules of logging one interaction (domain.md §4.1): inheritance from the template (R1),
// description (R2), campaign (R3), correspondence type (R4), e-mail check (R5), language (R6),
// company (R8) and the default salesperson (R9). In every input `undefined` means "omitted, take
// the default" and `null` means "blank" (api.md §1.2).

type Opt<T> = T | undefined;

/**
 * The contact as logging sees it: `privacyBlocked` includes its company's flag (decision i), and
 * `salesperson` is the record of its salesperson (null when it has none or that one was deleted).
 */
export type ContactFacts = Pick<
  Contact,
  | 'no'
  | 'name'
  | 'companyNo'
  | 'companyName'
  | 'email'
  | 'phoneNo'
  | 'mobilePhoneNo'
  | 'languageCode'
  | 'correspondenceType'
  | 'salespersonCode'
  | 'privacyBlocked'
> & { readonly salesperson: Salesperson | null };

export interface TemplateLanguageFacts {
  readonly languageCode: string;
  readonly attachmentId: number | null;
}

/** A template with its language rows (in language code order). */
export type TemplateFacts = Omit<InteractionTemplate, 'wizardAction' | 'attachmentId'> & {
  readonly languages: readonly TemplateLanguageFacts[];
};

/** The values of one interaction a request may give (api.md §6.1), money in cents. */
export interface InteractionValues {
  readonly description?: Opt<string | null>;
  readonly subject?: Opt<string | null>;
  readonly date?: Opt<string | null>;
  readonly timeOfInteraction?: Opt<string | null>;
  readonly salespersonCode?: Opt<string | null>;
  readonly languageCode?: Opt<string | null>;
  readonly correspondenceType?: Opt<CorrespondenceType | null>;
  readonly informationFlow?: Opt<InformationFlow | null>;
  readonly initiatedBy?: Opt<InitiatedBy | null>;
  readonly campaignNo?: Opt<string | null>;
  readonly campaignTarget?: Opt<boolean>;
  readonly campaignResponse?: Opt<boolean>;
  readonly opportunityNo?: Opt<string | null>;
  readonly taskNo?: Opt<string | null>;
  readonly costCents?: Opt<number>;
  readonly durationMin?: Opt<number>;
  readonly evaluation?: Opt<Evaluation | null>;
  readonly attemptFailed?: Opt<boolean>;
  readonly contactVia?: Opt<string | null>;
}

/** The resolved values of an entry before the checks of R11. */
export type Draft = Pick<
  LogEntry,
  | 'contactCompanyNo'
  | 'date'
  | 'timeOfInteraction'
  | 'description'
  | 'subject'
  | 'informationFlow'
  | 'initiatedBy'
  | 'interactionLanguageCode'
  | 'costCents'
  | 'durationMin'
  | 'salespersonCode'
  | 'campaignNo'
  | 'campaignTarget'
  | 'campaignResponse'
  | 'evaluation'
  | 'attemptFailed'
  | 'correspondenceType'
  | 'contactVia'
  | 'opportunityNo'
  | 'taskNo'
> & { readonly contactNo: string; readonly interactionGroupCode: string; readonly interactionTemplateCode: string };

const given = <T>(value: Opt<T>, fallback: T): T => (value === undefined ? fallback : value);

/** R4: first match of request, template (when it ignores the contact's or the contact has none), contact. */
export function correspondenceTypeFor(
  value: Opt<CorrespondenceType | null>,
  template: TemplateFacts,
  contact: ContactFacts,
): CorrespondenceType | null {
  if (value !== undefined) return value;
  return templateOrContactType(template, contact.correspondenceType);
}

/** R4 after a given value, for interactions and segment lines alike: the template's default when it ignores the contact's type or the contact has none, else the contact's. */
export function templateOrContactType(
  template: Pick<TemplateFacts, 'ignoreContactCorrespondenceType' | 'correspondenceTypeDefault'>,
  contactType: CorrespondenceType | null,
): CorrespondenceType | null {
  if (template.ignoreContactCorrespondenceType || (contactType === null && template.correspondenceTypeDefault !== null))
    return template.correspondenceTypeDefault;
  return contactType;
}

/** R6: the given language, else the contact's when the template has a row for it, else the template's default. */
export function languageFor(value: Opt<string | null>, template: TemplateFacts, contact: ContactFacts): string | null {
  if (value !== undefined) return value;
  if (contact.languageCode !== null && template.languages.some((l) => l.languageCode === contact.languageCode)) return contact.languageCode;
  return template.languageCodeDefault;
}

/** The attachment of the template language row chosen by R6 (R14), or null. */
export function languageAttachment(template: TemplateFacts, languageCode: string | null): number | null {
  if (languageCode === null) return null;
  return template.languages.find((l) => l.languageCode === languageCode)?.attachmentId ?? null;
}

/**
 * R9 with api.md §13.6: the first default (the user's, then the contact's salesperson) that exists
 * and is not blocked; a blocked or missing default is skipped; none left → null.
 */
export function defaultSalesperson(candidates: readonly (Salesperson | null)[]): Salesperson | null {
  return candidates.find((sp) => sp !== null && !sp.blocked) ?? null;
}

/** Privacy (R10, decision i): the contact or its company is blocked. */
export function checkPrivacy(contact: ContactFacts): void {
  if (contact.privacyBlocked) throw contactErrors.privacyBlocked(contact.no, contact.name);
}

/**
 * R5 at log time: an e-mail type for a contact without e-mail silently becomes null, unless the
 * interaction is to be delivered, which is then refused.
 */
export function afterEmailCheck(type: CorrespondenceType | null, contact: ContactFacts, deliver: boolean): CorrespondenceType | null {
  if (type !== 'email' || contact.email !== null) return type;
  if (deliver) throw refuse.emailRequired(contact.no);
  return null;
}

/**
 * R1–R4, R6, R8, R13 for a single interaction: every value the request does not give is derived
 * from the template, the contact and today/now; the salesperson default is resolved by the caller.
 */
export function draftInteraction(
  values: InteractionValues,
  template: TemplateFacts,
  contact: ContactFacts,
  defaults: { readonly today: string; readonly time: string; readonly salespersonCode: string | null },
): Draft {
  const description = given(values.description, template.description);
  return {
    contactNo: contact.no,
    contactCompanyNo: contact.companyNo,
    date: given(values.date, defaults.today),
    timeOfInteraction: given(values.timeOfInteraction, defaults.time),
    description,
    // as BC's guide does at finish: the subject is the description unless given
    subject: given(values.subject, description),
    informationFlow: given(values.informationFlow, template.informationFlow),
    initiatedBy: given(values.initiatedBy, template.initiatedBy),
    interactionGroupCode: template.interactionGroupCode,
    interactionTemplateCode: template.code,
    interactionLanguageCode: languageFor(values.languageCode, template, contact),
    costCents: given(values.costCents, template.unitCostCents),
    durationMin: given(values.durationMin, template.unitDurationMin),
    salespersonCode: given(values.salespersonCode, defaults.salespersonCode),
    campaignNo: given(values.campaignNo, template.campaignNo),
    campaignTarget: given(values.campaignTarget, template.campaignTarget),
    campaignResponse: given(values.campaignResponse, template.campaignResponse),
    evaluation: given(values.evaluation, null),
    attemptFailed: given(values.attemptFailed, false),
    correspondenceType: correspondenceTypeFor(values.correspondenceType, template, contact),
    contactVia: given(values.contactVia, null),
    opportunityNo: given(values.opportunityNo, null),
    taskNo: given(values.taskNo, null),
  };
}

/** The values a template supplies (R1–R4, R6): a resumed entry derives them anew when its template changes. */
export const TEMPLATE_DERIVED = [
  'description',
  'subject',
  'informationFlow',
  'initiatedBy',
  'languageCode',
  'costCents',
  'durationMin',
  'campaignNo',
  'campaignTarget',
  'campaignResponse',
  'correspondenceType',
] as const satisfies readonly (keyof InteractionValues)[];

/** R18 and api.md §13.10: the stored values a resume starts from, as if the request had given them. */
export function resumeStartingValues(
  e: LogEntry,
  input: Pick<InteractionValues, 'description' | 'subject'>,
  templateChanged: boolean,
): InteractionValues {
  const stored: Record<string, unknown> = {
    description: e.description,
    subject: e.subject,
    timeOfInteraction: e.timeOfInteraction,
    informationFlow: e.informationFlow,
    initiatedBy: e.initiatedBy,
    languageCode: e.interactionLanguageCode,
    costCents: e.costCents,
    durationMin: e.durationMin,
    campaignNo: e.campaignNo,
    campaignTarget: e.campaignTarget,
    campaignResponse: e.campaignResponse,
    correspondenceType: e.correspondenceType,
    opportunityNo: e.opportunityNo,
    taskNo: e.taskNo,
    evaluation: e.evaluation,
    attemptFailed: e.attemptFailed,
    contactVia: e.contactVia,
    // the date becomes today unless given; a blank salesperson takes the default of api.md §6.1
    ...(e.salespersonCode !== null && { salespersonCode: e.salespersonCode }),
  };
  if (templateChanged) for (const key of TEMPLATE_DERIVED) delete stored[key];
  // api.md §13.10: a changed description carries the subject with it unless a subject is given too
  if (input.description !== undefined && input.description !== e.description && input.subject === undefined) delete stored['subject'];
  return stored as InteractionValues;
}

/** The number a phone call dials (R38): the given one, else the contact's phone, else its mobile phone. */
export function numberToCall(value: Opt<string | null>, contact: ContactFacts): string | null {
  if (value !== undefined) return value;
  return contact.phoneNo ?? contact.mobilePhoneNo;
}
