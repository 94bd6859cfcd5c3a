import { DomainError, fail, failWith } from '../shared/errors';

/** An attachment's metadata (domain.md §3.10); the content is read separately. */
export interface Attachment {
  readonly id: number;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly readOnly: boolean;
  readonly createdAt: string;
}

/** A file as it arrives: its name, media type and bytes. */
export interface NewFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
/** Free uploads (the guide's Import step) that nothing uses are kept this long (api.md §13.16). */
export const UNUSED_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

export function attachmentTooLarge(): DomainError {
  return failWith('attachment_too_large', { maxBytes: MAX_ATTACHMENT_BYTES }, MAX_ATTACHMENT_BYTES);
}

export function attachmentReadOnly(id: number): DomainError {
  return fail('attachment_read_only', id);
}
