/** The refusals of the interaction group rules (domain.md §7). */
export type InteractionGroupErrorCode = 'interaction_group_not_found' | 'interaction_group_in_use';
