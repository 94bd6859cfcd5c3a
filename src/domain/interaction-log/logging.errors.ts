import { DomainError } from '../shared/errors';

// The refusals only logging gives (domain.md §7), worded as the catalogue words them; the shared
// ones (privacy, blocked salesperson, read-only attachment) come from their own modules.

export const refuse = {
  dateRequired: () => new DomainError('date_required', 'You must fill in the Date field.'),
  salespersonRequired: () => new DomainError('salesperson_required', 'You must fill in the Salesperson Code field.'),
  descriptionRequired: () => new DomainError('description_required', 'Description is mandatory.'),
  emailRequired: (no: string) =>
    new DomainError('email_required_for_delivery', `Make sure that the Email field is specified for contact no. ${no}.`),
  deliveryNotAvailable: (type: string) =>
    new DomainError(
      'delivery_not_available',
      `The interaction cannot be delivered as ${type}: there is no transport for it or no attachment to send; log it without delivery.`,
    ),
  outgoingCallsNotSet: () =>
    new DomainError('outgoing_calls_template_not_set', 'The Outgoing Calls field in the Interaction Template Setup must be filled in.'),
  phoneNumberRequired: () => new DomainError('phone_number_required', 'You must fill in the phone number.'),
  templateHasLanguages: (code: string, languageCode: string) =>
    new DomainError(
      'template_has_languages_for_document_logging',
      `Interaction template ${code} has template language ${languageCode}; templates used for document logging must not have languages.`,
    ),
};
