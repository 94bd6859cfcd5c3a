import type { Contact, LogEntry, Template, TemplateLanguage } from '../api/types';

// What the Create Interaction guide collects before Finish sends one POST /interactions
// (decision k), and the rules the guide applies while the user types (R1, R2, decision k).

export interface Draft {
  readonly contactNo: string | null;
  readonly interactionTemplateCode: string | null;
  readonly description: string;
  readonly salespersonCode: string | null;
  readonly languageCode: string | null;
  /** '' = today (the server's date). */
  readonly date: string;
  /** '' = now, rounded up to the minute by the server. */
  readonly timeOfInteraction: string;
  readonly correspondenceType: string | null;
  readonly informationFlow: string | null;
  readonly initiatedBy: string | null;
  readonly campaignNo: string | null;
  readonly campaignTarget: boolean;
  readonly campaignResponse: boolean;
  readonly opportunityNo: string | null;
  readonly taskNo: string | null;
  readonly evaluation: string | null;
  readonly attemptFailed: boolean;
  readonly costLcy: number;
  readonly durationMin: number;
  readonly comments: readonly string[];
  readonly attachmentId: number | null;
}

export const EMPTY_DRAFT: Draft = {
  contactNo: null,
  interactionTemplateCode: null,
  description: '',
  salespersonCode: null,
  languageCode: null,
  date: '',
  timeOfInteraction: '',
  correspondenceType: null,
  informationFlow: null,
  initiatedBy: null,
  campaignNo: null,
  campaignTarget: false,
  campaignResponse: false,
  opportunityNo: null,
  taskNo: null,
  evaluation: null,
  attemptFailed: false,
  costLcy: 0,
  durationMin: 0,
  comments: [],
  attachmentId: null,
};

/** A postponed entry as the guide's starting point; the date becomes today again (R18). */
export function draftFromEntry(e: LogEntry, comments: readonly string[]): Draft {
  return {
    contactNo: e.contactNo,
    interactionTemplateCode: e.interactionTemplateCode,
    description: e.description ?? '',
    salespersonCode: e.salespersonCode,
    languageCode: e.interactionLanguageCode,
    date: '',
    timeOfInteraction: e.timeOfInteraction ?? '',
    correspondenceType: e.correspondenceType,
    informationFlow: e.informationFlow,
    initiatedBy: e.initiatedBy,
    campaignNo: e.campaignNo,
    campaignTarget: e.campaignTarget,
    campaignResponse: e.campaignResponse,
    opportunityNo: e.opportunityNo,
    taskNo: e.taskNo,
    evaluation: e.evaluation,
    attemptFailed: e.attemptFailed,
    costLcy: e.costLcy,
    durationMin: e.durationMin,
    comments,
    attachmentId: null,
  };
}

/**
 * Choosing a template (R1, R2, decision k): its values replace the template-derived fields; its
 * description fills Description when that is empty or when another template was chosen before;
 * the correspondence type becomes the template's default; the language is the contact's when the
 * template has a row for it, else the template's default.
 */
export function applyTemplate(
  d: Draft,
  tpl: Template,
  languages: readonly TemplateLanguage[],
  contact: Contact | null,
  campaignLocked: boolean,
): Draft {
  const switching = d.interactionTemplateCode !== null && d.interactionTemplateCode !== tpl.code;
  const contactLanguage =
    contact?.languageCode && languages.some((l) => l.languageCode === contact.languageCode) ? contact.languageCode : null;
  return {
    ...d,
    interactionTemplateCode: tpl.code,
    description: d.description.trim() === '' || switching ? (tpl.description ?? '') : d.description,
    costLcy: tpl.unitCostLcy,
    durationMin: tpl.unitDurationMin,
    informationFlow: tpl.informationFlow,
    initiatedBy: tpl.initiatedBy,
    campaignTarget: tpl.campaignTarget,
    campaignResponse: tpl.campaignResponse,
    campaignNo: campaignLocked ? d.campaignNo : (tpl.campaignNo ?? (switching ? null : d.campaignNo)),
    correspondenceType: tpl.correspondenceTypeDefault,
    languageCode: contactLanguage ?? tpl.languageCodeDefault,
    attachmentId: null,
  };
}

/** The request Finish sends: every value the guide shows, explicitly; blanks left to the server. */
export function interactionBody(d: Draft, opts: { postponed: boolean; includeComments: boolean }): Record<string, unknown> {
  return {
    ...(d.contactNo && { contactNo: d.contactNo }),
    ...(d.interactionTemplateCode && { interactionTemplateCode: d.interactionTemplateCode }),
    description: d.description.trim() === '' ? null : d.description,
    ...(d.salespersonCode && { salespersonCode: d.salespersonCode }),
    ...(d.languageCode && { languageCode: d.languageCode }),
    ...(d.date && { date: d.date }),
    ...(d.timeOfInteraction && { timeOfInteraction: d.timeOfInteraction.length === 5 ? `${d.timeOfInteraction}:00` : d.timeOfInteraction }),
    correspondenceType: d.correspondenceType,
    informationFlow: d.informationFlow,
    initiatedBy: d.initiatedBy,
    campaignNo: d.campaignNo,
    campaignTarget: d.campaignTarget,
    campaignResponse: d.campaignResponse,
    ...(d.opportunityNo && { opportunityNo: d.opportunityNo }),
    ...(d.taskNo && { taskNo: d.taskNo }),
    evaluation: d.evaluation,
    attemptFailed: d.attemptFailed,
    costLcy: d.costLcy,
    durationMin: d.durationMin,
    ...(opts.includeComments && { comments: d.comments }),
    ...(d.attachmentId !== null && { attachmentId: d.attachmentId }),
    ...(opts.postponed ? { postponed: true } : { deliver: false }),
  };
}

/** The guide step holding a field, so that Finish's errors are shown where they can be fixed. */
export function stepOf(field: string): number {
  if (field === 'attachmentId') return 1;
  if (['campaignNo', 'campaignTarget', 'campaignResponse', 'opportunityNo', 'taskNo'].includes(field)) return 2;
  if (['evaluation', 'attemptFailed', 'costLcy', 'durationMin'].includes(field)) return 3;
  return 0;
}
