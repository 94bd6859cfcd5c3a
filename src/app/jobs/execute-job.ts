import { messageOf } from '../../domain/shared/error-catalogue';
import type { JobError, JobKind } from '../../domain/job/job';
import { DomainError } from '../../domain/shared/errors';
import type { Clock } from '../../domain/shared/clock';
import type { UnitOfWork } from '../../domain/shared/unit-of-work';
import type { Stores } from '../../domain/stores';
import { createJobHandlers } from './job-handlers';

/** How a run ended: its transaction committed, failed, was rolled back for a stop, or lost its lease. */
export type Outcome =
  | { readonly status: 'succeeded'; readonly result: unknown; readonly done: number; readonly total: number | null }
  | { readonly status: 'failed'; readonly error: JobError; readonly done: number; readonly total: number | null }
  | { readonly status: 'handed_back' }
  | { readonly status: 'lost' };

export interface Run {
  readonly id: string;
  readonly kind: JobKind;
  readonly payload: unknown;
  readonly owner: string;
}

class Stopped extends Error {}
class Lost extends Error {}

export function problemOf(e: unknown): JobError {
  return e instanceof DomainError
    ? { code: e.code, detail: e.detail, ...e.extra }
    : { code: 'internal_error', detail: messageOf('internal_error') };
}

/**
 * Runs one job in the calling thread. The job's transaction also marks it succeeded, owner-checked,
 * so the work and its `succeeded` commit together or not at all: a run whose lease another instance
 * took over rolls back. `stopped()` is asked at every progress report; a stop rolls back too.
 */
export async function executeJob(
  deps: { uow: UnitOfWork<Stores>; clock: Clock },
  run: Run,
  opts: { progress(done: number, total: number | null): void; stopped(): boolean },
): Promise<Outcome> {
  const state = { done: 0, total: null as number | null };
  const uow: UnitOfWork<Stores> = {
    read: (fn) => deps.uow.read(fn),
    transaction: (fn) =>
      deps.uow.transaction(async (s) => {
        const result = await fn(s);
        if (opts.stopped()) throw new Stopped();
        const finished = await s.jobs.finish(run.id, run.owner, {
          status: 'succeeded',
          done: state.total ?? state.done,
          total: state.total,
          result,
          error: null,
          finishedAt: deps.clock.now().toISOString(),
        });
        if (!finished) throw new Lost();
        return result;
      }),
  };
  const handlers = createJobHandlers({ uow, clock: deps.clock });
  const handler = handlers[run.kind] as (payload: unknown, progress: (done: number, total?: number | null) => void) => Promise<unknown>;
  try {
    const result = await handler(run.payload, (done, total) => {
      if (opts.stopped()) throw new Stopped();
      state.done = done;
      if (total !== undefined) state.total = total;
      opts.progress(state.done, state.total);
    });
    return { status: 'succeeded', result, done: state.total ?? state.done, total: state.total };
  } catch (e) {
    if (e instanceof Stopped) return { status: 'handed_back' };
    if (e instanceof Lost) return { status: 'lost' };
    return { status: 'failed', error: problemOf(e), done: state.done, total: state.total };
  }
}
