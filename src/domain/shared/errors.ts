import type { AttachmentErrorCode } from '../attachment/attachment.errors';
import type { CampaignErrorCode } from '../campaign/campaign.errors';
import type { ContactErrorCode } from '../contact/contact.errors';
import type { IdempotencyErrorCode } from '../idempotency/idempotency.errors';
import type { InteractionGroupErrorCode } from '../interaction-group/interaction-group.errors';
import type { InteractionLogErrorCode } from '../interaction-log/interaction-log.errors';
import type { LoggingErrorCode } from '../interaction-log/logging.errors';
import type { InteractionTemplateErrorCode } from '../interaction-template/interaction-template.errors';
import type { JobErrorCode } from '../job/job.errors';
import type { LanguageErrorCode } from '../language/language.errors';
import type { OpportunityErrorCode } from '../opportunity/opportunity.errors';
import type { SalespersonErrorCode } from '../salesperson/salesperson.errors';
import type { SegmentErrorCode } from '../segment/segment.errors';
import { messageOf, type MessageFacts } from './error-catalogue';
import type { RequestErrorCode } from './request.errors';

/** Every code of the catalogue (shared/error-catalogue.ts): the union of the codes each module owns. */
export type ErrorCode =
  | RequestErrorCode
  | ContactErrorCode
  | InteractionTemplateErrorCode
  | InteractionGroupErrorCode
  | SalespersonErrorCode
  | CampaignErrorCode
  | LanguageErrorCode
  | OpportunityErrorCode
  | SegmentErrorCode
  | InteractionLogErrorCode
  | LoggingErrorCode
  | AttachmentErrorCode
  | IdempotencyErrorCode
  | JobErrorCode;

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

/** A refusal with the catalogue's sentence for `code`, from the facts it names. */
export function fail<C extends ErrorCode>(code: C, ...facts: MessageFacts<C>): DomainError {
  return new DomainError(code, messageOf(code, ...facts));
}

/** As `fail`, with extension members of the problem (`retryAfter`, `maxBytes`, a `status` override). */
export function failWith<C extends ErrorCode>(code: C, extra: DomainError['extra'], ...facts: MessageFacts<C>): DomainError {
  return new DomainError(code, messageOf(code, ...facts), extra);
}

/** validation_failed with field errors. */
export function invalid(errors: readonly FieldError[], detail?: string): DomainError {
  const text =
    detail ??
    (errors.length === 1
      ? `The request is not valid: ${errors[0]!.path || 'body'} ${errors[0]!.message}.`
      : `The request has ${errors.length} invalid fields.`);
  return failWith('validation_failed', { errors }, text);
}

export const notFound = {
  contact: (no: string) => fail('contact_not_found', no),
  template: (code: string) => fail('template_not_found', code),
  group: (code: string) => fail('interaction_group_not_found', code),
  salesperson: (code: string) => fail('salesperson_not_found', code),
  campaign: (no: string) => fail('campaign_not_found', no),
  language: (code: string) => fail('language_not_found', code),
  templateLanguage: (code: string, languageCode: string) =>
    fail('template_language_not_found', `Interaction template ${code}`, languageCode),
  opportunity: (no: string) => fail('opportunity_not_found', no),
  task: (no: string) => fail('task_not_found', no),
  segment: (no: string) => fail('segment_not_found', no),
  segmentLine: (no: string, lineNo: number) => fail('segment_line_not_found', no, lineNo),
  loggedSegment: (entryNo: number) => fail('logged_segment_not_found', entryNo),
  entry: (entryNo: number) => fail('entry_not_found', entryNo),
  job: (id: string) => fail('job_not_found', id),
  generic: () => fail('not_found'),
};

export function duplicate(record: string, code: string): DomainError {
  return fail('duplicate_code', record, code);
}
