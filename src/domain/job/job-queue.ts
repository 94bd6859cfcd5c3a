import type { Page } from '../shared/unit-of-work';
import type { Job, JobKind, JobStatus } from './job';
import type { PayloadOf } from './job-payloads';

export interface StartOptions {
  readonly createdBy: string;
  /** A delayed job: it starts no earlier than this instant. */
  readonly startAfter?: Date;
}

export interface Viewer {
  readonly username: string;
  readonly role: string;
}

/**
 * The job port (decision 0011): durable jobs of a kind with a JSON payload, run by a handler
 * registered for the kind on whichever instance takes them. PostgreSQL runs them on pg-boss,
 * SQLite on the in-process runner.
 */
export interface JobQueue {
  /** Stores the job and queues it; answers its id. */
  start<K extends JobKind>(kind: K, payload: PayloadOf<K>, options: StartOptions): Promise<string>;
  /**
   * Runs a job of the kind at every time the cron expression names, on exactly one instance.
   * Setting a name again replaces its schedule.
   */
  schedule<K extends JobKind>(name: string, cron: string, kind: K, payload: PayloadOf<K>): Promise<void>;
  unschedule(name: string): Promise<void>;
  /** The job as its creator (or an admin) sees it. */
  get(id: string, viewer: Viewer): Promise<Job>;
  /** Every job, newest first (admin). */
  list(query: { status?: JobStatus; limit: number; cursor?: string | undefined }): Promise<Page<Job>>;
  /** A queued job is canceled; any other state → job_not_queued. */
  cancel(id: string, viewer: Viewer): Promise<Job>;
  /** Waits until no job due now is queued or running (tests). */
  drain(): Promise<void>;
  /** Stops taking jobs and hands running ones back to the queue. */
  close(): Promise<void>;
}

/** What a use case needs to start a job. */
export type JobStarter = Pick<JobQueue, 'start'>;
