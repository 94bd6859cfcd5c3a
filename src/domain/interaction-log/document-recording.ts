import type { DocumentType } from '../../contract/common';
import type { Stores } from '../stores';
import type { Clock } from '../shared/clock';
import { slotLabel, slotOfDocumentType } from '../template-setup/template-setup';
import type { LogEntry } from './interaction-log';
import { checkPrivacy } from './logging';
import { refuse } from './logging.errors';
import {
  campaignEntryFor,
  checkBusinessRules,
  draftWithReferences,
  entryOf,
  mustTemplate,
  writtenEntry,
  type Actor,
} from './logging-steps';

type Opt<T> = T | undefined;

/** A document sent, printed or posted by another system (api.md §8). */
export interface DocumentEvent {
  readonly documentType: DocumentType;
  readonly documentNo?: Opt<string | null>;
  readonly contactNo?: Opt<string | null>;
  readonly customerNo?: Opt<string | null>;
  readonly vendorNo?: Opt<string | null>;
  readonly salespersonCode?: Opt<string | null>;
  readonly campaignNo?: Opt<string | null>;
  readonly description?: Opt<string | null>;
  readonly opportunityNo?: Opt<string | null>;
  readonly versionNo?: Opt<number>;
  readonly docNoOccurrence?: Opt<number>;
}

export type DocumentResult =
  | { readonly logged: false; readonly reason: 'no_template_for_document_type' | 'no_contact_found' }
  | { readonly logged: true; readonly entry: LogEntry };

async function findContact(s: Stores, e: DocumentEvent) {
  const no =
    e.contactNo ??
    (e.customerNo ? await s.logging.contactNoByLink('customerNo', e.customerNo) : null) ??
    (e.vendorNo ? await s.logging.contactNoByLink('vendorNo', e.vendorNo) : null);
  return no === null ? null : s.logging.contact(no);
}

/**
 * R37: records a document as an interaction with the template of its setup slot. An empty slot or
 * an unknown contact logs nothing and is not an error; no salesperson is required and a blocked
 * one is accepted (R12); date and time are now, to the second (decision c).
 */
export async function recordDocument(s: Stores, clock: Clock, actor: Actor, e: DocumentEvent): Promise<DocumentResult> {
  const slot = slotOfDocumentType(e.documentType);
  const code = await s.logging.slotTemplate(slot);
  if (code === null) return { logged: false, reason: 'no_template_for_document_type' };
  const template = await mustTemplate(s, code);
  const first = template.languages[0];
  if (first) throw refuse.templateHasLanguages(template.code, first.languageCode);
  const contact = await findContact(s, e);
  if (!contact) return { logged: false, reason: 'no_contact_found' };

  const referenced = await draftWithReferences(
    s,
    contact,
    template,
    {
      salespersonCode: e.salespersonCode,
      languageCode: null,
      description: e.description,
      campaignNo: e.campaignNo,
      opportunityNo: e.opportunityNo,
    },
    { today: clock.today(), time: clock.timeNow() },
    // R9 for documents: the document's salesperson, else the contact's (blocked or not), else none
    async () => contact.salesperson,
  );
  checkPrivacy(contact);
  const checked = checkBusinessRules(referenced, contact, { deliver: false, salespersonRequired: false });
  const createdAt = clock.now().toISOString();
  const campaignEntryNo = await campaignEntryFor(s, checked, actor.username, e.documentType, slotLabel(slot));
  const entry = entryOf(checked, {
    userId: actor.username,
    origin: 'document',
    postponed: false,
    createdAt,
    campaignEntryNo,
    attachmentId: null,
    documentType: e.documentType,
    documentNo: e.documentNo ?? null,
    versionNo: e.versionNo ?? 0,
    docNoOccurrence: e.docNoOccurrence ?? 0,
  });
  const entryNo = await s.logging.insertEntry(entry, []);
  return { logged: true, entry: writtenEntry(entryNo, entry, contact, false) };
}
