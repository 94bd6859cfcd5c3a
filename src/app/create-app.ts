import { createClock, type Clock } from '../domain/shared/clock';
import { migrateToLatest } from '../storage/migrations';
import { createUnitOfWork } from '../storage/kysely/stores';
import { openDatabase, type DatabaseHandle } from '../storage/open-database';
import type { Config } from './config';
import { databaseStartError } from './database-start-error';
import type { Logger } from './logger';
import type { JobQueue } from '../domain/job/job-queue';
import { openJobQueue } from './jobs/create-job-queue';
import { createServices, type Services } from './services';

export interface App {
  readonly config: Config;
  readonly database: DatabaseHandle;
  readonly services: Services;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Stops taking jobs and hands the running ones back to the queue; close() does it too. */
  stopJobs(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The composition root: config → database (migrated) → stores → services, then the admin
 * bootstrap. Every start of the server or a CLI command goes through here.
 */
export async function createApp(
  config: Config,
  logger: Logger,
  opts: { clock?: Clock; runJobs?: boolean; cronCheckSeconds?: number; busyTimeoutMs?: number } = {},
): Promise<App> {
  let database: DatabaseHandle;
  try {
    database = openDatabase(config.databaseUrl, opts.busyTimeoutMs !== undefined ? { busyTimeoutMs: opts.busyTimeoutMs } : {});
  } catch (e) {
    throw databaseStartError(config.databaseUrl, e) ?? e;
  }
  let jobs: JobQueue | null = null;
  let exportDatabase: DatabaseHandle | null = null;
  try {
    const applied = await migrateToLatest(database.db, database.dialect);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    const clock = opts.clock ?? createClock(config.timeZone);
    const uow = createUnitOfWork(database.db, database.dialect);
    // On SQLite, downloads of whole sets read through a second connection with a 2 MiB page cache:
    // an export of every entry walks the whole table, and through the server's own connection it
    // would leave that connection's 64 MiB cache full for the rest of the process's life.
    if (database.dialect === 'sqlite' && config.databaseUrl !== 'sqlite::memory:')
      exportDatabase = openDatabase(config.databaseUrl, { cacheSizeKib: 2048 });
    const exportUow = exportDatabase ? createUnitOfWork(exportDatabase.db, exportDatabase.dialect) : uow;
    // jobs left running by a stopped instance are taken back by the runners' lease checks, never here
    jobs = await openJobQueue({
      config,
      database,
      uow,
      clock,
      logger,
      runs: opts.runJobs ?? true,
      ...(opts.cronCheckSeconds !== undefined && { cronCheckSeconds: opts.cronCheckSeconds }),
    });
    // api.md §12 names RAPPORT_SMTP_URL for e-mail delivery, which this version does not have yet:
    // delivery stays refused with delivery_not_available, and the setting is said to be unused
    if (config.smtpUrl !== null)
      logger.warn(
        'RAPPORT_SMTP_URL is set, but e-mail delivery is not available in this version; interactions are logged without delivery',
      );
    const services = createServices({ uow, exportUow, clock, jobs });
    const boot = await services.account.bootstrapAdmin(config.adminPassword);
    if (boot.created) {
      if (boot.generatedPassword)
        logger.warn(
          { username: 'admin', password: boot.generatedPassword },
          'first start: user admin created with this password (shown once)',
        );
      else logger.info({ username: 'admin' }, 'first start: user admin created with RAPPORT_ADMIN_PASSWORD');
    }
    // running jobs roll back and go back to the queue for another instance or the next start
    let jobsStopped: Promise<void> | null = null;
    const stopJobs = () => (jobsStopped ??= services.jobs.close());
    return {
      config,
      database,
      services,
      clock,
      logger,
      stopJobs,
      async close() {
        await stopJobs();
        await exportDatabase?.close();
        await database.close();
      },
    };
  } catch (e) {
    await jobs?.close().catch(() => undefined);
    await exportDatabase?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw databaseStartError(config.databaseUrl, e) ?? e;
  }
}
