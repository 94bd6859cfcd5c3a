import type { Attachment, NewFile } from './attachment';

/** What attachments need from storage. Content lives in the database on both dialects. */
export interface AttachmentStore {
  get(id: number): Promise<Attachment | null>;
  /** The metadata with the bytes, or null. */
  getContent(id: number): Promise<(Attachment & { readonly content: Uint8Array }) | null>;
  insert(file: NewFile & { readonly readOnly: boolean; readonly createdAt: string }): Promise<Attachment>;
  /** Inserts a read-only copy of an attachment (for an entry that must own its file); answers the new id. */
  copyAsReadOnly(id: number, createdAt?: string): Promise<number>;
  /** Marks an attachment read-only (an entry uses it from now on). */
  markReadOnly(id: number): Promise<void>;
  /** Whether any entry, template language, segment line or segment language row refers to it. */
  isUsed(id: number): Promise<boolean>;
  /** Deletes those of the ids that are neither read-only nor used by any record; answers how many. */
  deleteIfUnused(ids: readonly number[]): Promise<number>;
  /**
   * Deletes those of the ids that no record uses any more, read-only ones included: the
   * attachments released by deleted entries (R27, R51); answers how many.
   */
  deleteReleased(ids: readonly number[]): Promise<number>;
  /** Deletes every attachment that is not read-only, is used by nothing and was created before the instant. */
  purgeUnused(createdBefore: string): Promise<number>;
}
