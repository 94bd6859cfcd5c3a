/** A salesperson (domain.md §3.2). */
export interface Salesperson {
  readonly code: string;
  readonly name: string;
  readonly email: string | null;
  readonly phoneNo: string | null;
  readonly blocked: boolean;
}
