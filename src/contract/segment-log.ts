import { z } from 'zod';
import { correspondenceType, queryBool } from './common';

// Previewing and logging a segment (api.md §9).

export const previewQuery = z.strictObject({ sendAttachments: queryBool.optional() });
export const previewOut = z.object({
  noOfEntries: z.number().int(),
  byTemplate: z.array(
    z.object({
      interactionTemplateCode: z.string().nullable(),
      noOfEntries: z.number().int(),
      costLcy: z.number(),
      durationMin: z.number().int(),
    }),
  ),
  byLanguage: z.array(z.object({ languageCode: z.string().nullable(), noOfEntries: z.number().int() })),
  byCorrespondenceType: z.array(z.object({ correspondenceType: correspondenceType.nullable(), noOfEntries: z.number().int() })),
  costLcy: z.number(),
  durationMin: z.number().int(),
  skipped: z.array(z.object({ lineNo: z.number().int(), contactNo: z.string(), reason: z.literal('contact_privacy_blocked') })),
  refused: z.array(z.object({ lineNo: z.number().int(), contactNo: z.string(), code: z.string(), message: z.string() })),
});

export const logBody = z.strictObject({ sendAttachments: z.boolean().optional(), createFollowUpSegment: z.boolean().optional() });
export const logQuery = z.strictObject({ async: queryBool.optional() });
export const logOut = z.object({
  loggedSegmentEntryNo: z.number().int(),
  noOfInteractions: z.number().int(),
  followUpSegmentNo: z.string().nullable(),
});
export const jobAcceptedOut = z.object({ jobId: z.string() });
