import type { DocumentType } from '../../contract/common';
import { attachmentReadOnly } from '../attachment/attachment';
import type { Salesperson } from '../salesperson/salesperson';
import { newSalesperson, refuseBlocked } from '../salesperson/salesperson-assignment';
import type { Stores } from '../stores';
import { notFound } from '../shared/errors';
import type { LogEntry, NewLogEntry, Origin } from './interaction-log';
import {
  afterEmailCheck,
  defaultSalesperson,
  draftInteraction,
  languageAttachment,
  type ContactFacts,
  type Draft,
  type InteractionValues,
  type TemplateFacts,
} from './logging';
import { refuse } from './logging.errors';

// The steps every way of logging shares (single interaction, phone call, resume, document), in
// the order of R11: references, privacy, required values, e-mail, delivery; then the writes.

/** Who logs: the signed-in user, whose salesperson is the first default (R9). */
export interface Actor {
  readonly username: string;
  readonly salespersonCode: string | null;
}

export async function mustContact(s: Stores, no: string): Promise<ContactFacts> {
  return (await s.logging.contact(no)) ?? Promise.reject(notFound.contact(no));
}

export async function mustTemplate(s: Stores, code: string): Promise<TemplateFacts> {
  return (await s.logging.template(code)) ?? Promise.reject(notFound.template(code));
}

/** Today and now for a new draft: the guide's time is rounded up to the minute (decision c). */
export interface Moment {
  readonly today: string;
  readonly time: string;
}

/**
 * R9 for single interactions and phone calls with api.md §13.6: the user's salesperson, else the
 * contact's, each only when it exists and is not blocked.
 */
export async function interactionDefaultSalesperson(s: Stores, actor: Actor, contact: ContactFacts): Promise<Salesperson | null> {
  const users = actor.salespersonCode ? await s.salespeople.get(actor.salespersonCode) : null;
  return defaultSalesperson([users, contact.salesperson]);
}

/** A draft whose references passed, with the record of its salesperson for the business rules. */
export interface ReferencedDraft {
  readonly draft: Draft;
  readonly salesperson: Salesperson | null;
}

/**
 * The draft of an interaction with its references checked in the order of R11 step 2:
 * salesperson, language and template language, campaign, opportunity, task. A given salesperson
 * must exist; without one, `byDefault` answers the default (R9).
 */
export async function draftWithReferences(
  s: Stores,
  contact: ContactFacts,
  template: TemplateFacts,
  values: InteractionValues,
  moment: Moment,
  byDefault: () => Promise<Salesperson | null>,
): Promise<ReferencedDraft> {
  const given = values.salespersonCode;
  const salesperson = given === undefined ? await byDefault() : await newSalesperson(s, given, null);
  const language = values.languageCode;
  if (language) {
    if (!(await s.languages.get(language))) throw notFound.language(language);
    if (!template.languages.some((l) => l.languageCode === language)) throw notFound.templateLanguage(template.code, language);
  }
  const draft = draftInteraction(values, template, contact, {
    today: moment.today,
    time: moment.time,
    salespersonCode: salesperson?.code ?? null,
  });
  if (draft.campaignNo !== null && !(await s.logging.campaignExists(draft.campaignNo))) throw notFound.campaign(draft.campaignNo);
  if (draft.opportunityNo !== null && !(await s.logging.opportunityExists(draft.opportunityNo)))
    throw notFound.opportunity(draft.opportunityNo);
  if (draft.taskNo !== null && !(await s.logging.taskExists(draft.taskNo))) throw notFound.task(draft.taskNo);
  return { draft, salesperson };
}

/** An uploaded attachment named by the request (api.md §13.16): it must exist and not be read-only yet. */
export async function checkUploadedAttachment(s: Stores, id: number | null | undefined): Promise<void> {
  if (id === undefined || id === null) return;
  const a = await s.attachments.get(id);
  if (!a) throw notFound.generic();
  if (a.readOnly) throw attachmentReadOnly(id);
}

/**
 * R11 steps 5–7 (and R12 for documents): required values, the e-mail check, delivery.
 * Answers the draft with its correspondence type after the e-mail rule.
 */
export function checkBusinessRules(
  { draft, salesperson }: ReferencedDraft,
  contact: ContactFacts,
  opts: { readonly deliver: boolean; readonly salespersonRequired: boolean },
): Draft {
  if (draft.date === null) throw refuse.dateRequired();
  if (opts.salespersonRequired) {
    if (salesperson === null) throw refuse.salespersonRequired();
    refuseBlocked(salesperson);
  }
  if (draft.description === null) throw refuse.descriptionRequired();
  const correspondenceType = afterEmailCheck(draft.correspondenceType, contact, opts.deliver);
  // decision l: no delivery transport exists in this version; a null type sends nothing
  if (opts.deliver && correspondenceType !== null) throw refuse.deliveryNotAvailable(correspondenceType);
  return { ...draft, correspondenceType };
}

/** The entry's attachment: the uploaded one (now read-only), else a read-only copy of the language row's (R14). */
export async function attachEntry(
  s: Stores,
  uploaded: number | null | undefined,
  template: TemplateFacts,
  languageCode: string | null,
  createdAt: string,
): Promise<number | null> {
  if (uploaded !== undefined && uploaded !== null) {
    await s.attachments.markReadOnly(uploaded);
    return uploaded;
  }
  const source = languageAttachment(template, languageCode);
  return source === null ? null : s.attachments.copyAsReadOnly(source, createdAt);
}

/**
 * R16 with decision a and api.md §13.9: the lowest non-canceled campaign entry of the campaign,
 * no segment and the document type, else a new one described by the slot label or "Interactions".
 */
export async function campaignEntryFor(
  s: Stores,
  draft: Draft,
  userId: string,
  documentType: DocumentType | null,
  label: string,
): Promise<number | null> {
  if (draft.campaignNo === null) return null;
  // one finder at a time per campaign, so that concurrent interactions share one campaign entry
  await s.lock(`campaign-entry:${draft.campaignNo}`);
  const found = await s.logging.openCampaignEntry(draft.campaignNo, documentType);
  if (found !== null) return found;
  return s.logging.insertCampaignEntry({
    campaignNo: draft.campaignNo,
    description: label,
    date: draft.date,
    userId,
    salespersonCode: draft.salespersonCode,
    documentType,
  });
}

/** The stored fields of an entry from its draft and what the system sets (R13). */
export function entryOf(
  draft: Draft,
  meta: {
    readonly userId: string;
    readonly origin: Origin;
    readonly postponed: boolean;
    readonly createdAt: string;
    readonly campaignEntryNo: number | null;
    readonly attachmentId: number | null;
    readonly documentType?: DocumentType | null;
    readonly documentNo?: string | null;
    readonly versionNo?: number;
    readonly docNoOccurrence?: number;
  },
): NewLogEntry {
  return {
    ...draft,
    userId: meta.userId,
    campaignEntryNo: meta.campaignEntryNo,
    segmentNo: null,
    loggedSegmentEntryNo: null,
    canceled: false,
    postponed: meta.postponed,
    deliveryStatus: null,
    documentType: meta.documentType ?? null,
    documentNo: meta.documentNo ?? null,
    versionNo: meta.versionNo ?? 0,
    docNoOccurrence: meta.docNoOccurrence ?? 0,
    attachmentId: meta.attachmentId,
    emailLogged: false,
    createdAt: meta.createdAt,
    origin: meta.origin,
  };
}

/**
 * The entry as just written, without reading it back: every stored field is known, and the names
 * are those of the contact read in the same transaction.
 */
export function writtenEntry(entryNo: number, entry: NewLogEntry, contact: ContactFacts, hasComments: boolean): LogEntry {
  return { ...entry, entryNo, contactName: contact.name, contactCompanyName: contact.companyName, hasComments };
}
