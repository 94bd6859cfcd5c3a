import type { ErrorCode } from '../shared/errors';

export type JobKind = 'segment_log' | 'contacts_import' | 'entries_delete_canceled';
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** A background job (api.md §11). */
export interface Job {
  readonly id: string;
  readonly kind: JobKind;
  readonly status: JobStatus;
  readonly done: number;
  readonly total: number | null;
  readonly result: unknown;
  readonly error: { code: ErrorCode; status?: number; detail: string; [k: string]: unknown } | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}
