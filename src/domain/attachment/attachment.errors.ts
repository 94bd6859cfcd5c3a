/** The refusals of the attachment rules (domain.md §7). */
export type AttachmentErrorCode = 'attachment_read_only' | 'attachment_too_large';
