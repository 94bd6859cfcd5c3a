import type { Job } from './job';

export interface JobStore {
  insert(job: Job): Promise<void>;
  get(id: string): Promise<Job | null>;
  finish(id: string, changes: Pick<Job, 'status' | 'done' | 'total' | 'result' | 'error' | 'finishedAt'>): Promise<void>;
  setRunning(id: string): Promise<void>;
  /** Jobs left queued or running by a stopped process: their transaction never committed. */
  failInterrupted(finishedAt: string): Promise<number>;
}
