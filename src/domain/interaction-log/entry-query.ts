import type { DocumentType } from '../../contract/common';
import type { CorrespondenceType, DeliveryStatus, Evaluation, InformationFlow, InitiatedBy, LogEntry, Origin } from './interaction-log';

/** Filters of the Interaction Log Entries list (api.md §7.2); every given filter must hold (AND). */
export interface EntryFilter {
  readonly contactNo?: string | null | undefined;
  readonly contactCompanyNo?: string | null | undefined;
  readonly interactionTemplateCode?: string | null | undefined;
  readonly interactionGroupCode?: string | null | undefined;
  readonly salespersonCode?: string | null | undefined;
  readonly campaignNo?: string | null | undefined;
  readonly segmentNo?: string | null | undefined;
  readonly loggedSegmentEntryNo?: number | undefined;
  readonly canceled?: boolean | undefined;
  readonly attemptFailed?: boolean | undefined;
  readonly evaluation?: Evaluation | undefined;
  readonly documentType?: DocumentType | undefined;
  readonly documentNo?: string | null | undefined;
  readonly dateFrom?: string | undefined;
  readonly dateTo?: string | undefined;
  readonly entryNoFrom?: number | undefined;
  readonly entryNoTo?: number | undefined;
  readonly campaignEntryNo?: number | undefined;
  readonly opportunityNo?: string | null | undefined;
  readonly taskNo?: string | null | undefined;
  readonly correspondenceType?: CorrespondenceType | undefined;
  readonly deliveryStatus?: DeliveryStatus | undefined;
  readonly informationFlow?: InformationFlow | undefined;
  readonly initiatedBy?: InitiatedBy | undefined;
  readonly origin?: Origin | undefined;
  /** Case-insensitive substring of description or subject; `%` and `_` are literal. */
  readonly q?: string | null | undefined;
  /**
   * Which set: the Postponed Interactions when true, the log otherwise; never both (R20). A
   * postponed entry may have no date: it counts as the empty text, before every date.
   */
  readonly postponed?: boolean | undefined;
}

/** The filters of "delete canceled entries" (R27). */
export type DeleteCanceledFilter = Pick<
  EntryFilter,
  | 'entryNoFrom'
  | 'entryNoTo'
  | 'contactNo'
  | 'dateFrom'
  | 'dateTo'
  | 'campaignNo'
  | 'interactionGroupCode'
  | 'interactionTemplateCode'
  | 'salespersonCode'
>;

/** Newest first by default (api.md §7.2). */
export type EntrySort = '-entryNo' | 'entryNo' | '-date' | 'date';

/** Where the next keyset page starts: after this entry in the sort order. */
export interface EntryKey {
  readonly entryNo: number;
  /** Only for the date sorts. */
  readonly date?: string;
}

export const byDate = (sort: EntrySort): boolean => sort === 'date' || sort === '-date';

/** The cursor key of an entry in a sort: date sorts break ties by entryNo in the same direction. */
export function keyOf(entry: Pick<LogEntry, 'entryNo' | 'date'>, sort: EntrySort): (string | number)[] {
  return byDate(sort) ? [entry.date ?? '', entry.entryNo] : [entry.entryNo];
}

/** A decoded cursor key → EntryKey, or null when its shape does not fit the sort. */
export function entryKeyFrom(key: readonly (string | number | null)[], sort: EntrySort): EntryKey | null {
  if (byDate(sort)) {
    const [date, entryNo] = key;
    return typeof date === 'string' && typeof entryNo === 'number' ? { date, entryNo } : null;
  }
  const [entryNo] = key;
  return typeof entryNo === 'number' ? { entryNo } : null;
}

/** Removes unset filters so that equal filters give equal cursor scopes. */
export function normalizeFilter<F extends object>(filter: F): F {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== null && v !== '')) as F;
}
