import type { Salesperson } from './salesperson';

/** What salespeople need from storage. */
export interface SalespersonStore {
  get(code: string): Promise<Salesperson | null>;
}
