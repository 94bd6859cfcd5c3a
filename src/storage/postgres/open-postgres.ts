import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import { createRequire } from 'node:module';
import type pgModule from 'pg';
import type { Database } from '../kysely/database';
import { preparedName } from '../kysely/prepared';

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

/**
 * The statements of the request path (src/storage/kysely/prepared.ts) run as named prepared
 * statements: each connection parses and plans them once instead of at every call. Every other
 * statement (DDL, bulk writes of varying shape) goes as it is.
 */
function namingPrepared(pool: pgModule.Pool): PostgresPool {
  const clients = new WeakMap<pgModule.PoolClient, PostgresPoolClient>();
  const wrap = (client: pgModule.PoolClient): PostgresPoolClient => ({
    query: ((q: unknown, values: unknown[]) => {
      if (typeof q !== 'string') return client.query(q as never);
      const name = preparedName(q);
      return name === undefined ? client.query(q, values) : client.query({ name, text: q, values });
    }) as unknown as PostgresPoolClient['query'],
    release: (destroy) => client.release(destroy),
  });
  return {
    async connect() {
      const client = await pool.connect();
      let wrapped = clients.get(client);
      if (!wrapped) clients.set(client, (wrapped = wrap(client)));
      return wrapped;
    },
    end: () => pool.end(),
  };
}

/** Opens a PostgreSQL pool for a postgres:// URL. */
export function openPostgres(url: string, max = 10): { db: Kysely<Database>; pool: pgModule.Pool } {
  const pool = new (loadPg().Pool)({ connectionString: url, max });
  // An idle client whose connection the server ends (restart, administrator command) is dropped by
  // the pool; without a listener that event would crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: namingPrepared(pool) }) });
  return { db, pool };
}
