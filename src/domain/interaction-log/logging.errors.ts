import { fail } from '../shared/errors';

// The refusals only logging gives (domain.md §7), in the catalogue's words (shared/error-catalogue.ts);
// the shared ones (privacy, blocked salesperson, read-only attachment) come from their own modules.

/** The codes the logging rules own. */
export type LoggingErrorCode =
  | 'salesperson_required'
  | 'date_required'
  | 'description_required'
  | 'email_required_for_delivery'
  | 'delivery_not_available'
  | 'outgoing_calls_template_not_set'
  | 'phone_number_required'
  | 'template_has_languages_for_document_logging';

export const refuse = {
  dateRequired: () => fail('date_required'),
  salespersonRequired: () => fail('salesperson_required'),
  descriptionRequired: () => fail('description_required'),
  emailRequired: (no: string) => fail('email_required_for_delivery', no),
  deliveryNotAvailable: (type: string) => fail('delivery_not_available', type),
  outgoingCallsNotSet: () => fail('outgoing_calls_template_not_set'),
  phoneNumberRequired: () => fail('phone_number_required'),
  templateHasLanguages: (code: string, languageCode: string) => fail('template_has_languages_for_document_logging', code, languageCode),
};
