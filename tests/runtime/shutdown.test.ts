import { get, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/storage/open-database';
import { contactsCsv, countContactsIn, jobEnded, waitFor } from '../jobs/job-support';
import { runCli } from '../support/cli';
import { seedContact, seedEntries } from '../support/seed-entries';
import { startServerProcess } from '../support/server-process';
import { freshDatabase, POSTGRES_AVAILABLE, TEST_DIALECTS } from '../support/test-app';

// `rapport serve` stopped as an orchestrator stops it (SIGTERM), while it answers a long download
// and while it runs a job.

const ENTRIES = 60_000;
const ROWS = 60_000;

/** Whether a new TCP connection to the port is refused. */
const refused = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(false);
    });
    socket.once('error', (e: NodeJS.ErrnoException) => done(e.code === 'ECONNREFUSED'));
  });

for (const dialect of TEST_DIALECTS) {
  const run = dialect === 'postgres' && !POSTGRES_AVAILABLE ? describe.skip : describe;
  run(`stopping the server with SIGTERM [${dialect}]`, () => {
    let database: { url: string; drop(): Promise<void> };
    let handle: DatabaseHandle;
    let token: string;
    beforeAll(async () => {
      database = await freshDatabase(dialect);
      // the first start creates the schema and the admin
      const first = await startServerProcess({ databaseUrl: database.url });
      expect(await first.stop()).toBe(0);
      token = (await runCli(['token', 'create', 'admin'], { databaseUrl: database.url })).stdout.trim();
      handle = openDatabase(database.url);
      await seedContact(handle.db, { no: 'CT-STOP', name: 'Stop Test' });
      await seedEntries(
        handle.db,
        Array.from({ length: ENTRIES }, (_, i) => ({ contactNo: 'CT-STOP', contactCompanyNo: 'CT-STOP', description: `Entry ${i}` })),
      );
    }, 180_000);
    afterAll(async () => {
      await handle?.close();
      await database?.drop();
    }, 60_000);

    it('refuses new connections, finishes the download in flight and exits 0', async () => {
      const server = await startServerProcess({ databaseUrl: database.url, env: { RAPPORT_LOG_LEVEL: 'info' } });
      try {
        // a fresh connection of its own, read slowly: the server cannot finish before the client reads
        const res = await new Promise<IncomingMessage>((done, fail) =>
          get(
            `${server.base}/api/v1/interaction-log-entries?contactNo=CT-STOP&format=csv`,
            { headers: { authorization: `Bearer ${token}` }, agent: false },
            done,
          ).once('error', fail),
        );
        expect(res.statusCode).toBe(200);
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        await new Promise((done) => res.once('data', done));
        res.pause();

        const exit = server.stop('SIGTERM');
        await waitFor('the server to begin stopping', async () => (server.output().includes('stopping') ? true : undefined));
        expect(await refused(server.port)).toBe(true);
        expect(server.exited()).toBe(false);

        const complete = new Promise<boolean>((done) => {
          res.once('end', () => done(res.complete));
          res.once('error', () => done(false));
        });
        res.resume();
        expect(await complete).toBe(true);
        const lines = Buffer.concat(chunks).toString('utf8').split('\r\n').filter(Boolean);
        expect(lines).toHaveLength(ENTRIES + 1);
        expect(await exit).toBe(0);
        expect(server.output()).toContain('"msg":"stopped"');
      } finally {
        await server.stop('SIGKILL');
      }
    }, 120_000);

    it('hands a running job back to the queue, and the next start runs it once', async () => {
      const server = await startServerProcess({ databaseUrl: database.url });
      const auth = { authorization: `Bearer ${token}` };
      let jobId: string;
      try {
        const started = await fetch(`${server.base}/api/v1/contacts/import?async=true`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'text/csv' },
          body: contactsCsv(ROWS, 'Stopped'),
        });
        expect(started.status).toBe(202);
        jobId = ((await started.json()) as { jobId: string }).jobId;
        await waitFor('the import to make progress', async () => {
          const j = (await (await fetch(`${server.base}/api/v1/jobs/${jobId}`, { headers: auth })).json()) as {
            status: string;
            done: number;
          };
          return j.status === 'running' && j.done > 0 ? j : undefined;
        });
        expect(await server.stop('SIGTERM')).toBe(0);
      } finally {
        await server.stop('SIGKILL');
      }

      // queued again, not failed, and nothing of the interrupted run kept
      const row = await handle.db
        .selectFrom('jobs')
        .select(['status', 'attempts', 'error'])
        .where('id', '=', jobId)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'queued', attempts: 0, error: null });
      const count = () => countContactsIn(handle.db, 'Stopped');
      expect(await count()).toBe(0);

      const next = await startServerProcess({ databaseUrl: database.url });
      try {
        const done = await jobEnded(next.base, jobId, auth, 'the job to run at the next start', 180_000);
        expect(done).toMatchObject({ status: 'succeeded', attempts: 1, done: ROWS, result: { imported: ROWS } });
        expect(await count()).toBe(ROWS);
        expect(await next.stop('SIGTERM')).toBe(0);
      } finally {
        await next.stop('SIGKILL');
      }
    }, 300_000);
  });
}
