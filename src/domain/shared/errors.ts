/** Every error code of the catalogue (domain.md §7, api.md §2.1). */
export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'contact_not_found',
  'template_not_found',
  'interaction_group_not_found',
  'salesperson_not_found',
  'campaign_not_found',
  'language_not_found',
  'template_language_not_found',
  'opportunity_not_found',
  'task_not_found',
  'segment_not_found',
  'segment_line_not_found',
  'logged_segment_not_found',
  'entry_not_found',
  'job_not_found',
  'duplicate_code',
  'interaction_group_in_use',
  'template_in_use',
  'contact_in_use',
  'contact_type_change_blocked',
  'contact_company_change_blocked',
  'opportunity_already_linked',
  'segment_already_logged',
  'attachment_read_only',
  'idempotency_key_reused',
  'idempotency_request_in_progress',
  'job_not_queued',
  'attachment_too_large',
  'salesperson_blocked',
  'salesperson_required',
  'date_required',
  'description_required',
  'contact_privacy_blocked',
  'email_required_for_delivery',
  'delivery_not_available',
  'outgoing_calls_template_not_set',
  'phone_number_required',
  'template_has_languages_for_document_logging',
  'wizard_action_not_allowed',
  'segment_description_required',
  'segment_empty',
  'segment_criteria_empty',
  'inherited_attachments_would_break',
  'uncancel_blocked_by_logged_segment',
  'uncancel_blocked_by_campaign_entry',
  'entry_canceled',
  'entry_has_no_contact',
  'rate_limited',
  'internal_error',
  'service_unavailable',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One invalid input: a dotted path (`costLcy`, `query.limit`, `lines.3.name`) and a message. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** A refusal with a catalogue code. `detail` is the sentence shown to the user. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extra: { readonly errors?: readonly FieldError[]; readonly [key: string]: unknown } = {},
  ) {
    super(detail);
    this.name = 'DomainError';
  }
}

export function assertUnreachable(value: never): never {
  throw new Error(`unreachable: ${String(value)}`);
}

/** validation_failed with field errors. */
export function invalid(errors: readonly FieldError[], detail?: string): DomainError {
  const text =
    detail ??
    (errors.length === 1
      ? `The request is not valid: ${errors[0]!.path || 'body'} ${errors[0]!.message}.`
      : `The request has ${errors.length} invalid fields.`);
  return new DomainError('validation_failed', text, { errors });
}

export const notFound = {
  contact: (no: string) => new DomainError('contact_not_found', `Contact ${no} does not exist.`),
  template: (code: string) => new DomainError('template_not_found', `Interaction template ${code} does not exist.`),
  group: (code: string) => new DomainError('interaction_group_not_found', `Interaction group ${code} does not exist.`),
  salesperson: (code: string) => new DomainError('salesperson_not_found', `Salesperson ${code} does not exist.`),
  campaign: (no: string) => new DomainError('campaign_not_found', `Campaign ${no} does not exist.`),
  language: (code: string) => new DomainError('language_not_found', `Language ${code} does not exist.`),
  templateLanguage: (code: string, languageCode: string) =>
    new DomainError('template_language_not_found', `Interaction template ${code} has no language ${languageCode}.`),
  opportunity: (no: string) => new DomainError('opportunity_not_found', `Opportunity ${no} does not exist.`),
  task: (no: string) => new DomainError('task_not_found', `Task ${no} does not exist.`),
  segment: (no: string) => new DomainError('segment_not_found', `Segment ${no} does not exist.`),
  segmentLine: (no: string, lineNo: number) =>
    new DomainError('segment_line_not_found', `Segment ${no} has no line ${lineNo}.`),
  loggedSegment: (entryNo: number) =>
    new DomainError('logged_segment_not_found', `Logged segment ${entryNo} does not exist.`),
  entry: (entryNo: number) => new DomainError('entry_not_found', `Entry ${entryNo} does not exist.`),
  job: (id: string) => new DomainError('job_not_found', `Job ${id} does not exist.`),
  generic: () => new DomainError('not_found', 'The requested resource does not exist.'),
};

export function duplicate(record: string, code: string): DomainError {
  return new DomainError('duplicate_code', `${record} ${code} already exists.`);
}
