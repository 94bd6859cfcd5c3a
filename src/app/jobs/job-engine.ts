import type { JobKind } from '../../domain/job/job';

/** What differs between the runners: how a stored job reaches an instance that runs it. */
export interface JobEngine {
  /** The job row is stored; deliver it to a runner (now, or at `startAfter`). */
  enqueue(job: { id: string; kind: JobKind; startAfter: Date | null }): Promise<void>;
  schedule(name: string, cron: string, kind: JobKind, payload: unknown): Promise<void>;
  unschedule(name: string): Promise<void>;
  /** Progress this instance holds in memory for a job it runs (SQLite: the job holds the write lock). */
  live(id: string): { done: number; total: number | null } | undefined;
  /** Whether this instance runs jobs (a CLI command only queues them). */
  readonly runs: boolean;
  /** Stops taking jobs; running ones are rolled back and queued again. */
  close(): Promise<void>;
}
