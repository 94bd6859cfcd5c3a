import type { JobKind, JobStatus, StoredJob } from './job';

export interface NewJob {
  readonly id: string;
  readonly kind: JobKind;
  readonly payload: unknown;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly runAfter: string | null;
  readonly maxAttempts: number;
}

export interface JobSchedule {
  readonly name: string;
  readonly cron: string;
  readonly kind: JobKind;
  readonly payload: unknown;
  readonly nextRunAt: string;
}

/**
 * Durable job rows. Every change of state is conditional on the state it leaves (and, for a
 * running job, on its owner), so two instances never both move one job.
 */
export interface JobStore {
  insert(job: NewJob): Promise<void>;
  get(id: string): Promise<StoredJob | null>;
  /** Newest first; `after` is the [createdAt, id] of the last row of the previous page. */
  list(filter: { status?: JobStatus }, after: readonly [string, string] | null, limit: number): Promise<StoredJob[]>;
  /** queued → running for `owner`, one more attempt; null when the job is not queued (any more). */
  claim(id: string, owner: string, at: string): Promise<StoredJob | null>;
  /** The oldest queued job due at `at`, claimed for `owner` (the SQLite runner polls with it). */
  claimNext(owner: string, at: string): Promise<StoredJob | null>;
  /** Stores progress and renews the owner's lease; false when the job is no longer the owner's. */
  heartbeat(id: string, owner: string, done: number, total: number | null, at: string): Promise<boolean>;
  /** running → succeeded or failed, when still the owner's (succeeded again: the result once more). */
  finish(
    id: string,
    owner: string,
    changes: { status: 'succeeded' | 'failed'; done: number; total: number | null; result: unknown; error: unknown; finishedAt: string },
  ): Promise<boolean>;
  /** running → queued without counting the attempt (a stop handed it back). */
  handBack(id: string, owner: string): Promise<boolean>;
  /**
   * A running job whose owner stopped reporting: queued again while attempts remain, else failed
   * with `error`. Conditional on the owner and lease read, so one instance does it. Answers the
   * new status, or null when another instance got there first.
   */
  recover(job: StoredJob, error: unknown, finishedAt: string): Promise<'queued' | 'failed' | null>;
  /** Jobs running, with their owners and leases. */
  running(): Promise<StoredJob[]>;
  /** Queued jobs that were due by `before` (oldest first, at most `limit`), without their payloads. */
  queuedDueBy(before: string, limit: number): Promise<StoredJob[]>;
  /** queued → canceled; false when the job is not queued. */
  cancel(id: string, finishedAt: string): Promise<boolean>;
  /** Whether a queued or running job is due at `at` (tests and stops wait on it). */
  pendingDue(at: string): Promise<number>;
  /** The runner's own schedules (SQLite; pg-boss keeps them on PostgreSQL). */
  upsertSchedule(schedule: JobSchedule): Promise<void>;
  deleteSchedule(name: string): Promise<void>;
  dueSchedules(at: string): Promise<JobSchedule[]>;
  /** Moves a schedule from `from` to `to`; false when another runner moved it first. */
  advanceSchedule(name: string, from: string, to: string): Promise<boolean>;
}
