import type { Salesperson, SalespersonChanges } from './salesperson';

/** What salespeople need from storage. */
export interface SalespersonStore {
  get(code: string): Promise<Salesperson | null>;
  /** Salespeople after `afterCode` in code order. */
  list(afterCode: string | null, limit: number): Promise<Salesperson[]>;
  insert(salesperson: Salesperson): Promise<void>;
  update(code: string, changes: SalespersonChanges): Promise<void>;
  delete(code: string): Promise<void>;
}
