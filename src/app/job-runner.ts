import { randomUUID } from 'node:crypto';
import { DomainError, notFound } from '../domain/shared/errors';
import type { Job, JobKind } from '../domain/job/job';
import type { Clock } from '../domain/shared/clock';
import type { UnitOfWork } from '../domain/shared/unit-of-work';
import type { Stores } from '../domain/stores';

export interface Progress {
  /** Called by the work with rows done so far and the total once known. */
  (done: number, total?: number | null): void;
}

/**
 * Runs long operations in the background. Each job's work is one transaction; progress is kept
 * in memory while it runs (api.md §13.24) and the final state is stored.
 */
export function createJobRunner({ uow, clock }: { uow: UnitOfWork<Stores>; clock: Clock }) {
  const live = new Map<string, { done: number; total: number | null }>();
  const running = new Set<Promise<unknown>>();
  return {
    async start(kind: JobKind, createdBy: string, work: (progress: Progress) => Promise<unknown>): Promise<string> {
      const id = randomUUID();
      const job: Job = {
        id,
        kind,
        status: 'queued',
        done: 0,
        total: null,
        result: null,
        error: null,
        createdBy,
        createdAt: clock.now().toISOString(),
        finishedAt: null,
      };
      await uow.transaction((s) => s.jobs.insert(job));
      const state = { done: 0, total: null as number | null };
      live.set(id, state);
      const p = (async () => {
        await uow.transaction((s) => s.jobs.setRunning(id));
        try {
          const result = await work((done, total) => {
            state.done = done;
            if (total !== undefined) state.total = total;
          });
          await uow.transaction((s) =>
            s.jobs.finish(id, { status: 'succeeded', done: state.total ?? state.done, total: state.total, result, error: null, finishedAt: clock.now().toISOString() }),
          );
        } catch (e) {
          const error =
            e instanceof DomainError
              ? { code: e.code, detail: e.detail, ...e.extra }
              : { code: 'internal_error' as const, detail: 'An unexpected error occurred; nothing was changed.' };
          await uow.transaction((s) =>
            s.jobs.finish(id, { status: 'failed', done: state.done, total: state.total, result: null, error, finishedAt: clock.now().toISOString() }),
          );
        } finally {
          live.delete(id);
        }
      })();
      running.add(p);
      void p.finally(() => running.delete(p));
      return id;
    },
    /** The job as its creator (or an admin) sees it. */
    async get(id: string, viewer: { username: string; role: string }): Promise<Job> {
      const job = await uow.read((s) => s.jobs.get(id));
      if (!job || (job.createdBy !== viewer.username && viewer.role !== 'admin')) throw notFound.job(id);
      const state = live.get(id);
      return state && job.status !== 'succeeded' && job.status !== 'failed' ? { ...job, status: 'running', done: state.done, total: state.total } : job;
    },
    /** Waits for every running job (tests and shutdown). */
    async drain(): Promise<void> {
      while (running.size) await Promise.allSettled([...running]);
    },
    failInterrupted: () => uow.transaction((s) => s.jobs.failInterrupted(clock.now().toISOString())),
  };
}
