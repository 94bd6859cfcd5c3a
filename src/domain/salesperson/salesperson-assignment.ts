import { notFound } from '../shared/errors';
import type { Stores } from '../stores';
import { salespersonBlocked, type Salesperson } from './salesperson';

/**
 * The salesperson a request newly puts on a record (a contact, a campaign), or null. The code the
 * record already has is no new assignment: stored values stay, even a salesperson blocked since
 * (domain.md §3.2). A new one must exist: a reference, answered with the other 404s.
 */
export async function newSalesperson(s: Stores, given: string | null | undefined, stored: string | null): Promise<Salesperson | null> {
  if (given === null || given === undefined || given === stored) return null;
  return (await s.salespeople.get(given)) ?? Promise.reject(notFound.salesperson(given));
}

/** A newly assigned salesperson must not be blocked: a business rule, checked after the conflicts (api.md §2.1). */
export function refuseBlocked(salesperson: Salesperson | null): void {
  if (salesperson?.blocked) throw salespersonBlocked(salesperson.code);
}
