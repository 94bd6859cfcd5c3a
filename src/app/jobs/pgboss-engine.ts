import PgBoss from 'pg-boss';
import { JOB_KINDS, type JobKind } from '../../domain/job/job';
import type { Clock } from '../../domain/shared/clock';
import type { UnitOfWork } from '../../domain/shared/unit-of-work';
import type { Stores } from '../../domain/stores';
import type { Logger } from '../logger';
import { checkCron } from './cron';
import { executeJob } from './execute-job';
import type { JobEngine } from './job-engine';
import { newInstanceId, retireInstanceId } from './instance-id';
import { deadInstanceError, settle } from './settle';

/** Progress and lease are written at most this often while a job runs. */
const HEARTBEAT_MS = 500;
/** pg-boss's own expiry is a hard limit on a run (it has no heartbeat): only a backstop here. */
const BOSS_EXPIRE_HOURS = 12;
const SCHEDULE_PREFIX = 'rapport-schedule-';

type Delivery = { jobId: string };
type Fired = { kind: JobKind; payload: unknown };

/**
 * PostgreSQL runner on pg-boss 10 (decision 0011). pg-boss delivers a job id to one instance
 * (SKIP LOCKED), delays it (startAfter) and fires cron schedules once across instances; the job
 * row holds payload, progress and the lease. Each run renews its lease with its progress; an
 * instance whose lease lapses is presumed dead and its job queued again (its transaction rolled
 * back with its connection) or failed after its attempts.
 */
export async function createPgBossEngine(opts: {
  uow: UnitOfWork<Stores>;
  clock: Clock;
  logger: Logger;
  databaseUrl: string;
  runs: boolean;
  leaseMs: number;
  /** Seconds between cron checks (pg-boss fires each schedule at most once a minute). */
  cronCheckSeconds?: number;
  start: (kind: JobKind, payload: unknown) => Promise<string>;
}): Promise<JobEngine> {
  const { uow, clock, logger, leaseMs } = opts;
  const owner = newInstanceId();
  const boss = new PgBoss({
    connectionString: opts.databaseUrl,
    max: 4,
    supervise: opts.runs,
    schedule: opts.runs,
    cronMonitorIntervalSeconds: opts.cronCheckSeconds ?? 30,
    cronWorkerIntervalSeconds: Math.min(opts.cronCheckSeconds ?? 5, 5),
    maintenanceIntervalSeconds: 120,
  });
  boss.on('error', (err) => logger.error({ err }, 'pg-boss error'));
  const queueOptions = { retryLimit: 0, expireInHours: BOSS_EXPIRE_HOURS };
  // pg-boss creates a queue with DDL (a partition and its foreign key): two creations at once can
  // deadlock, so queues are made one at a time, only when missing, and a deadlock is tried again
  // (two servers starting together on a new database)
  const ensureQueue = async (name: string, options: PgBoss.Queue extends infer Q ? Omit<Q, 'name'> : never) => {
    for (let attempt = 1; ; attempt++) {
      if (await boss.getQueue(name)) return;
      try {
        return await boss.createQueue(name, { name, ...options });
      } catch (e) {
        // a deadlock, or the other server's queue row inserted first
        if (!['40P01', '23505'].includes((e as { code?: string }).code ?? '') || attempt >= 5) throw e;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
      }
    }
  };
  // a CLI command starts pg-boss only if it queues something: its start alone touches nothing
  let started: Promise<void> | null = null;
  const ready = () =>
    (started ??= (async () => {
      await boss.start();
      for (const kind of JOB_KINDS) await ensureQueue(kind, queueOptions);
    })());
  if (opts.runs) await ready();

  const running = new Map<string, { stop(): void; settled: Promise<void>; kind: JobKind }>();
  const workers = new Map<JobKind, string>();
  let closing = false;

  const deliver = async (kind: JobKind, jobId: string, startAfter: Date | null) => {
    await ready();
    await boss.send(kind, { jobId } satisfies Delivery, { ...queueOptions, ...(startAfter && { startAfter }) });
    const worker = workers.get(kind);
    if (worker && !startAfter) boss.notifyWorker(worker);
  };

  const runOne = async (kind: JobKind, jobId: string) => {
    // a delivery that arrives while this instance stops goes back for another instance
    if (closing) return deliver(kind, jobId, null);
    const job = await uow.read((s) => s.jobs.claim(jobId, owner, new Date().toISOString()));
    if (!job) return; // canceled, finished, or already another instance's
    const state = { done: 0, total: null as number | null, stopped: false };
    const beat = setInterval(
      () => {
        void uow
          .read((s) => s.jobs.heartbeat(jobId, owner, state.done, state.total, new Date().toISOString()))
          .then((mine) => {
            if (!mine) state.stopped = true;
          })
          .catch((err: unknown) => logger.warn({ err, jobId }, 'job heartbeat failed'));
      },
      Math.min(HEARTBEAT_MS, leaseMs / 3),
    );
    const settled = executeJob(
      { uow, clock },
      { id: jobId, kind, payload: job.payload, owner },
      {
        progress(done, total) {
          state.done = done;
          state.total = total;
        },
        stopped: () => state.stopped,
      },
    ).then(async (outcome) => {
      clearInterval(beat);
      await settle(uow, clock, job, owner, outcome);
      if (outcome.status === 'handed_back') await deliver(kind, jobId, null);
    });
    running.set(jobId, {
      kind,
      stop: () => (state.stopped = true),
      settled: settled.catch((err: unknown) => logger.error({ err, jobId }, 'job state could not be stored')),
    });
    try {
      await settled;
    } finally {
      clearInterval(beat);
      running.delete(jobId);
    }
  };

  // A job whose row committed but whose delivery never reached pg-boss (the process died between
  // the two), or was fetched by an instance that died before claiming it, would stay queued for
  // good: a queued job still waiting well past its due time is delivered once more. A second
  // delivery of a job that does run is harmless, as only one claim moves it to running.
  const orphanMs = Math.max(4 * leaseMs, 60_000);
  const redelivered = new Map<string, number>();
  const redeliverOrphans = async () => {
    const now = Date.now();
    for (const [id, at] of redelivered) if (now - at > orphanMs) redelivered.delete(id);
    const waiting = await uow.read((s) => s.jobs.queuedDueBy(new Date(now - orphanMs).toISOString(), 100));
    for (const job of waiting) {
      if (redelivered.has(job.id)) continue;
      redelivered.set(job.id, now);
      logger.warn({ jobId: job.id, kind: job.kind }, 'queued job past its due time delivered again');
      await deliver(job.kind, job.id, null);
    }
  };

  const recoverStale = async () => {
    const before = new Date(Date.now() - leaseMs).toISOString();
    const stale = (await uow.read((s) => s.jobs.running())).filter((j) => j.owner !== owner && (j.heartbeatAt ?? '') < before);
    for (const job of stale) {
      const to = await uow.transaction((s) => s.jobs.recover(job, deadInstanceError(job), clock.now().toISOString()));
      if (to) logger.warn({ jobId: job.id, kind: job.kind, owner: job.owner, to }, 'job of an instance that stopped reporting taken back');
      if (to === 'queued') await deliver(job.kind, job.id, null);
    }
  };

  let monitor: NodeJS.Timeout | null = null;
  if (opts.runs) {
    const ids = await Promise.all(
      JOB_KINDS.map((kind) =>
        boss.work<Delivery>(kind, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
          if (job) await runOne(kind, job.data.jobId);
        }),
      ),
    );
    JOB_KINDS.forEach((kind, i) => workers.set(kind, ids[i]!));
    monitor = setInterval(
      () =>
        void recoverStale()
          .then(redeliverOrphans)
          .catch((err: unknown) => logger.error({ err }, 'job lease check failed')),
      Math.max(250, leaseMs / 3),
    );
    monitor.unref();
  }

  const scheduleWorkers = new Set<string>();
  const watchSchedule = async (queue: string) => {
    if (!opts.runs || scheduleWorkers.has(queue)) return;
    scheduleWorkers.add(queue);
    await boss.work<Fired>(queue, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([fired]) => {
      if (fired) await opts.start(fired.data.kind, fired.data.payload);
    });
  };

  return {
    runs: opts.runs,
    enqueue: ({ id, kind, startAfter }) => deliver(kind, id, startAfter),
    async schedule(name, cron, kind, payload) {
      checkCron(cron);
      await ready();
      const queue = SCHEDULE_PREFIX + name;
      await ensureQueue(queue, { retryLimit: 0 });
      await boss.schedule(queue, cron, { kind, payload } satisfies Fired, { tz: 'UTC' });
      await watchSchedule(queue);
    },
    async unschedule(name) {
      await ready();
      await boss.unschedule(SCHEDULE_PREFIX + name);
    },
    live: () => undefined,
    async close() {
      closing = true;
      if (monitor) clearInterval(monitor);
      // each worker ends its polling loop on its own time: stop them together
      await Promise.all([...[...workers.values()].map((id) => boss.offWork({ id })), ...[...scheduleWorkers].map((q) => boss.offWork(q))]);
      for (const r of running.values()) r.stop();
      await Promise.all([...running.values()].map((r) => r.settled));
      if (started) await boss.stop({ graceful: true, wait: true, timeout: 5000 });
      retireInstanceId(owner);
    },
  };
}
