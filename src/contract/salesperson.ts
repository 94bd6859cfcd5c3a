import { z } from 'zod';
import { email, requiredCode, requiredText, text } from './common';

export const salespersonOut = z.object({
  code: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phoneNo: z.string().nullable(),
  blocked: z.boolean(),
});
export const createSalespersonBody = z.strictObject({
  code: requiredCode(20),
  name: requiredText(50),
  email: email.nullable().optional(),
  phoneNo: text(30).nullable().optional(),
  blocked: z.boolean().optional(),
});
export const patchSalespersonBody = z.strictObject({
  name: requiredText(50).optional(),
  email: email.nullable().optional(),
  phoneNo: text(30).nullable().optional(),
  blocked: z.boolean().optional(),
});
export const salespersonParams = z.strictObject({ code: requiredCode(20) });
