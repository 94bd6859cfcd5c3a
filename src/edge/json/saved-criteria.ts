import type { z } from 'zod';
import type { SavedCriteria, SavedCriteriaWithActions } from '../../domain/segment/saved-criteria';
import { criteriaJson } from './segment-criteria';
import type { savedCriteriaDetailOut, savedCriteriaOut } from '../../contract/saved-criteria';

// The domain's saved criteria as the contract shapes it: shared by the HTTP routes and the CLI.

export function toSavedCriteriaJson(c: SavedCriteria): z.infer<typeof savedCriteriaOut> {
  return { code: c.code, description: c.description, userId: c.userId, createdAt: c.createdAt, noOfActions: c.noOfActions };
}

export function toSavedCriteriaDetailJson(c: SavedCriteriaWithActions): z.infer<typeof savedCriteriaDetailOut> {
  return {
    ...toSavedCriteriaJson(c),
    actions: c.actions.map((a) => ({ actionNo: a.actionNo, kind: a.kind, ...criteriaJson(a) })),
  };
}
