import { toQuery } from './client';
import type { Contact } from './types';

// The one place the UI says which entries belong to a contact. As BC: a company's entries are those
// with its contactCompanyNo — its own and its persons' (domain.md §6.8) — a person's those with its
// contactNo.

type ContactRef = Pick<Contact, 'no' | 'type'>;

/** The log filter that shows a contact's entries. */
export function entriesFilterOf(c: ContactRef): { contactCompanyNo: string } | { contactNo: string } {
  return c.type === 'company' ? { contactCompanyNo: c.no } : { contactNo: c.no };
}

/** The Interaction Log Entries page showing a contact's entries, with further filters. */
export function entriesPageOf(c: ContactRef, more: Readonly<Record<string, string | null>> = {}): string {
  return `/entries${toQuery({ ...entriesFilterOf(c), ...more })}`;
}

/** The company a contact belongs to: a person's company, or the company itself. */
export function companyNoOf(c: Pick<Contact, 'no' | 'companyNo'> | null): string | null {
  return c ? (c.companyNo ?? c.no) : null;
}
