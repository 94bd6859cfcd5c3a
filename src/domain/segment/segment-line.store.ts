import type { Criteria } from './criteria';
import type { PushedValues } from './header-rules';
import type { BulkResolution } from './line-resolution';
import type { LineValues, SegmentLanguage, SegmentLine } from './segment';

/** Where set-based line appends take their contacts from. */
export type LineSource =
  | { readonly kind: 'criteria'; readonly criteria: Criteria }
  | { readonly kind: 'removed-by-action'; readonly actionNo: number }
  | { readonly kind: 'logged-segment'; readonly loggedSegmentEntryNo: number };

/** Lines on the segment's template whose language row may change (R42). */
export interface RowTakers {
  readonly templateCode: string | null;
  /** null: every line on the template with an inherited or no attachment (the first row). */
  readonly contactLanguage: string | null;
}

/** Segment lines, one by one and set-based (R40–R42). */
export interface SegmentLinePort {
  line(no: string, lineNo: number): Promise<SegmentLine | null>;
  lines(no: string, afterLineNo: number | null, limit: number): Promise<SegmentLine[]>;
  appendLine(no: string, values: LineValues): Promise<number>;
  updateLine(no: string, lineNo: number, values: LineValues): Promise<void>;
  /** Deletes a line and its own rows; answers their attachment ids. */
  deleteLine(no: string, lineNo: number): Promise<number[]>;
  /**
   * Adds one line per source contact, resolved by `r` (R41), in ascending contact number
   * (logged-segment: entry order), numbered after the last line by 10000; contacts removed by
   * an action return to their old line numbers where these are free. Privacy-blocked contacts
   * are never added. Answers the first appended line number and the count.
   */
  appendResolvedLines(no: string, r: BulkResolution, source: LineSource): Promise<{ fromLineNo: number; count: number }>;
  /** R40: every line takes the header's template values by `r`; contact, salesperson, date and evaluation stay. */
  reresolveLines(no: string, r: BulkResolution): Promise<void>;
  /** R40: copies changed header values to the lines on `templateCode`; a subject only where it equalled `subject.from`. */
  pushToLines(
    no: string,
    templateCode: string | null,
    values: PushedValues,
    subject?: { readonly from: string | null; readonly to: string | null; readonly languageCode?: string | null },
  ): Promise<void>;
  /** R42: lines taking a segment-level row get its language, subject and attachment. */
  takeLanguageRow(no: string, takers: RowTakers, row: SegmentLanguage): Promise<void>;
  /** R42: lines on the template that used a deleted row fall back by `r`. */
  reresolveLanguage(no: string, templateCode: string | null, languageCode: string, r: BulkResolution): Promise<void>;
  /** A segment-level row's attachment changed: the lines inheriting from it follow. */
  setInheritedAttachment(no: string, templateCode: string | null, languageCode: string, attachmentId: number | null): Promise<void>;
}
