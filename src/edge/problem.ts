import { assertUnreachable, type ErrorCode } from '../domain/shared/errors';

/** HTTP status of each catalogue code (api.md §2.1); exhaustive so a new code cannot be forgotten. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'validation_failed':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
    case 'contact_not_found':
    case 'template_not_found':
    case 'interaction_group_not_found':
    case 'salesperson_not_found':
    case 'campaign_not_found':
    case 'language_not_found':
    case 'template_language_not_found':
    case 'opportunity_not_found':
    case 'task_not_found':
    case 'segment_not_found':
    case 'segment_line_not_found':
    case 'logged_segment_not_found':
    case 'entry_not_found':
    case 'job_not_found':
      return 404;
    case 'duplicate_code':
    case 'interaction_group_in_use':
    case 'template_in_use':
    case 'contact_in_use':
    case 'contact_type_change_blocked':
    case 'contact_company_change_blocked':
    case 'opportunity_already_linked':
    case 'segment_already_logged':
    case 'attachment_read_only':
    case 'idempotency_key_reused':
    case 'idempotency_request_in_progress':
    case 'job_not_queued':
      return 409;
    case 'attachment_too_large':
      return 413;
    case 'salesperson_blocked':
    case 'salesperson_required':
    case 'date_required':
    case 'description_required':
    case 'contact_privacy_blocked':
    case 'email_required_for_delivery':
    case 'delivery_not_available':
    case 'outgoing_calls_template_not_set':
    case 'phone_number_required':
    case 'template_has_languages_for_document_logging':
    case 'wizard_action_not_allowed':
    case 'segment_description_required':
    case 'segment_empty':
    case 'segment_criteria_empty':
    case 'inherited_attachments_would_break':
    case 'uncancel_blocked_by_logged_segment':
    case 'uncancel_blocked_by_campaign_entry':
    case 'entry_canceled':
    case 'entry_has_no_contact':
      return 422;
    case 'rate_limited':
      return 429;
    case 'internal_error':
      return 500;
    case 'service_unavailable':
      return 503;
    default:
      return assertUnreachable(code);
  }
}

/** Fixed short English title of each code. */
export function titleOf(code: ErrorCode): string {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance: string;
  [extension: string]: unknown;
}

export function problem(
  code: ErrorCode,
  detail: string,
  instance: string,
  extra: Record<string, unknown> = {},
  status = statusOf(code),
): Problem {
  return { type: `urn:rapport:problem:${code}`, title: titleOf(code), status, detail, code, instance, ...extra };
}
