import type { ErrorCode } from './errors';

// The error catalogue (domain.md §7, api.md §2.1, §12.2): for each code its HTTP status, its CLI
// exit code and the sentence the user reads. A code enters a module's `*.errors.ts` union and
// gets its one row here; `satisfies Record<ErrorCode, …>` refuses a code without a row and a row
// without a code. It is data only, so the rule code takes its sentences from it and each edge
// (src/edge/problem.ts, the CLI) takes its numbers.

/** CLI exit codes (api.md §12.2): 1 refused or failed, 2 invalid input, 3 a rule refused, 4 not found. */
export type ExitCode = 1 | 2 | 3 | 4;

export interface CatalogueRow {
  readonly status: number;
  readonly exit: ExitCode;
  /** The user's sentence, from the facts the refusal names. */
  readonly message: (...facts: never[]) => string;
}

const row = <M extends CatalogueRow['message']>(status: number, exit: ExitCode, message: M) => ({ status, exit, message });

export const ERROR_CATALOGUE = {
  // any request (shared/request.errors.ts)
  validation_failed: row(400, 2, (detail: string) => detail),
  unauthenticated: row(401, 1, (why: 'no_session' | 'wrong_login' = 'no_session') =>
    why === 'wrong_login' ? 'The username or password is not correct.' : 'Sign in to continue.',
  ),
  forbidden: row(403, 1, (why: 'role' | 'csrf' = 'role') =>
    why === 'csrf' ? 'The request is missing a valid X-CSRF-Token header.' : 'Your role does not allow this action.',
  ),
  not_found: row(404, 4, (what?: string) => (what ? `${what} does not exist.` : 'The requested resource does not exist.')),
  duplicate_code: row(409, 3, (record: string, code: string) => `${record} ${code} already exists.`),
  rate_limited: row(429, 1, (seconds: number) => `Too many failed sign-in attempts; try again in ${seconds} seconds.`),
  internal_error: row(500, 1, () => 'An unexpected error occurred; nothing was changed.'),
  service_unavailable: row(503, 1, () => 'The server is stopping; send the request again.'),
  // contact/contact.errors.ts
  contact_not_found: row(404, 4, (no: string) => `Contact ${no} does not exist.`),
  contact_in_use: row(409, 3, (no: string, reason: string) => `You cannot delete contact ${no} because ${reason}.`),
  contact_type_change_blocked: row(
    409,
    3,
    (no: string) => `The type of contact ${no} cannot be changed because interaction log entries or persons are linked to it.`,
  ),
  contact_company_change_blocked: row(
    409,
    3,
    (no: string) => `You cannot change the company of contact ${no} because one or more unlogged segments are assigned to the contact.`,
  ),
  contact_privacy_blocked: row(
    422,
    3,
    (no: string, name: string) => `You cannot use contact ${no} ${name} because they are marked as blocked due to privacy.`,
  ),
  // interaction-template/interaction-template.errors.ts
  template_not_found: row(404, 4, (code: string | null) =>
    code === null ? 'You must fill in the Interaction Template Code field.' : `Interaction template ${code} does not exist.`,
  ),
  template_language_not_found: row(404, 4, (owner: string, languageCode: string) => `${owner} has no language ${languageCode}.`),
  template_in_use: row(
    409,
    3,
    (code: string) =>
      `Interaction template ${code} is used by interaction log entries, the template setup or segments and cannot be deleted.`,
  ),
  wizard_action_not_allowed: row(422, 3, (code: string) => `Wizard Action = Merge can not be specified for Interaction Template ${code}.`),
  // interaction-group/interaction-group.errors.ts
  interaction_group_not_found: row(404, 4, (code: string) => `Interaction group ${code} does not exist.`),
  interaction_group_in_use: row(
    409,
    3,
    (code: string) => `Interaction group ${code} is used by templates or interaction log entries and cannot be deleted.`,
  ),
  // salesperson/salesperson.errors.ts
  salesperson_not_found: row(404, 4, (code: string) => `Salesperson ${code} does not exist.`),
  salesperson_blocked: row(422, 3, (code: string) => `Salesperson ${code} is blocked.`),
  // campaign/campaign.errors.ts, language/language.errors.ts
  campaign_not_found: row(404, 4, (no: string) => `Campaign ${no} does not exist.`),
  language_not_found: row(404, 4, (code: string) => `Language ${code} does not exist.`),
  // opportunity/opportunity.errors.ts
  opportunity_not_found: row(404, 4, (no: string) => `Opportunity ${no} does not exist.`),
  task_not_found: row(404, 4, (no: string) => `Task ${no} does not exist.`),
  opportunity_already_linked: row(
    409,
    3,
    (entryNo: number, opportunityNo: string) => `Interaction log entry ${entryNo} is already linked to opportunity ${opportunityNo}.`,
  ),
  // segment/segment.errors.ts
  segment_not_found: row(404, 4, (no: string) => `Segment ${no} does not exist.`),
  segment_line_not_found: row(404, 4, (no: string, lineNo: number) => `Segment ${no} has no line ${lineNo}.`),
  logged_segment_not_found: row(404, 4, (entryNo: number) => `Logged segment ${entryNo} does not exist.`),
  segment_already_logged: row(409, 3, (no: string) => `Logged Segment for Segment No. ${no} already exists.`),
  segment_description_required: row(422, 3, (no: string) => `You must fill in the description of segment ${no} before logging it.`),
  segment_empty: row(422, 3, (no: string) => `Segment ${no} is empty.`),
  segment_criteria_empty: row(422, 3, (no: string) => `Segment ${no} has no criteria to save.`),
  inherited_attachments_would_break: row(
    422,
    3,
    () => 'Interaction Template Code may not be modified without updating lines when inherited attachments exist.',
  ),
  // interaction-log/interaction-log.errors.ts
  entry_not_found: row(404, 4, (entryNo: number) => `Entry ${entryNo} does not exist.`),
  entry_canceled: row(422, 3, (entryNo: number) => `Interaction log entry ${entryNo} is canceled.`),
  entry_has_no_contact: row(422, 3, (entryNo: number) => `Interaction log entry ${entryNo} has no contact any more.`),
  uncancel_blocked_by_logged_segment: row(
    422,
    3,
    (entryNo: number, loggedSegmentEntryNo: number | null) =>
      `Entry ${entryNo} belongs to canceled logged segment ${loggedSegmentEntryNo}; uncancel the logged segment instead.`,
  ),
  uncancel_blocked_by_campaign_entry: row(
    422,
    3,
    (entryNo: number, campaignEntryNo: number | null) =>
      `Interaction log entry ${entryNo} belongs to canceled campaign entry ${campaignEntryNo}; uncancel the campaign entry instead.`,
  ),
  // interaction-log/logging.errors.ts
  salesperson_required: row(422, 3, () => 'You must fill in the Salesperson Code field.'),
  date_required: row(422, 3, () => 'You must fill in the Date field.'),
  description_required: row(422, 3, () => 'Description is mandatory.'),
  email_required_for_delivery: row(
    422,
    3,
    (contactNo: string) => `Make sure that the Email field is specified for contact no. ${contactNo}.`,
  ),
  delivery_not_available: row(
    422,
    3,
    (correspondenceType: string) =>
      `The interaction cannot be delivered as ${correspondenceType}: there is no transport for it or no attachment to send; log it without delivery.`,
  ),
  outgoing_calls_template_not_set: row(422, 3, () => 'The Outgoing Calls field in the Interaction Template Setup must be filled in.'),
  phone_number_required: row(422, 3, () => 'You must fill in the phone number.'),
  template_has_languages_for_document_logging: row(
    422,
    3,
    (code: string, languageCode: string) =>
      `Interaction template ${code} has template language ${languageCode}; templates used for document logging must not have languages.`,
  ),
  // attachment/attachment.errors.ts
  attachment_read_only: row(409, 3, (id: number) => `Attachment ${id} is read-only because an interaction uses it.`),
  attachment_too_large: row(413, 3, (maxBytes: number) => `The file is larger than the allowed ${maxBytes} bytes.`),
  // idempotency/idempotency.errors.ts
  idempotency_key_reused: row(409, 3, (key: string) => `Idempotency key ${key} was already used with a different request.`),
  idempotency_request_in_progress: row(
    409,
    3,
    (key: string) => `A request with idempotency key ${key} is still being processed; try again later.`,
  ),
  // job/job.errors.ts
  job_not_found: row(404, 4, (id: string) => `Job ${id} does not exist.`),
  job_not_queued: row(
    409,
    3,
    (id: string, status: string) => `Job ${id} is ${status === 'queued' ? 'no longer queued' : status}; only a queued job can be canceled.`,
  ),
} as const satisfies Record<ErrorCode, CatalogueRow>;

/** The facts a code's sentence names. */
export type MessageFacts<C extends ErrorCode> = Parameters<(typeof ERROR_CATALOGUE)[C]['message']>;

/** A code's sentence from its facts. */
export function messageOf<C extends ErrorCode>(code: C, ...facts: MessageFacts<C>): string {
  return (ERROR_CATALOGUE[code].message as (...f: MessageFacts<C>) => string)(...facts);
}
