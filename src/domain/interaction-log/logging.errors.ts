import { DomainError } from '../shared/errors';

/** The refusals of logging (domain.md §7), worded as the catalogue words them. */
export const refuse = {
  privacy: (no: string, name: string) =>
    new DomainError('contact_privacy_blocked', `You cannot use contact ${no} ${name} because they are marked as blocked due to privacy.`),
  dateRequired: () => new DomainError('date_required', 'You must fill in the Date field.'),
  salespersonRequired: () => new DomainError('salesperson_required', 'You must fill in the Salesperson Code field.'),
  salespersonBlocked: (code: string) => new DomainError('salesperson_blocked', `Salesperson ${code} is blocked.`),
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
  attachmentReadOnly: (id: number) =>
    new DomainError('attachment_read_only', `Attachment ${id} is read-only because an interaction uses it.`),
};
