import { z } from 'zod';
import type { SavedCriteria, SavedCriteriaWithActions } from '../domain/segment/saved-criteria';
import { instant, requiredCode, text } from './common';
import { criteriaActionOut, criteriaJson } from './segment-criteria';

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

export function toSavedCriteriaJson(c: SavedCriteria): z.infer<typeof savedCriteriaOut> {
  return { code: c.code, description: c.description, userId: c.userId, createdAt: c.createdAt, noOfActions: c.noOfActions };
}

export function toSavedCriteriaDetailJson(c: SavedCriteriaWithActions): z.infer<typeof savedCriteriaDetailOut> {
  return {
    ...toSavedCriteriaJson(c),
    actions: c.actions.map((a) => ({ actionNo: a.actionNo, kind: a.kind, ...criteriaJson(a) })),
  };
}
