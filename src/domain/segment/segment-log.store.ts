import type { LineCheck, RefusedLineFacts, SkippedLine } from './log-checks';

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

/** What previewing and logging a segment needs (R47). */
export interface SegmentLogPort {
  loggedSegmentExists(segmentNo: string): Promise<boolean>;
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
