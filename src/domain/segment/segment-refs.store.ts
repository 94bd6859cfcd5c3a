import type { ContactFacts, TemplateFacts } from '../interaction-log/logging';
import type { Salesperson } from '../salesperson/salesperson';
import type { SegmentLanguage } from './segment';

/** Records of other modules that segments read. */
export interface SegmentRefsPort {
  /** The template as logging reads it (one vocabulary for both). */
  template(code: string): Promise<TemplateFacts | null>;
  /** The template's language rows as segment language rows (no subject). */
  templateRows(code: string): Promise<SegmentLanguage[]>;
  salesperson(code: string): Promise<Salesperson | null>;
  campaignExists(no: string): Promise<boolean>;
  languageExists(code: string): Promise<boolean>;
  opportunityExists(no: string): Promise<boolean>;
  /** The contact as logging reads it: its privacy flag includes its company's (decision i). */
  contact(no: string): Promise<ContactFacts | null>;
  /** A new, writable copy of an attachment; answers its id. */
  copyAttachment(id: number, createdAt: string): Promise<number>;
  insertAttachment(a: { fileName: string; contentType: string; content: Uint8Array; createdAt: string }): Promise<number>;
  attachmentReadOnly(id: number): Promise<boolean>;
  /** Deletes those of the attachments that are not read-only and that no record uses any more. */
  releaseAttachments(ids: readonly number[]): Promise<void>;
}
