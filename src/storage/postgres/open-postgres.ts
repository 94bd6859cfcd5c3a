import { Kysely, PostgresDialect } from 'kysely';
import { createRequire } from 'node:module';
import type pgModule from 'pg';
import type { Database } from '../kysely/database';

let loaded: typeof pgModule | undefined;

/**
 * The pg driver, loaded on first use: a server on SQLite never holds it (a few MB of its idle
 * memory). int8 and numeric come back as strings by default; Rapport keeps integer cents and counts
 * well inside Number.MAX_SAFE_INTEGER, so they are read as numbers.
 */
export function loadPg(): typeof pgModule {
  if (!loaded) {
    loaded = createRequire(import.meta.url)('pg') as typeof pgModule;
    loaded.types.setTypeParser(20, (v) => Number(v));
    loaded.types.setTypeParser(1700, (v) => Number(v));
  }
  return loaded;
}

/** Opens a PostgreSQL pool for a postgres:// URL. */
export function openPostgres(url: string, max = 10): { db: Kysely<Database>; pool: pgModule.Pool } {
  const pool = new (loadPg().Pool)({ connectionString: url, max });
  // An idle client whose connection the server ends (restart, administrator command) is dropped by
  // the pool; without a listener that event would crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool };
}
