import { fail, invalid } from '../shared/errors';

/** The codes the contact rules own (domain.md §7); their sentences are in shared/error-catalogue.ts. */
export type ContactErrorCode =
  'contact_not_found' | 'contact_in_use' | 'contact_type_change_blocked' | 'contact_company_change_blocked' | 'contact_privacy_blocked';

/** The refusals of the contact rules. */
export const contactErrors = {
  inUse: (no: string, reason: string) => fail('contact_in_use', no, reason),
  typeChangeBlocked: (no: string) => fail('contact_type_change_blocked', no),
  companyChangeBlocked: (no: string) => fail('contact_company_change_blocked', no),
  privacyBlocked: (no: string, name: string) => fail('contact_privacy_blocked', no, name),
  companyNotOwnNo: () => invalid([{ path: 'companyNo', message: 'of a company must be its own no (omit it or send null)' }]),
  companyIsPerson: (no: string) => invalid([{ path: 'companyNo', message: `must be a company contact; ${no} is a person` }]),
};
