import { createClock, type Clock } from '../domain/shared/clock';
import { migrateToLatest } from '../storage/migrations';
import { createUnitOfWork } from '../storage/kysely/stores';
import { openDatabase, type DatabaseHandle } from '../storage/open-database';
import type { Config } from './config';
import type { Logger } from './logger';
import { createServices, type Services } from './services';

export interface App {
  readonly config: Config;
  readonly database: DatabaseHandle;
  readonly services: Services;
  readonly clock: Clock;
  readonly logger: Logger;
  close(): Promise<void>;
}

/**
 * The composition root: config → database (migrated) → stores → services, then the admin
 * bootstrap. Every start of the server or a CLI command goes through here.
 */
export async function createApp(config: Config, logger: Logger, opts: { clock?: Clock } = {}): Promise<App> {
  const database = openDatabase(config.databaseUrl);
  try {
    const applied = await migrateToLatest(database.db, database.dialect);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    const clock = opts.clock ?? createClock(config.timeZone);
    const uow = createUnitOfWork(database.db, database.dialect);
    const services = createServices({ uow, clock, smtpUrl: config.smtpUrl });
    await services.jobs.failInterrupted();
    const boot = await services.account.bootstrapAdmin(config.adminPassword);
    if (boot.created) {
      if (boot.generatedPassword) logger.warn({ username: 'admin', password: boot.generatedPassword }, 'first start: user admin created with this password (shown once)');
      else logger.info({ username: 'admin' }, 'first start: user admin created with RAPPORT_ADMIN_PASSWORD');
    }
    return {
      config,
      database,
      services,
      clock,
      logger,
      async close() {
        await services.jobs.drain();
        await database.close();
      },
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}
