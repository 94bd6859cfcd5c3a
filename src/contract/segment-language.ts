import { z } from 'zod';
import { requiredCode, requiredText, text } from './common';
import { nullable } from './segment-fields';

// A segment's language rows and their attachments (api.md §9).

export const segmentLanguageParams = z.strictObject({ no: requiredCode(20), languageCode: requiredCode(10) });
export const createSegmentLanguageBody = z.strictObject({
  languageCode: requiredCode(10),
  description: nullable(text(100)),
  subject: nullable(text(100)),
});
export const patchSegmentLanguageBody = z.strictObject({ description: nullable(text(100)), subject: nullable(text(100)) });
export const attachmentQuery = z.strictObject({ fileName: requiredText(250) });
export const segmentLanguageOut = z.object({
  languageCode: z.string(),
  description: z.string().nullable(),
  subject: z.string().nullable(),
  attachmentId: z.number().int().nullable(),
});
