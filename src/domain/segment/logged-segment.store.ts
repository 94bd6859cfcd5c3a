import type { LoggedSegment } from './segment';

export interface LoggedSegmentFilter {
  readonly segmentNo: string | null;
  readonly canceled: boolean | null;
  readonly dateFrom: string | null;
  readonly dateTo: string | null;
}

/** What logged segments need from storage: listing, cancel (R49) and delete canceled (R50). */
export interface LoggedSegmentPort {
  loggedSegment(entryNo: number): Promise<LoggedSegment | null>;
  loggedSegments(filter: LoggedSegmentFilter, afterEntryNo: number | null, limit: number): Promise<LoggedSegment[]>;
  loggedSegmentsByNo(entryNos: readonly number[]): Promise<LoggedSegment[]>;
  /** Sets `canceled` on the logged segments, their entries and their campaign entries (R49). */
  setLoggedSegmentsCanceled(entryNos: readonly number[], canceled: boolean): Promise<void>;
  /** Deletes matching canceled logged segments, unlinking their entries and campaign entries (R50). */
  deleteCanceledLoggedSegments(f: { entryNoFrom: number | null; entryNoTo: number | null; segmentNo: string | null }): Promise<number>;
}
