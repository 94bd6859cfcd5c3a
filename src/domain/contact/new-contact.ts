import { duplicate, notFound } from '../shared/errors';
import { salespersonBlocked } from '../salesperson/salesperson';
import type { CompanyDefaults, ContactDraft, ContactRef } from './contact';
import { contactErrors } from './contact.errors';
import type { ContactStore } from './contact.store';

/** How the create rules look records up: one at a time, or from a prefetched batch (import). */
export interface ContactLookups {
  contact(no: string): Promise<ContactRef | null>;
  salesperson(code: string): Promise<{ readonly blocked: boolean } | null>;
  languageExists(code: string): Promise<boolean>;
}

/** Lookups straight from the store, one record each. */
export function storeLookups(store: ContactStore): ContactLookups {
  return {
    contact: async (no) => (await store.refs([no])).get(no) ?? null,
    salesperson: async (code) => (await store.salespeople([code])).get(code) ?? null,
    languageExists: async (code) => (await store.languages([code])).has(code),
  };
}

/**
 * Checks a create request in the order of api.md §2.1 — input (400), references (404: company,
 * salesperson, language), conflicts (409: the number), business rules (422: blocked
 * salesperson) — and answers the company values a new person inherits (R61), or null.
 */
export async function checkNewContact(d: ContactDraft, look: ContactLookups): Promise<CompanyDefaults | null> {
  const type = d.type ?? 'company';
  if (type === 'company' && d.companyNo != null && d.companyNo !== d.no) throw contactErrors.companyNotOwnNo();
  let company: ContactRef | null = null;
  if (type === 'person' && d.companyNo != null) {
    if (d.companyNo === d.no) throw contactErrors.companyIsPerson(d.companyNo);
    company = await look.contact(d.companyNo);
    if (!company) throw notFound.contact(d.companyNo);
    if (company.type !== 'company') throw contactErrors.companyIsPerson(d.companyNo);
  }
  let salesperson: { readonly blocked: boolean } | null = null;
  if (d.salespersonCode != null) {
    salesperson = await look.salesperson(d.salespersonCode);
    if (!salesperson) throw notFound.salesperson(d.salespersonCode);
  }
  if (d.languageCode != null && !(await look.languageExists(d.languageCode))) throw notFound.language(d.languageCode);
  if (d.no != null && (await look.contact(d.no))) throw duplicate('Contact', d.no);
  if (d.salespersonCode != null && salesperson?.blocked) throw salespersonBlocked(d.salespersonCode);
  if (!company) return null;
  // as settled (api.md §13.6): a blocked salesperson is never taken by default
  return company.salespersonBlocked ? { ...company.defaults, salespersonCode: null } : company.defaults;
}
