import type { RefusedLine, SkippedLine } from './log-checks';
import type { PreviewFigures } from './segment-log.store';

/** Progress of a long operation: lines done and, once known, the total. */
export type Progress = (done: number, total?: number | null) => void;

export type { JobStarter } from '../job/job-queue';

export interface LogOptions {
  readonly sendAttachments: boolean;
  readonly createFollowUpSegment: boolean;
}

export interface LogResult {
  readonly loggedSegmentEntryNo: number;
  readonly noOfInteractions: number;
  readonly followUpSegmentNo: string | null;
}

export interface LogPreview extends PreviewFigures {
  readonly skipped: readonly SkippedLine[];
  readonly refused: readonly RefusedLine[];
}
