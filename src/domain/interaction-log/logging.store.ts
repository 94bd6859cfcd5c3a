import type { DocumentType } from '../../contract/common';
import type { TemplateSetupSlot } from '../template-setup/template-setup';
import type { LogEntry, NewLogEntry } from './interaction-log';
import type { ContactFacts, TemplateFacts } from './logging';

export interface CommentLine {
  readonly lineNo: number;
  readonly date: string;
  readonly comment: string;
}

export interface NewCampaignEntry {
  readonly campaignNo: string;
  readonly description: string;
  readonly date: string | null;
  readonly userId: string;
  readonly salespersonCode: string | null;
  readonly documentType: DocumentType | null;
}

export type PostponedSort = 'entryNo' | '-entryNo' | 'date' | '-date';

export interface PostponedFilter {
  readonly contactNo?: string | undefined;
  readonly contactCompanyNo?: string | undefined;
  readonly salespersonCode?: string | undefined;
}

/** What logging needs from storage: the set-up records it reads and the entries it writes. */
export interface LoggingStore {
  contact(no: string): Promise<ContactFacts | null>;
  /** The lowest-numbered contact linked to a customer or vendor of another system (R37). */
  contactNoByLink(link: 'customerNo' | 'vendorNo', no: string): Promise<string | null>;
  template(code: string): Promise<TemplateFacts | null>;
  /** The template code of a setup slot; a missing row is an empty slot. */
  slotTemplate(slot: TemplateSetupSlot): Promise<string | null>;
  campaignExists(no: string): Promise<boolean>;
  opportunityExists(no: string): Promise<boolean>;
  taskExists(no: string): Promise<boolean>;

  attachment(id: number): Promise<{ readonly id: number; readonly readOnly: boolean } | null>;
  /** A read-only copy of an attachment (R14); answers the new id. */
  copyAttachment(id: number, createdAt: string): Promise<number>;
  markReadOnly(id: number): Promise<void>;
  /** Deletes an attachment that no entry, template language, segment language or segment line uses. */
  deleteAttachmentIfUnused(id: number): Promise<void>;

  /** The lowest non-canceled campaign entry of a single interaction (no segment) with this document type (R16, decision a). */
  openCampaignEntry(campaignNo: string, documentType: DocumentType | null): Promise<number | null>;
  insertCampaignEntry(entry: NewCampaignEntry): Promise<number>;

  insertEntry(entry: NewLogEntry): Promise<number>;
  /** Overwrites every stored field of an entry (resume keeps entryNo and createdAt itself). */
  updateEntry(entryNo: number, entry: NewLogEntry): Promise<void>;
  /** Replaces the comment lines of an entry and its hasComments flag. */
  replaceComments(entryNo: number, comments: readonly { readonly date: string; readonly comment: string }[]): Promise<void>;
  entry(entryNo: number): Promise<LogEntry | null>;
  /** Postponed entries after the keyset `after` (the sort key of the previous page's last row). */
  listPostponed(
    filter: PostponedFilter,
    sort: PostponedSort,
    after: readonly (string | number | null)[] | null,
    limit: number,
  ): Promise<LogEntry[]>;
  comments(entryNo: number, afterLineNo: number | null, limit: number): Promise<CommentLine[]>;
  /** Deletes an entry with its comment lines. */
  deleteEntry(entryNo: number): Promise<void>;
}
