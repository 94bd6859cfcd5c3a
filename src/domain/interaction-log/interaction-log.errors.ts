/** The refusals about logged entries: reading, canceling and following them up (domain.md §7). */
export type InteractionLogErrorCode =
  | 'entry_not_found'
  | 'entry_canceled'
  | 'entry_has_no_contact'
  | 'uncancel_blocked_by_logged_segment'
  | 'uncancel_blocked_by_campaign_entry';
