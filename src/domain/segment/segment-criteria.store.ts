import type { Criteria, CriteriaAction } from './criteria';

/** The criteria history of a segment and the line changes its actions make (R43–R45). */
export interface CriteriaPort {
  criteriaActions(no: string): Promise<CriteriaAction[]>;
  lastCriteriaAction(no: string): Promise<CriteriaAction | null>;
  insertCriteriaAction(no: string, a: CriteriaAction): Promise<void>;
  /** Records the lines numbered from `fromLineNo` as added by the action. */
  recordAdded(no: string, actionNo: number, fromLineNo: number): Promise<void>;
  /**
   * Deletes the lines whose contact matches (or, with `keepMatching`, does not match), recording
   * them; answers the count and the attachment ids of their own rows.
   */
  removeLines(no: string, actionNo: number, criteria: Criteria, keepMatching: boolean): Promise<{ count: number; attachmentIds: number[] }>;
  /** Deletes the lines the action added that are still there; answers the attachment ids of their own rows. */
  undoAdded(no: string, actionNo: number): Promise<number[]>;
  deleteCriteriaAction(no: string, actionNo: number): Promise<void>;
}
