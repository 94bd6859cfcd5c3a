/** The refusals of the template rules (domain.md §7). */
export type InteractionTemplateErrorCode =
  'template_not_found' | 'template_language_not_found' | 'template_in_use' | 'wizard_action_not_allowed';
