import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobThread } from '../../src/app/jobs/sqlite-job-thread';
import { migrateToLatest } from '../../src/storage/migrations';
import { openDatabase } from '../../src/storage/open-database';
import { freshDatabase } from '../support/test-app';
import { waitFor } from './job-support';

describe('the SQLite job thread [sqlite]', () => {
  let database: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    const handle = openDatabase(database.url);
    await migrateToLatest(handle.db, handle.dialect);
    await handle.close();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('stops once it has had no job for a while and starts again for the next job', async () => {
    const thread = createJobThread(database.url, 'UTC', 200);
    const purge = () => ({ id: randomUUID(), kind: 'idempotency_keys_purge' as const, payload: {}, owner: 'test' });
    try {
      expect(thread.started()).toBe(false);
      const first = await thread.run(purge(), 0, () => {}).outcome;
      await waitFor('the idle thread to stop', async () => (thread.started() ? undefined : true), 10_000);
      const second = await thread.run(purge(), 0, () => {}).outcome;
      // runs without a job row of their own: the thread answers `lost` for each, the first as the second
      expect(first).toEqual({ status: 'lost' });
      expect(second).toEqual(first);
      expect(thread.started()).toBe(true);
    } finally {
      await thread.close();
    }
    expect(thread.started()).toBe(false);
  });
});
