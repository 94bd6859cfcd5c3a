import { z } from 'zod';
import { requiredCode, text } from './common';

export const interactionGroupOut = z.object({ code: z.string(), description: z.string().nullable() });
export const createInteractionGroupBody = z.strictObject({
  code: requiredCode(10),
  description: text(100).nullable().optional(),
});
export const patchInteractionGroupBody = z.strictObject({ description: text(100).nullable().optional() });
export const interactionGroupParams = z.strictObject({ code: requiredCode(10) });
