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

/** What saved criteria need from storage. */
export interface SavedCriteriaStore {
  get(code: string): Promise<SavedCriteria | null>;
  /** Saved criteria after `afterCode` in code order. */
  list(afterCode: string | null, limit: number): Promise<SavedCriteria[]>;
  /** The actions of saved criteria by `actionNo`. */
  actions(code: string): Promise<SavedCriteriaAction[]>;
  insert(saved: Omit<SavedCriteria, 'noOfActions'>, actions: readonly SavedCriteriaAction[]): Promise<void>;
  /** Deletes saved criteria with their actions. */
  delete(code: string): Promise<void>;
}
