import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../kysely/database';

// int8 and numeric come back as strings by default; Rapport keeps integer cents and counts well
// inside Number.MAX_SAFE_INTEGER, so they are read as numbers.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/** Opens a PostgreSQL pool for a postgres:// URL. */
export function openPostgres(url: string, max = 10): { db: Kysely<Database>; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client whose connection the server ends (restart, administrator command) is dropped by
  // the pool; without a listener that event would crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool };
}
