/** A field error of a 400 problem (api.md §2). */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** A refusal answered by the API as an RFC 9457 problem, or a failure to reach it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: readonly FieldError[] = [],
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }

  /** The message of a body field (`contactNo`) or query parameter (`query.dateFrom`), if any. */
  fieldMessage(path: string): string | undefined {
    return this.errors.find((e) => e.path === path || e.path === `query.${path}`)?.message;
  }
}

/** Which input a refusal code is about, so that the UI can show it at that field (api.md §2.1). */
export const CODE_FIELD: Readonly<Record<string, string>> = {
  contact_not_found: 'contactNo',
  template_not_found: 'interactionTemplateCode',
  interaction_group_not_found: 'interactionGroupCode',
  salesperson_not_found: 'salespersonCode',
  salesperson_blocked: 'salespersonCode',
  salesperson_required: 'salespersonCode',
  campaign_not_found: 'campaignNo',
  language_not_found: 'languageCode',
  template_language_not_found: 'languageCode',
  opportunity_not_found: 'opportunityNo',
  task_not_found: 'taskNo',
  date_required: 'date',
  description_required: 'description',
  email_required_for_delivery: 'correspondenceType',
  delivery_not_available: 'correspondenceType',
  phone_number_required: 'contactVia',
  contact_privacy_blocked: 'contactNo',
  segment_description_required: 'description',
  wizard_action_not_allowed: 'wizardAction',
};

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
