export interface StoredResponse {
  readonly fingerprint: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string | null;
}

/** What a claim attempt found: the key is now ours, another request holds it, or its answer is stored. */
export type ClaimResult =
  | { readonly state: 'claimed' }
  | { readonly state: 'in_progress'; readonly fingerprint: string }
  | { readonly state: 'done'; readonly response: StoredResponse };

/**
 * Idempotency keys per (user, key) (decision o). A key is claimed by a row before its request
 * runs, so that every process sharing the database sees it.
 */
export interface IdempotencyStore {
  /**
   * Inserts an `in_progress` row for the key unless one exists; an `in_progress` row claimed
   * before `staleBefore` (its process died) is taken over.
   */
  claim(username: string, key: string, fingerprint: string, claim: string, now: string, staleBefore: string): Promise<ClaimResult>;
  /** Stores the claimant's response; false when the claim is no longer its own. */
  complete(username: string, key: string, claim: string, response: StoredResponse): Promise<boolean>;
  /** Deletes the claimant's `in_progress` row so that the key may be used again. */
  release(username: string, key: string, claim: string): Promise<void>;
  purgeBefore(createdAt: string): Promise<number>;
}
