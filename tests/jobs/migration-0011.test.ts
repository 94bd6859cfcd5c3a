import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateToLatest } from '../../src/storage/migrations';
import { up } from '../../src/storage/migrations/0011-durable-jobs';
import { openDatabase, type DatabaseHandle } from '../../src/storage/open-database';
import { describePerDialect, freshDatabase } from '../support/test-app';

describePerDialect(
  'migration 0011 (durable jobs)',
  async (dialect) => {
    const database = await freshDatabase(dialect);
    return { database, handle: openDatabase(database.url), dialect };
  },
  async ({ database, handle }) => {
    await handle.close();
    await database.drop();
  },
  (get) => {
    it('can be run again after a run cut short, keeping the job rows', async () => {
      const { handle, dialect }: { handle: DatabaseHandle; dialect: 'sqlite' | 'postgres' } = get();
      await migrateToLatest(handle.db, dialect);
      await handle.db
        .insertInto('jobs')
        .values({
          id: 'j1',
          kind: 'contacts_import',
          status: 'succeeded',
          done: 2,
          total: 2,
          result: '{}',
          error: null,
          created_by: 'admin',
          created_at: '2026-12-01T00:00:00.000Z',
          finished_at: '2026-12-01T00:00:01.000Z',
        } as never)
        .execute();
      // as if the first run stopped after some of its steps: every step is done again
      await up(handle.db, dialect);
      await up(handle.db, dialect);
      const row = await handle.db.selectFrom('jobs').selectAll().where('id', '=', 'j1').executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'succeeded', attempts: 0, max_attempts: 3, payload: null, owner: null });
      const n = await sql<{ n: number }>`select count(*) as n from jobs`.execute(handle.db);
      expect(Number(n.rows[0]!.n)).toBe(1);
    });
  },
);
