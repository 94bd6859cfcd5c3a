import type { SavedCriteria, SavedCriteriaAction } from './saved-criteria';

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
