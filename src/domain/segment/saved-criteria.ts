import type { Criteria, CriteriaKind } from './criteria';

/** A named copy of a segment's criteria actions (Business Central's "Save Criteria"). */
export interface SavedCriteria {
  readonly code: string;
  readonly description: string | null;
  readonly userId: string;
  readonly createdAt: string;
  readonly noOfActions: number;
}

/** One saved action: what a criteria action did, numbered 1..n in the order it was applied. */
export interface SavedCriteriaAction extends Criteria {
  readonly actionNo: number;
  readonly kind: CriteriaKind;
}

export interface SavedCriteriaWithActions extends SavedCriteria {
  readonly actions: readonly SavedCriteriaAction[];
}
