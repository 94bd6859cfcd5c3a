export interface StoredResponse {
  readonly fingerprint: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string | null;
}

/** Stored first responses per (user, key) (decision o). */
export interface IdempotencyStore {
  find(username: string, key: string): Promise<StoredResponse | null>;
  /** Stores a response unless one is stored already (a concurrent winner keeps its response). */
  save(username: string, key: string, response: StoredResponse, createdAt: string): Promise<void>;
  purgeBefore(createdAt: string): Promise<number>;
}
