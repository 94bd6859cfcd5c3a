import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/open-database';
import { runCli } from '../support/cli';
import { startServerProcess } from '../support/server-process';
import { freshDatabase } from '../support/test-app';
import { contactsCsv, countContactsIn, jobEnded, waitFor } from './job-support';

const ROWS = 60_000;

/** The embedded default: one `rapport serve` on a SQLite file, killed while it runs a job. */
describe('a SQLite job whose server is killed [sqlite]', () => {
  let database: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    database = await freshDatabase('sqlite');
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('runs again at the next start, once, with nothing of the killed run left', async () => {
    const first = await startServerProcess({ databaseUrl: database.url });
    const token = (await runCli(['token', 'create', 'admin'], { databaseUrl: database.url })).stdout.trim();
    const auth = { authorization: `Bearer ${token}` };
    const started = await fetch(`${first.base}/api/v1/contacts/import?async=true`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/csv' },
      body: contactsCsv(ROWS, 'Restart'),
    });
    const { jobId } = (await started.json()) as { jobId: string };
    await waitFor('the import to make progress', async () => {
      const j = (await (await fetch(`${first.base}/api/v1/jobs/${jobId}`, { headers: auth })).json()) as { status: string; done: number };
      return j.status === 'running' && j.done > 0 ? j : undefined;
    });
    expect(await first.stop('SIGKILL')).toBe('SIGKILL');

    const handle = openDatabase(database.url);
    try {
      const count = () => countContactsIn(handle.db, 'Restart');
      expect(await count()).toBe(0);
      // a CLI command on the database touches no job row: the job is still the dead server's
      expect((await runCli(['user', 'list'], { databaseUrl: database.url })).code).toBe(0);
      expect(await handle.db.selectFrom('jobs').select(['status', 'attempts']).where('id', '=', jobId).executeTakeFirstOrThrow()).toEqual({
        status: 'running',
        attempts: 1,
      });

      const next = await startServerProcess({ databaseUrl: database.url });
      try {
        const done = await jobEnded(next.base, jobId, auth, 'the job to run again', 120_000);
        expect(done).toMatchObject({ status: 'succeeded', attempts: 2, done: ROWS, result: { imported: ROWS } });
        expect(await count()).toBe(ROWS);
      } finally {
        await next.stop();
      }
    } finally {
      await handle.close();
    }
  }, 240_000);
});
