import { sql } from 'kysely';
import { expect, it } from 'vitest';
import * as sharedClaims from '../../src/storage/migrations/0012-shared-claims';
import { migrateToLatest } from '../../src/storage/migrations';
import { openDatabase } from '../../src/storage/open-database';
import { describePerDialect, freshDatabase } from '../support/test-app';

// Migration 0012 can be run again after a run that was cut short (SQLite runs DDL outside a
// transaction), and keeps the answers stored before it as finished ones.

describePerDialect(
  'migration 0012 (idempotency claims, sign-in failures)',
  async (dialect) => {
    const database = await freshDatabase(dialect);
    return { database, handle: openDatabase(database.url), dialect };
  },
  async ({ database, handle }) => {
    await handle.close();
    await database.drop();
  },
  (get) => {
    it('runs again after a cut-short run and marks older keys done', async () => {
      const { handle, dialect } = get();
      await migrateToLatest(handle.db, dialect);
      await handle.db
        .insertInto('idempotency_keys')
        .values({
          username: 'admin',
          key: 'old',
          fingerprint: 'f',
          status: 201,
          headers: '{}',
          body: '{}',
          created_at: '2026-01-01T00:00:00.000Z',
        })
        .execute();
      // as if the first run had stopped after adding the columns
      await sql`drop table login_failures`.execute(handle.db);
      await sharedClaims.up(handle.db, dialect);
      await sharedClaims.up(handle.db, dialect);
      const row = await handle.db
        .selectFrom('idempotency_keys')
        .select(['state', 'claim'])
        .where('key', '=', 'old')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ state: 'done', claim: null });
      await handle.db.insertInto('login_failures').values({ subject: 'u:x', failed_at: '2026-01-01T00:00:00.000Z' }).execute();
      expect(await handle.db.selectFrom('login_failures').selectAll().execute()).toHaveLength(1);
    });
  },
);
