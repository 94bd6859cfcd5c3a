import { DomainError, invalid } from '../shared/errors';

/** The refusals of the contact rules (domain.md §7). */
export const contactErrors = {
  inUse: (no: string, reason: string) => new DomainError('contact_in_use', `You cannot delete contact ${no} because ${reason}.`),
  typeChangeBlocked: (no: string) =>
    new DomainError(
      'contact_type_change_blocked',
      `The type of contact ${no} cannot be changed because interaction log entries or persons are linked to it.`,
    ),
  companyChangeBlocked: (no: string) =>
    new DomainError(
      'contact_company_change_blocked',
      `You cannot change the company of contact ${no} because one or more unlogged segments are assigned to the contact.`,
    ),
  privacyBlocked: (no: string, name: string) =>
    new DomainError('contact_privacy_blocked', `You cannot use contact ${no} ${name} because they are marked as blocked due to privacy.`),
  companyNotOwnNo: () => invalid([{ path: 'companyNo', message: 'of a company must be its own no (omit it or send null)' }]),
  companyIsPerson: (no: string) => invalid([{ path: 'companyNo', message: `must be a company contact; ${no} is a person` }]),
};
