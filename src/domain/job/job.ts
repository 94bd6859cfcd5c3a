import type { ErrorCode } from '../shared/errors';

export type JobKind = 'segment_log' | 'contacts_import' | 'entries_delete_canceled' | 'idempotency_keys_purge' | 'attachments_purge';
export const JOB_KINDS: readonly JobKind[] = [
  'segment_log',
  'contacts_import',
  'entries_delete_canceled',
  'idempotency_keys_purge',
  'attachments_purge',
];
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled';

export type JobError = { code: ErrorCode; status?: number; detail: string; [k: string]: unknown };

/** A background job (api.md §11). */
export interface Job {
  readonly id: string;
  readonly kind: JobKind;
  readonly status: JobStatus;
  readonly done: number;
  readonly total: number | null;
  readonly result: unknown;
  readonly error: JobError | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  /** Runs so far; a run cut short by a dead instance counts, one handed back by a stop does not. */
  readonly attempts: number;
  /** When a delayed job may start (null: at once). */
  readonly startAfter: string | null;
}

/** A job as the runners see it: with its payload and who runs it. */
export interface StoredJob extends Job {
  readonly payload: unknown;
  readonly maxAttempts: number;
  readonly owner: string | null;
  readonly heartbeatAt: string | null;
}

/** Runs of a job before a dead instance's run makes it `failed` instead of queued again. */
export const MAX_ATTEMPTS = 3;

/** Keeps the terminal states terminal: no later write may change a finished job. */
export const isFinished = (s: JobStatus): boolean => s === 'succeeded' || s === 'failed' || s === 'canceled';
