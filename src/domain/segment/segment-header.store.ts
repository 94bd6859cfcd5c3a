import type { Segment, SegmentHeader } from './segment';

export interface SegmentListFilter {
  readonly q: string | null;
  readonly campaignNo: string | null;
  readonly salespersonCode: string | null;
}

/** Segment headers with their computed figures. */
export interface SegmentHeaderPort {
  /** Serialises the writers of one segment (lines, criteria, logging) until the transaction ends (PostgreSQL: the segment row is locked too). */
  lockSegment(no: string): Promise<void>;
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
