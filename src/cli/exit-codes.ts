import { assertUnreachable, type ErrorCode } from '../domain/shared/errors';

/** Exit code of each catalogue code (api.md §12.2); exhaustive so a new code cannot be forgotten. */
export function exitCodeOf(code: ErrorCode): number {
  switch (code) {
    case 'validation_failed':
      return 2;
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
      return 4;
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
    case 'attachment_too_large':
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
      return 3;
    case 'unauthenticated':
    case 'forbidden':
    case 'rate_limited':
    case 'internal_error':
    case 'service_unavailable':
      return 1;
    default:
      return assertUnreachable(code);
  }
}
