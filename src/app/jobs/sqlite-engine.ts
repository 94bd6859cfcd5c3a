import { randomUUID } from 'node:crypto';
import { MAX_ATTEMPTS, type StoredJob } from '../../domain/job/job';
import type { Clock } from '../../domain/shared/clock';
import type { UnitOfWork } from '../../domain/shared/unit-of-work';
import type { Stores } from '../../domain/stores';
import type { Logger } from '../logger';
import { checkCron, nextCronTime } from './cron';
import { executeJob, type Outcome } from './execute-job';
import type { JobEngine } from './job-engine';
import { newInstanceId, ownerAlive, retireInstanceId } from './instance-id';
import { createJobThread } from './sqlite-job-thread';
import { deadInstanceError, settle } from './settle';

const POLL_MS = 250;

/**
 * The embedded runner (decision 0011): polls the job rows, runs one job at a time in a worker
 * thread with its own connection (inline for an in-memory database, which a thread cannot share).
 * A running job holds SQLite's single write lock, so its progress lives in memory until it
 * commits, and a dead runner is recognised by its process being gone rather than by a lease.
 */
export function createSqliteEngine(opts: {
  uow: UnitOfWork<Stores>;
  clock: Clock;
  logger: Logger;
  databaseUrl: string;
  timeZone: string;
  runs: boolean;
}): JobEngine {
  const { uow, clock, logger } = opts;
  const owner = newInstanceId();
  const inline = opts.databaseUrl === 'sqlite::memory:';
  const thread = inline ? null : createJobThread(opts.databaseUrl, opts.timeZone);
  const live = new Map<string, { done: number; total: number | null }>();
  let current: { stop(): void; settled: Promise<void> } | null = null;
  let ticking = false;
  let closed = !opts.runs;

  const recoverDead = async (now: string) => {
    const running = await uow.read((s) => s.jobs.running());
    for (const job of running.filter((j) => j.owner !== null && !ownerAlive(j.owner))) {
      const to = await uow.transaction((s) => s.jobs.recover(job, deadInstanceError(job), now));
      if (to) logger.warn({ jobId: job.id, kind: job.kind, to }, 'job of a stopped instance taken back');
    }
  };

  const fireSchedules = async (now: Date) => {
    for (const s of await uow.read((st) => st.jobs.dueSchedules(now.toISOString()))) {
      await uow.transaction(async (st) => {
        if (!(await st.jobs.advanceSchedule(s.name, s.nextRunAt, nextCronTime(s.cron, now).toISOString()))) return;
        await st.jobs.insert({
          id: randomUUID(),
          kind: s.kind,
          payload: s.payload,
          createdBy: 'system',
          createdAt: clock.now().toISOString(),
          runAfter: null,
          maxAttempts: MAX_ATTEMPTS,
        });
      });
    }
  };

  const run = (job: StoredJob) => {
    live.set(job.id, { done: 0, total: null });
    const progress = (done: number, total: number | null) => live.set(job.id, { done, total });
    const target = { id: job.id, kind: job.kind, payload: job.payload, owner };
    let outcome: Promise<Outcome>;
    let stop: () => void;
    if (thread) {
      const r = thread.run(target, clock.now().getTime() - Date.now(), progress);
      outcome = r.outcome;
      stop = r.stop;
    } else {
      let stopped = false;
      stop = () => (stopped = true);
      outcome = executeJob({ uow, clock }, target, { progress, stopped: () => stopped });
    }
    const settled = outcome
      .then((o) => settle(uow, clock, job, owner, o))
      .catch((err: unknown) => logger.error({ err, jobId: job.id }, 'job state could not be stored'))
      .finally(() => {
        live.delete(job.id);
        current = null;
        setImmediate(() => void tick());
      });
    current = { stop, settled };
  };

  async function tick(): Promise<void> {
    if (closed || current || ticking) return;
    ticking = true;
    try {
      const now = new Date();
      await recoverDead(now.toISOString());
      await fireSchedules(now);
      const job = await uow.read((s) => s.jobs.claimNext(owner, now.toISOString()));
      if (job && !closed) run(job);
    } catch (err) {
      logger.error({ err }, 'job runner tick failed');
    } finally {
      ticking = false;
    }
  }

  const timer = opts.runs ? setInterval(() => void tick(), POLL_MS) : null;
  timer?.unref();
  if (opts.runs) setImmediate(() => void tick());

  return {
    runs: opts.runs,
    async enqueue() {
      setImmediate(() => void tick());
    },
    async schedule(name, cron, kind, payload) {
      checkCron(cron);
      const nextRunAt = nextCronTime(cron, new Date()).toISOString();
      await uow.transaction((s) => s.jobs.upsertSchedule({ name, cron, kind, payload, nextRunAt }));
    },
    unschedule: (name) => uow.transaction((s) => s.jobs.deleteSchedule(name)),
    live: (id) => live.get(id),
    async close() {
      closed = true;
      if (timer) clearInterval(timer);
      while (ticking) await new Promise((r) => setTimeout(r, 10));
      const c = current;
      if (c) {
        c.stop();
        await c.settled;
      }
      await thread?.close();
      retireInstanceId(owner);
    },
  };
}
