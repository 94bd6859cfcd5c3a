import { backupDatabase, restoreDatabase } from '../storage/backup';
import { migrateToLatest } from '../storage/migrations';
import { openDatabase } from '../storage/open-database';
import type { Config } from './config';
import { databaseStartError } from './database-start-error';

export { BackupError, type BackupErrorKind } from '../storage/backup';

// as every CLI command (cli/context.ts): beside a running SQLite job, wait for its write lock as
// long as a job can take instead of failing with "database is locked"
const BUSY_TIMEOUT_MS = 10 * 60 * 1000;

/** Applies pending migrations to the configured database; answers the names applied. */
export async function migrate(config: Config): Promise<string[]> {
  try {
    const database = openDatabase(config.databaseUrl, { busyTimeoutMs: BUSY_TIMEOUT_MS });
    try {
      return await migrateToLatest(database.db, database.dialect);
    } finally {
      await database.close().catch(() => undefined);
    }
  } catch (e) {
    throw databaseStartError(config.databaseUrl, e) ?? e;
  }
}

/** Writes a backup of the configured database into `file`, which must not exist (docs/backup.md). */
export async function backup(config: Config, file: string): Promise<void> {
  await backupDatabase(config.databaseUrl, file);
}

/**
 * Restores a backup into the configured database, which must be empty, then applies the
 * migrations a backup of an older version lacks; answers their names.
 */
export async function restore(config: Config, file: string): Promise<string[]> {
  await restoreDatabase(config.databaseUrl, file);
  return migrate(config);
}
