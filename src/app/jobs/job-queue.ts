import { randomUUID } from 'node:crypto';
import { isFinished, MAX_ATTEMPTS, type Job, type StoredJob } from '../../domain/job/job';
import type { JobQueue } from '../../domain/job/job-queue';
import { decodeCursor, toPage } from '../../domain/shared/cursor';
import { invalid, notFound, failWith } from '../../domain/shared/errors';
import type { Clock } from '../../domain/shared/clock';
import type { UnitOfWork } from '../../domain/shared/unit-of-work';
import type { Stores } from '../../domain/stores';
import type { JobEngine } from './job-engine';

const publicJob = (j: StoredJob): Job => ({
  id: j.id,
  kind: j.kind,
  status: j.status,
  done: j.done,
  total: j.total,
  result: j.result,
  error: j.error,
  createdBy: j.createdBy,
  createdAt: j.createdAt,
  finishedAt: j.finishedAt,
  attempts: j.attempts,
  startAfter: j.startAfter,
});

/** The job port over the job rows and an engine that delivers them (decision 0011). */
export function createJobQueue({ uow, clock, engine }: { uow: UnitOfWork<Stores>; clock: Clock; engine: JobEngine }): JobQueue {
  const withLive = (j: StoredJob): Job => {
    const live = j.status === 'running' ? engine.live(j.id) : undefined;
    return publicJob(live ? { ...j, ...live } : j);
  };
  const visible = async (id: string, viewer: { username: string; role: string }) => {
    const job = await uow.read((s) => s.jobs.get(id));
    if (!job || (job.createdBy !== viewer.username && viewer.role !== 'admin')) throw notFound.job(id);
    return job;
  };
  return {
    async start(kind, payload, options) {
      const id = randomUUID();
      const startAfter = options.startAfter ?? null;
      await uow.transaction((s) =>
        s.jobs.insert({
          id,
          kind,
          payload,
          createdBy: options.createdBy,
          createdAt: clock.now().toISOString(),
          runAfter: startAfter && startAfter.toISOString(),
          maxAttempts: MAX_ATTEMPTS,
        }),
      );
      await engine.enqueue({ id, kind, startAfter });
      return id;
    },
    schedule: (name, cron, kind, payload) => engine.schedule(name, cron, kind, payload),
    unschedule: (name) => engine.unschedule(name),
    get: async (id, viewer) => withLive(await visible(id, viewer)),
    list: ({ status, limit, cursor }) =>
      uow.read(async (s) => {
        const scope = { list: 'jobs', status: status ?? null };
        const after = decodeCursor(cursor, scope);
        if (after && !(after.length === 2 && typeof after[0] === 'string' && typeof after[1] === 'string'))
          throw invalid([{ path: 'query.cursor', message: 'is not a cursor of this list with these filters and sort' }]);
        const key = after ? ([after[0], after[1]] as [string, string]) : null;
        const rows = await s.jobs.list(status ? { status } : {}, key, limit + 1);
        const page = toPage(rows, limit, (r) => [r.createdAt, r.id], scope);
        return { items: page.items.map(withLive), nextCursor: page.nextCursor };
      }),
    async cancel(id, viewer) {
      const job = await visible(id, viewer);
      const canceled = await uow.transaction((s) => s.jobs.cancel(id, clock.now().toISOString()));
      if (!canceled) throw failWith('job_not_queued', { jobStatus: isFinished(job.status) ? job.status : 'running' }, id, job.status);
      return withLive(await visible(id, viewer));
    },
    async drain() {
      if (!engine.runs) return;
      while ((await uow.read((s) => s.jobs.pendingDue(new Date().toISOString()))) > 0) await new Promise((r) => setTimeout(r, 25));
    },
    close: () => engine.close(),
  };
}
