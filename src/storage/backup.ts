import { BackupError } from './backup-error';
import { backupPostgres, restorePostgres } from './postgres/postgres-backup';
import { backupSqlite, restoreSqlite } from './sqlite/sqlite-backup';

export { BackupError, type BackupErrorKind } from './backup-error';

function sqlitePath(url: string): string {
  const path = url.slice('sqlite:'.length);
  if (path === ':memory:') throw new BackupError('invalid', 'an in-memory database has nothing to back up or restore into');
  return path;
}

/**
 * Writes a backup of the database named by a RAPPORT_DATABASE_URL value into `file`: SQLite's
 * online backup API for SQLite, pg_dump (custom format) for PostgreSQL. The server may keep
 * running meanwhile; `file` must not exist.
 */
export async function backupDatabase(url: string, file: string): Promise<void> {
  if (url.startsWith('sqlite:')) await backupSqlite(sqlitePath(url), file);
  else await backupPostgres(url, file);
}

/** Restores a backup made by backupDatabase into an empty database of the same kind. */
export async function restoreDatabase(url: string, file: string): Promise<void> {
  if (url.startsWith('sqlite:')) await restoreSqlite(file, sqlitePath(url));
  else await restorePostgres(file, url);
}
