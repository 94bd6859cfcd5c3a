import type { z } from 'zod';
import type { Attachment } from '../../domain/attachment/attachment';
import type { attachmentOut } from '../../contract/attachment';

// The domain's attachment as the contract shapes it: shared by the HTTP routes and the CLI.

export function toAttachmentJson(a: Attachment): z.infer<typeof attachmentOut> {
  return { id: a.id, fileName: a.fileName, contentType: a.contentType, size: a.size, readOnly: a.readOnly, createdAt: a.createdAt };
}
