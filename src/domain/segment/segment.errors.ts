/** The refusals of the segment rules: header, lines, criteria and logging (domain.md §7). */
export type SegmentErrorCode =
  | 'segment_not_found'
  | 'segment_line_not_found'
  | 'logged_segment_not_found'
  | 'segment_already_logged'
  | 'segment_description_required'
  | 'segment_empty'
  | 'segment_criteria_empty'
  | 'inherited_attachments_would_break';
