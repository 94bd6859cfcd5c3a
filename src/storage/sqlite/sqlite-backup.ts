import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { BackupError } from '../backup-error';

// Pages copied per step of the backup API: all of them in one step. A copy made in several steps
// starts again whenever another process (the running server) writes between two steps; one step
// reads one snapshot, and in WAL mode the server keeps writing meanwhile.
const ALL_PAGES = 0x7fffffff;

function tableCount(db: SQLite.Database): number {
  return Number(db.prepare(`select count(*) as n from sqlite_master where type = 'table'`).pluck().get());
}

function open(path: string, what: string): SQLite.Database {
  try {
    const db = new SQLite(path, { fileMustExist: true });
    db.pragma('busy_timeout = 10000');
    return db;
  } catch (e) {
    throw new BackupError('invalid', `${what} ${path} cannot be opened: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Copies the SQLite database at `path` into `file` (which must not exist) with SQLite's online backup API. */
export async function backupSqlite(path: string, file: string): Promise<{ pages: number }> {
  const target = resolve(file);
  if (resolve(path) === target) throw new BackupError('invalid', `${file} is the database itself; name another file`);
  if (existsSync(target)) throw new BackupError('refused', `${file} exists; name a new file (a backup never overwrites one)`);
  const source = open(path, 'the database');
  // written under another name and renamed when complete, so FILE is never a partial copy
  const partial = `${target}.partial-${process.pid}`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    const { totalPages } = await source.backup(partial, { progress: () => ALL_PAGES });
    // the copy keeps its own journal mode as a single file
    const copy = new SQLite(partial);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    renameSync(partial, target);
    return { pages: totalPages };
  } catch (e) {
    rmSync(partial, { force: true });
    throw e instanceof BackupError ? e : new BackupError('failed', `backup failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    source.close();
  }
}

/**
 * Copies the backup `file` into the SQLite database at `path`, which must be new or have no table.
 * The copy is made beside it and renamed into place when complete: a restore cut short leaves
 * the database as it was, and can be run again.
 */
export async function restoreSqlite(file: string, path: string): Promise<{ pages: number }> {
  if (!existsSync(file)) throw new BackupError('invalid', `${file} does not exist`);
  const source = open(file, 'the backup');
  const target = resolve(path);
  const partial = `${target}.restoring-${process.pid}`;
  try {
    const hasMigrations = source.prepare(`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`).get();
    if (!hasMigrations) throw new BackupError('invalid', `${file} is not a Rapport backup (it has no kysely_migration table)`);
    if (existsSync(target)) {
      const existing = open(target, 'the database');
      const tables = tableCount(existing);
      existing.close();
      if (tables > 0)
        throw new BackupError(
          'refused',
          `the database ${path} is not empty (${tables} tables): restore only into a new database; point RAPPORT_DATABASE_URL at a new file`,
        );
    }
    mkdirSync(dirname(target), { recursive: true });
    const { totalPages } = await source.backup(partial, { progress: () => ALL_PAGES });
    // an empty database's write-ahead log would otherwise be replayed into the restored file
    for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
    renameSync(partial, target);
    return { pages: totalPages };
  } catch (e) {
    rmSync(partial, { force: true });
    throw e instanceof BackupError ? e : new BackupError('failed', `restore failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    source.close();
  }
}
