import type { JobError, StoredJob } from '../../domain/job/job';
import type { Clock } from '../../domain/shared/clock';
import type { UnitOfWork } from '../../domain/shared/unit-of-work';
import type { Stores } from '../../domain/stores';
import type { Outcome } from './execute-job';

/** The reason a job fails once its runs were all cut short by instances that died. */
export const deadInstanceError = (job: StoredJob): JobError => ({
  code: 'internal_error',
  detail: `The job was interrupted ${job.attempts} time(s) by an instance that stopped running; nothing was changed.`,
});

/** Stores how a run ended; a run that lost its lease stores nothing (its new owner will). */
export async function settle(uow: UnitOfWork<Stores>, clock: Clock, job: { id: string }, owner: string, o: Outcome): Promise<void> {
  const finishedAt = clock.now().toISOString();
  if (o.status === 'succeeded')
    await uow.transaction((s) =>
      s.jobs.finish(job.id, owner, { status: 'succeeded', done: o.done, total: o.total, result: o.result, error: null, finishedAt }),
    );
  else if (o.status === 'failed')
    await uow.transaction((s) =>
      s.jobs.finish(job.id, owner, { status: 'failed', done: o.done, total: o.total, result: null, error: o.error, finishedAt }),
    );
  else if (o.status === 'handed_back') await uow.transaction((s) => s.jobs.handBack(job.id, owner));
}
