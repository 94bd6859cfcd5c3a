/**
 * The port through which services reach storage: `transaction` runs `fn` atomically (all or
 * nothing, decision n); `read` runs it without a write transaction.
 */
export interface UnitOfWork<S> {
  transaction<T>(fn: (stores: S) => Promise<T>): Promise<T>;
  read<T>(fn: (stores: S) => Promise<T>): Promise<T>;
}

/** Keyset page of a list. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}
