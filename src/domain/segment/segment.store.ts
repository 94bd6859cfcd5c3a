import type { Criteria, CriteriaAction } from './criteria';
import type { BulkResolution, ContactInfo, TemplateInfo } from './line-resolution';
import type { LineCheck, RefusedLineFacts, SkippedLine } from './log-checks';
import type { LineValues, LoggedSegment, Segment, SegmentHeader, SegmentLanguage, SegmentLine } from './segment';

/** Records of other modules that segments read. */
export interface SegmentRefsPort {
  template(code: string): Promise<TemplateInfo | null>;
  /** The template's language rows as segment language rows (no subject). */
  templateRows(code: string): Promise<SegmentLanguage[]>;
  salesperson(code: string): Promise<{ readonly blocked: boolean } | null>;
  campaignExists(no: string): Promise<boolean>;
  languageExists(code: string): Promise<boolean>;
  opportunityExists(no: string): Promise<boolean>;
  contact(no: string): Promise<ContactInfo | null>;
  /** A new, writable copy of an attachment; answers its id. */
  copyAttachment(id: number, createdAt: string): Promise<number>;
  insertAttachment(a: { fileName: string; contentType: string; content: Uint8Array; createdAt: string }): Promise<number>;
  attachmentReadOnly(id: number): Promise<boolean>;
  /** Deletes those of the attachments that are not read-only and that no record uses any more. */
  releaseAttachments(ids: readonly number[]): Promise<void>;
}

export interface SegmentListFilter {
  readonly q: string | null;
  readonly campaignNo: string | null;
  readonly salespersonCode: string | null;
}

export interface SegmentHeaderPort {
  /** Whether a segment or a logged segment has this number (decision g). */
  numberTaken(no: string): Promise<boolean>;
  header(no: string): Promise<SegmentHeader | null>;
  segment(no: string): Promise<Segment | null>;
  segments(filter: SegmentListFilter, afterNo: string | null, limit: number): Promise<Segment[]>;
  insertHeader(h: SegmentHeader): Promise<void>;
  updateHeader(h: SegmentHeader): Promise<void>;
  /** Deletes the segment with its lines, language rows and criteria actions; answers the rows' attachment ids. */
  deleteSegment(no: string): Promise<number[]>;
  hasInheritedAttachments(no: string): Promise<boolean>;
}

export interface SegmentLanguagePort {
  /** Rows of the segment level (`lineNo` 0) or of one line, by language code. */
  languageRows(no: string, lineNo: number): Promise<SegmentLanguage[]>;
  insertLanguageRows(no: string, lineNo: number, rows: readonly SegmentLanguage[]): Promise<void>;
  updateLanguageRow(no: string, lineNo: number, row: SegmentLanguage): Promise<void>;
  /** Deletes rows of one level (one language, or all of it); answers their attachment ids. */
  deleteLanguageRows(no: string, lineNo: number, languageCode?: string): Promise<number[]>;
  /** Deletes every line's own rows; answers their attachment ids. */
  deleteOwnLanguageRows(no: string): Promise<number[]>;
}

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
    values: Partial<
      Pick<
        LineValues,
        | 'description'
        | 'salespersonCode'
        | 'date'
        | 'campaignNo'
        | 'campaignTarget'
        | 'campaignResponse'
        | 'informationFlow'
        | 'initiatedBy'
        | 'costCents'
        | 'durationMin'
        | 'correspondenceType'
      >
    >,
    subject?: { readonly from: string | null; readonly to: string | null; readonly languageCode?: string | null },
  ): Promise<void>;
  /** R42: lines taking a segment-level row get its language, subject and attachment. */
  takeLanguageRow(no: string, takers: RowTakers, row: SegmentLanguage): Promise<void>;
  /** R42: lines on the template that used a deleted row fall back by `r`. */
  reresolveLanguage(no: string, templateCode: string | null, languageCode: string, r: BulkResolution): Promise<void>;
  /** A segment-level row's attachment changed: the lines inheriting from it follow. */
  setInheritedAttachment(no: string, templateCode: string | null, languageCode: string, attachmentId: number | null): Promise<void>;
}

export interface CriteriaPort {
  criteriaActions(no: string): Promise<CriteriaAction[]>;
  lastCriteriaAction(no: string): Promise<CriteriaAction | null>;
  insertCriteriaAction(no: string, a: CriteriaAction): Promise<void>;
  /** Records the lines numbered from `fromLineNo` as added by the action. */
  recordAdded(no: string, actionNo: number, fromLineNo: number): Promise<void>;
  /**
   * Deletes the lines whose contact matches (or, with `keepMatching`, does not match), recording
   * them; answers the count and the attachment ids of their own rows.
   */
  removeLines(no: string, actionNo: number, criteria: Criteria, keepMatching: boolean): Promise<{ count: number; attachmentIds: number[] }>;
  /** Deletes the lines the action added that are still there; answers the attachment ids of their own rows. */
  undoAdded(no: string, actionNo: number): Promise<number[]>;
  deleteCriteriaAction(no: string, actionNo: number): Promise<void>;
}

export interface PreviewFigures {
  readonly noOfEntries: number;
  readonly costCents: number;
  readonly durationMin: number;
  readonly byTemplate: readonly { interactionTemplateCode: string | null; noOfEntries: number; costCents: number; durationMin: number }[];
  readonly byLanguage: readonly { languageCode: string | null; noOfEntries: number }[];
  readonly byCorrespondenceType: readonly { correspondenceType: string | null; noOfEntries: number }[];
}

/** What every entry of one segment log shares. */
export interface EntryContext {
  readonly segmentNo: string;
  readonly loggedSegmentEntryNo: number;
  /** The campaign entry each campaign of the lines logs into. */
  readonly campaignEntries: ReadonlyMap<string, number>;
  readonly userId: string;
  readonly createdAt: string;
}

export interface SegmentLogPort {
  loggedSegmentExists(segmentNo: string): Promise<boolean>;
  /** Serialises the writers of one segment until the transaction ends (PostgreSQL: the segment row is locked too). */
  lockSegment(no: string): Promise<void>;
  countLines(no: string): Promise<{ total: number; skipped: number; lastLineNo: number }>;
  previewFigures(no: string, sendAttachments: boolean): Promise<PreviewFigures>;
  /** In one pass over the lines: those skipped (their contact is privacy-blocked), and those the checks refuse, in line order. */
  lineExceptions(no: string, checks: readonly LineCheck[]): Promise<{ skipped: SkippedLine[]; refused: RefusedLineFacts[] }>;
  /** Answers the new entry number, or null when the segment number was logged already. */
  insertLoggedSegment(ls: { segmentNo: string; description: string | null; creationDate: string; userId: string }): Promise<number | null>;
  /** Per campaign of the lines that are not skipped: the date and salesperson of its first line. */
  campaignsOfLines(no: string): Promise<{ campaignNo: string; date: string | null; salespersonCode: string | null }[]>;
  /** The lowest non-canceled campaign entry of the campaign and segment without document type (decision a). */
  openCampaignEntry(campaignNo: string, segmentNo: string): Promise<number | null>;
  insertCampaignEntry(ce: {
    campaignNo: string;
    description: string | null;
    date: string | null;
    userId: string;
    segmentNo: string;
    loggedSegmentEntryNo: number;
    salespersonCode: string | null;
  }): Promise<number>;
  /**
   * R47 step 3, set-based: one entry for each line that is not skipped, numbered after
   * `afterLineNo` up to `uptoLineNo`, in line order; answers how many were written. An entry
   * takes the line's values, with: the contact's company at log time (R8); the subject of the
   * line, else its description; the template's group at log time, else the line's; no time when
   * the line has none (as BC); a blank correspondence type where an e-mail line's contact has no
   * e-mail address (R5 without delivery); the campaign entry of its campaign.
   */
  logLines(no: string, afterLineNo: number, uptoLineNo: number, ctx: EntryContext): Promise<number>;
  /** The attachments of the lines that are not skipped become read-only. */
  markAttachmentsReadOnly(no: string): Promise<void>;
}

export interface LoggedSegmentFilter {
  readonly segmentNo: string | null;
  readonly canceled: boolean | null;
  readonly dateFrom: string | null;
  readonly dateTo: string | null;
}

export interface LoggedSegmentPort {
  loggedSegment(entryNo: number): Promise<LoggedSegment | null>;
  loggedSegments(filter: LoggedSegmentFilter, afterEntryNo: number | null, limit: number): Promise<LoggedSegment[]>;
  loggedSegmentsByNo(entryNos: readonly number[]): Promise<LoggedSegment[]>;
  /** Sets `canceled` on the logged segments, their entries and their campaign entries (R49). */
  setLoggedSegmentsCanceled(entryNos: readonly number[], canceled: boolean): Promise<void>;
  /** Deletes matching canceled logged segments, unlinking their entries and campaign entries (R50). */
  deleteCanceledLoggedSegments(f: { entryNoFrom: number | null; entryNoTo: number | null; segmentNo: string | null }): Promise<number>;
}

/** What segments need from storage. */
export interface SegmentStore
  extends SegmentRefsPort, SegmentHeaderPort, SegmentLanguagePort, SegmentLinePort, CriteriaPort, SegmentLogPort, LoggedSegmentPort {}
