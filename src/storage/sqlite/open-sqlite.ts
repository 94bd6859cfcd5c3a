import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type SqliteDatabase,
} from 'kysely';
import type { Database } from '../kysely/database';

// Write transactions take SQLite's write lock when they begin (BEGIN IMMEDIATE), so a second
// process (the CLI beside the server) waits for the busy timeout instead of failing with
// "database is locked" when a deferred transaction tries to upgrade its read lock.
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

// SQLite runs DDL inside transactions (only a few PRAGMAs and VACUUM cannot), but Kysely's adapter
// says it does not, so its Migrator would run every migration in autocommit: a process killed
// half-way through a migration would leave its first statements applied and the migration not
// recorded. Saying so makes the Migrator wrap each run, bookkeeping included, in one transaction.
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly options: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(options);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.options);
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/**
 * Kysely prepares every query anew; preparing costs more than running most of Rapport's
 * statements (an entry insert compiles its statistics triggers), so prepared statements are kept
 * by their SQL text, least recently used first out. One connection runs one statement at a time.
 */
function withStatementCache(raw: SQLite.Database, max = 1000): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => raw.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (statement) {
        cache.delete(text);
      } else {
        statement = raw.prepare(text);
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      }
      cache.set(text, statement);
      return statement as unknown as ReturnType<SqliteDatabase['prepare']>;
    },
  };
}

/**
 * Opens a SQLite file (or `:memory:`) in WAL mode with foreign keys on. A write waits up to
 * `busyTimeoutMs` (default 10 s) for another connection's write lock; the page cache holds up to
 * `cacheSizeKib` (default 64 MiB).
 */
export function openSqlite(
  path: string,
  opts: { busyTimeoutMs?: number; cacheSizeKib?: number } = {},
): { db: Kysely<Database>; raw: SQLite.Database } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new SQLite(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 10_000}`);
  // WAL with synchronous=NORMAL is durable across application crashes (SQLite docs).
  raw.pragma('synchronous = NORMAL');
  // a 64 MiB page cache keeps the entry indexes in memory during bulk deletes and logs
  raw.pragma(`cache_size = -${opts.cacheSizeKib ?? 65536}`);
  raw.pragma('temp_store = MEMORY');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(raw) }) });
  return { db, raw };
}
