import type { JobKind } from '../../domain/job/job';
import type { JobQueue } from '../../domain/job/job-queue';
import type { PayloadOf } from '../../domain/job/job-payloads';
import type { Clock } from '../../domain/shared/clock';
import type { UnitOfWork } from '../../domain/shared/unit-of-work';
import type { Stores } from '../../domain/stores';
import type { DatabaseHandle } from '../../storage/open-database';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { JobEngine } from './job-engine';
import { createJobQueue } from './job-queue';

/**
 * The job queue of the dialect: pg-boss on PostgreSQL, the embedded runner on SQLite. `runs`:
 * whether this process takes jobs (the server does; a CLI command only reads and queues).
 */
export async function openJobQueue(opts: {
  config: Config;
  database: DatabaseHandle;
  uow: UnitOfWork<Stores>;
  clock: Clock;
  logger: Logger;
  runs: boolean;
  cronCheckSeconds?: number;
}): Promise<JobQueue> {
  const { config, database, uow, clock, logger, runs } = opts;
  const leaseMs = (config.jobLeaseSeconds ?? 30) * 1000;
  let queue: JobQueue | null = null;
  const start = (kind: JobKind, payload: unknown) => queue!.start(kind, payload as PayloadOf<typeof kind>, { createdBy: 'system' });
  // each engine is loaded on its dialect only, so that a server on SQLite does not hold pg-boss
  const engine: JobEngine =
    database.dialect === 'postgres'
      ? await import('./pgboss-engine').then(({ createPgBossEngine }) =>
          createPgBossEngine({
            uow,
            clock,
            logger,
            databaseUrl: config.databaseUrl,
            runs,
            leaseMs,
            start,
            ...(opts.cronCheckSeconds !== undefined && { cronCheckSeconds: opts.cronCheckSeconds }),
          }),
        )
      : await import('./sqlite-engine').then(({ createSqliteEngine }) =>
          createSqliteEngine({ uow, clock, logger, databaseUrl: config.databaseUrl, timeZone: config.timeZone, runs }),
        );
  queue = createJobQueue({ uow, clock, engine });
  return queue;
}
