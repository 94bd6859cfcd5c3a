/** The refusals of the opportunity and task rules (domain.md §7). */
export type OpportunityErrorCode = 'opportunity_not_found' | 'task_not_found' | 'opportunity_already_linked';
