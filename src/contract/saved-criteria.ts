import { z } from 'zod';
import { instant, requiredCode, text } from './common';
import { criteriaActionOut } from './segment-criteria';

// Saved criteria: a segment's criteria history kept under a code and re-applied to other
// segments (Business Central's "Save Criteria" / "Reuse Criteria").

export const saveCriteriaBody = z.strictObject({ code: requiredCode(20), description: text(100).nullable().optional() });
export const reuseCriteriaBody = z.strictObject({ code: requiredCode(20) });
export const savedCriteriaParams = z.strictObject({ code: requiredCode(20) });

export const savedCriteriaOut = z.object({
  code: z.string(),
  description: z.string().nullable(),
  userId: z.string(),
  createdAt: instant,
  noOfActions: z.number().int(),
});
export const savedCriteriaActionOut = criteriaActionOut.omit({ affected: true, createdAt: true });
export const savedCriteriaDetailOut = savedCriteriaOut.extend({ actions: z.array(savedCriteriaActionOut) });
export const reuseCriteriaOut = z.object({ applied: z.number().int(), noOfLines: z.number().int() });
