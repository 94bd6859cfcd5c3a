import { z } from 'zod';
import { instant, queryInt, requiredText } from './common';

export const attachmentOut = z.object({
  id: z.number().int(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  readOnly: z.boolean(),
  createdAt: instant,
});

export const attachmentParams = z.strictObject({ id: queryInt.pipe(z.number().min(1, 'must be a positive integer')) });

/** The original file name: Text250, without control characters (it travels in a header on download). */
const isControl = (c: string) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f;
export const fileName = requiredText(250).refine((s) => ![...s].some(isControl), 'must not contain control characters');
export const uploadQuery = z.strictObject({ fileName });

/** A media type as sent in Content-Type (Text100); none → application/octet-stream. */
export const contentType = z
  .string()
  .trim()
  .max(100, 'must have at most 100 characters')
  .regex(/^[\w.+-]+\/[\w.+-]+(\s*;.*)?$/, 'must be a media type such as application/pdf');
