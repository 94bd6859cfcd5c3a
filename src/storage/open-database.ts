import type { Kysely } from 'kysely';
import type { Database } from './kysely/database';
import { openPostgres } from './postgres/open-postgres';
import { openSqlite } from './sqlite/open-sqlite';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  close(): Promise<void>;
}

/** Opens the database named by a RAPPORT_DATABASE_URL value (`busyTimeoutMs`, `cacheSizeKib`: SQLite only). */
export function openDatabase(url: string, opts: { busyTimeoutMs?: number; cacheSizeKib?: number } = {}): DatabaseHandle {
  if (url.startsWith('sqlite:')) {
    const { db } = openSqlite(url.slice('sqlite:'.length), opts);
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  const { db } = openPostgres(url);
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
