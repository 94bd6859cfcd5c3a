import { z } from 'zod';
import { requiredCode, requiredText } from './common';

export const languageOut = z.object({ code: z.string(), name: z.string() });
export const createLanguageBody = z.strictObject({ code: requiredCode(10), name: requiredText(50) });
export const patchLanguageBody = z.strictObject({ name: requiredText(50).optional() });
export const languageParams = z.strictObject({ code: requiredCode(10) });
