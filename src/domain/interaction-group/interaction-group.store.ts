import type { InteractionGroup } from './interaction-group';

/** What interaction groups need from storage. */
export interface InteractionGroupStore {
  get(code: string): Promise<InteractionGroup | null>;
  /** Groups after `afterCode` in code order. */
  list(afterCode: string | null, limit: number): Promise<InteractionGroup[]>;
  insert(group: InteractionGroup): Promise<void>;
  update(code: string, changes: { readonly description?: string | null | undefined }): Promise<void>;
  delete(code: string): Promise<void>;
  /** Whether any interaction template or log entry (postponed included) names the group. */
  isInUse(code: string): Promise<boolean>;
}
