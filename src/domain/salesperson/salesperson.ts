import { DomainError, fail } from '../shared/errors';

/** A salesperson (domain.md §3.2). */
export interface Salesperson {
  readonly code: string;
  readonly name: string;
  readonly email: string | null;
  readonly phoneNo: string | null;
  readonly blocked: boolean;
}

/** The fields a PATCH may change; `null` clears a nullable one. */
export interface SalespersonChanges {
  readonly name?: string | undefined;
  readonly email?: string | null | undefined;
  readonly phoneNo?: string | null | undefined;
  readonly blocked?: boolean | undefined;
}

/** A blocked salesperson cannot be put on a new interaction, segment, line, contact or campaign (domain.md §3.2). */
export function salespersonBlocked(code: string): DomainError {
  return fail('salesperson_blocked', code);
}
