import type { DeleteCanceledFilter, EntryFilter, EntryKey, EntrySort } from './entry-query';
import type { Evaluation, LogEntry } from './interaction-log';

/** A comment line of an entry (domain.md §3.9). */
export interface CommentLine {
  readonly lineNo: number;
  readonly date: string;
  readonly comment: string;
}

/** An entry with what its History title needs (api.md §13.21). */
export interface HistoryRow {
  readonly entry: LogEntry;
  readonly templateDescription: string | null;
  readonly salespersonName: string | null;
  readonly userFullName: string | null;
}

/** The changes a direct edit may make (R21). */
export interface EntryChanges {
  readonly description?: string | undefined;
  readonly evaluation?: Evaluation | null | undefined;
  readonly attemptFailed?: boolean | undefined;
  readonly costCents?: number | undefined;
  readonly durationMin?: number | undefined;
}

/** One chunk of a delete-canceled run. */
export interface DeletedChunk {
  readonly deleted: number;
  /** The highest entry number deleted, where the next chunk starts; null when nothing was left. */
  readonly lastEntryNo: number | null;
  /** Attachments the deleted entries used: candidates for removal once the run is done. */
  readonly attachmentIds: readonly number[];
}

/**
 * What managing the log needs from storage. Postponed entries never appear here (R20), except in
 * `list` and `count` with the filter's `postponed` switch, which serve the Postponed Interactions.
 */
export interface InteractionLogStore {
  /** A page of the filter's set (the log unless `postponed`) in the sort order, starting after `after`. */
  list(filter: EntryFilter, sort: EntrySort, after: EntryKey | null, limit: number): Promise<LogEntry[]>;
  /** As `list`, with the names the History title needs. */
  history(filter: EntryFilter, sort: EntrySort, after: EntryKey | null, limit: number): Promise<HistoryRow[]>;
  /** The number of entries of the filter's set matching it. */
  count(filter: EntryFilter): Promise<number>;
  /** Non-postponed entries among these numbers, in ascending entryNo. */
  getMany(entryNos: readonly number[]): Promise<LogEntry[]>;
  /** Whether the contact exists, and its type. */
  contactType(contactNo: string): Promise<'company' | 'person' | null>;

  update(entryNo: number, changes: EntryChanges): Promise<void>;
  setCanceled(entryNos: readonly number[], canceled: boolean): Promise<void>;
  setEvaluation(entryNos: readonly number[], evaluation: Evaluation | null): Promise<void>;
  /** The canceled ones among these logged segments. */
  canceledLoggedSegments(entryNos: readonly number[]): Promise<Set<number>>;
  /** The canceled ones among these campaign entries. */
  canceledCampaignEntries(entryNos: readonly number[]): Promise<Set<number>>;
  /**
   * R24: for each of these entries whose attachment no other entry, template language, segment
   * language or segment line uses, deletes the attachment and clears the entry's attachmentId.
   */
  removeUniqueAttachments(entryNos: readonly number[]): Promise<void>;

  comments(entryNo: number, afterLineNo: number | null, limit: number): Promise<CommentLine[]>;
  comment(entryNo: number, lineNo: number): Promise<CommentLine | null>;
  /** Appends a line numbered last + 10000 and answers it. */
  addComment(entryNo: number, line: Omit<CommentLine, 'lineNo'>): Promise<CommentLine>;
  updateComment(entryNo: number, lineNo: number, changes: Partial<Omit<CommentLine, 'lineNo'>>): Promise<void>;
  deleteComment(entryNo: number, lineNo: number): Promise<void>;

  /** Counts the canceled, non-postponed entries a delete-canceled run would delete. */
  countCanceled(filter: DeleteCanceledFilter): Promise<number>;
  /**
   * Before deleting `count` entries in one transaction: where keeping the indexes in contact order
   * row by row would cost more than building them again (SQLite, from 50,000 entries and a quarter
   * of the log), sets them aside until `restore` rebuilds them in the same transaction; elsewhere
   * it does nothing.
   */
  prepareBulkDelete(count: number): Promise<{ restore(): Promise<void> }>;
  /** Deletes up to `size` matching canceled entries after `afterEntryNo`, with their comments. */
  deleteCanceledChunk(filter: DeleteCanceledFilter, afterEntryNo: number | null, size: number): Promise<DeletedChunk>;
  /** Deletes those of these attachments that nothing uses any more. */
  deleteUnusedAttachments(ids: readonly number[]): Promise<void>;
}
