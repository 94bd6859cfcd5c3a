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

/** A comment line to store: numbered 10000, 20000, … in the given order (R15). */
export interface NewComment {
  readonly date: string;
  readonly comment: string;
}

/**
 * What logging needs from storage: the set-up records it reads and the entries it writes. Each
 * read answers what one request needs in one statement (POST /interactions is the hot path).
 */
export interface LoggingStore {
  /** The contact with its company's name and privacy flag and its salesperson's record. */
  contact(no: string): Promise<ContactFacts | null>;
  /** The lowest-numbered contact linked to a customer or vendor of another system (R37). */
  contactNoByLink(link: 'customerNo' | 'vendorNo', no: string): Promise<string | null>;
  /** The template with its language rows. */
  template(code: string): Promise<TemplateFacts | null>;
  /** The template code of a setup slot; a missing row is an empty slot. */
  slotTemplate(slot: TemplateSetupSlot): Promise<string | null>;
  campaignExists(no: string): Promise<boolean>;
  opportunityExists(no: string): Promise<boolean>;
  taskExists(no: string): Promise<boolean>;

  /** The lowest non-canceled campaign entry of a single interaction (no segment) with this document type (R16, decision a). */
  openCampaignEntry(campaignNo: string, documentType: DocumentType | null): Promise<number | null>;
  insertCampaignEntry(entry: NewCampaignEntry): Promise<number>;

  /** Inserts an entry with its comment lines; answers its number. */
  insertEntry(entry: NewLogEntry, comments: readonly NewComment[]): Promise<number>;
  /**
   * Overwrites every stored field of an entry (resume keeps entryNo and createdAt itself); given
   * comments replace the stored lines, `undefined` keeps them.
   */
  updateEntry(entryNo: number, entry: NewLogEntry, comments: readonly NewComment[] | undefined): Promise<void>;
  entry(entryNo: number): Promise<LogEntry | null>;
  comments(entryNo: number, afterLineNo: number | null, limit: number): Promise<CommentLine[]>;
  /** Deletes an entry with its comment lines. */
  deleteEntry(entryNo: number): Promise<void>;
}
