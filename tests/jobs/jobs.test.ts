import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/create-app';
import type { Config } from '../../src/app/config';
import { createLogger } from '../../src/app/logger';
import { buildServer } from '../../src/http/build-server';
import { openDatabase } from '../../src/storage/open-database';
import { ADMIN_PASSWORD, describeEachDialect, freshDatabase, POSTGRES_AVAILABLE, startTestEnv, type TestEnv } from '../support/test-app';
import { contactsCsv, countContacts, countContactsIn, deadOwner, jobRow, uploadCsv, waitFor } from './job-support';

const testConfig = (databaseUrl: string): Config => ({
  databaseUrl,
  port: 0,
  host: '127.0.0.1',
  timeZone: 'UTC',
  adminPassword: ADMIN_PASSWORD,
  logLevel: 'silent',
  smtpUrl: null,
});

const purge = (env: TestEnv, startAfter?: Date) =>
  env.app.services.jobs.start('idempotency_keys_purge', {}, { createdBy: 'admin', ...(startAfter && { startAfter }) });

describeEachDialect('jobs', (env) => {
  it('lists every job newest first in keyset pages, filtered by status, for admins only', async () => {
    const ids = [await purge(env()), await purge(env()), await purge(env())];
    await env().app.services.jobs.drain();
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await env().api('GET', `/api/v1/jobs?status=succeeded&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      for (const j of page.body.items)
        expect(j).toMatchObject({ kind: 'idempotency_keys_purge', status: 'succeeded', result: { deleted: 0 }, attempts: 1 });
      all.push(...page.body.items.map((j: { id: string }) => j.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(all).toEqual(expect.arrayContaining(ids));
    expect(new Set(all).size).toBe(all.length);
    expect((await env().api('GET', '/api/v1/jobs?status=queued')).body.items).toEqual([]);
    expect((await env().api('GET', '/api/v1/jobs?status=done')).body.errors[0].path).toBe('query.status');
    const user = await env().tokenFor('user');
    expect((await env().api('GET', '/api/v1/jobs', { token: user })).status).toBe(403);
  });

  it('keeps a delayed job queued until its start, then runs it; drain does not wait for it', async () => {
    const startAfter = new Date(Date.now() + 1500);
    const id = await purge(env(), startAfter);
    await env().app.services.jobs.drain();
    const queued = await env().api('GET', `/api/v1/jobs/${id}`);
    expect(queued.body).toMatchObject({ status: 'queued', startAfter: startAfter.toISOString(), attempts: 0 });
    const done = await waitFor('the delayed job', async () => {
      const j = await env().api('GET', `/api/v1/jobs/${id}`);
      return j.body.status === 'succeeded' ? j.body : undefined;
    });
    expect(Date.now()).toBeGreaterThanOrEqual(startAfter.getTime());
    expect(done).toMatchObject({ result: { deleted: 0 }, attempts: 1 });
  });

  it('cancels a queued job, which then never runs; any other state answers job_not_queued', async () => {
    const id = await purge(env(), new Date(Date.now() + 1000));
    const user = await env().tokenFor('user');
    expect((await env().api('POST', `/api/v1/jobs/${id}/cancel`, { token: user })).body.code).toBe('job_not_found');
    const canceled = await env().api('POST', `/api/v1/jobs/${id}/cancel`);
    expect(canceled.status).toBe(200);
    expect(canceled.body).toMatchObject({ id, status: 'canceled' });
    expect(canceled.body.finishedAt).not.toBeNull();
    await new Promise((r) => setTimeout(r, 2000));
    expect((await env().api('GET', `/api/v1/jobs/${id}`)).body).toMatchObject({ status: 'canceled', attempts: 0, result: null });
    const again = await env().api('POST', `/api/v1/jobs/${id}/cancel`);
    expect([again.status, again.body.code, again.body.jobStatus]).toEqual([409, 'job_not_queued', 'canceled']);
    const finished = await purge(env());
    await env().app.services.jobs.drain();
    expect((await env().api('POST', `/api/v1/jobs/${finished}/cancel`)).body).toMatchObject({
      code: 'job_not_queued',
      jobStatus: 'succeeded',
    });
    expect((await env().api('POST', '/api/v1/jobs/nope/cancel')).status).toBe(404);
  });

  it('takes back the job of an instance that died and runs it once; after its attempts it fails with the reason', async () => {
    const db = env().app.database.db;
    const stale = new Date(Date.now() - 3_600_000).toISOString();
    // as a dead instance leaves them: claimed, its transaction never committed
    const orphan = await uploadCsv(env(), contactsCsv(30, 'Orphan'));
    await env().app.services.jobs.drain();
    await db.deleteFrom('contacts').where('name', 'like', 'Orphan %').execute();
    await db
      .updateTable('jobs')
      .set({ status: 'running', owner: deadOwner(), heartbeat_at: stale, attempts: 1, result: null, finished_at: null, done: 12 })
      .where('id', '=', orphan)
      .execute();
    const done = await waitFor('the orphaned job', async () => {
      const j = await env().api('GET', `/api/v1/jobs/${orphan}`);
      return j.body.status === 'succeeded' ? j.body : undefined;
    });
    expect(done).toMatchObject({ attempts: 2, done: 30, total: 30, result: { imported: 30 } });
    expect(await countContacts(env().app, 'Orphan')).toBe(30);

    const hopeless = await purge(env(), new Date(Date.now() + 3_600_000));
    await db
      .updateTable('jobs')
      .set({ status: 'running', owner: deadOwner(), heartbeat_at: stale, attempts: 3, run_after: null })
      .where('id', '=', hopeless)
      .execute();
    const failed = await waitFor('the job out of attempts', async () => {
      const j = await env().api('GET', `/api/v1/jobs/${hopeless}`);
      return j.body.status === 'failed' ? j.body : undefined;
    });
    expect(failed.error).toMatchObject({ code: 'internal_error' });
    expect(failed.error.detail).toMatch(/interrupted 3 time\(s\)/);
  });

  it('runs a queued job whose delivery was lost once it is well past its due time, once', async () => {
    const db = env().app.database.db;
    // as a process that died between committing the job and handing it to the engine leaves it:
    // queued and due for an hour, with no delivery on its way (the engine's only one is an hour off)
    const lost = await purge(env(), new Date(Date.now() + 3_600_000));
    await db
      .updateTable('jobs')
      .set({ run_after: null, created_at: new Date(Date.now() - 3_600_000).toISOString() })
      .where('id', '=', lost)
      .execute();
    const done = await waitFor('the job whose delivery was lost', async () => {
      const j = await env().api('GET', `/api/v1/jobs/${lost}`);
      return j.body.status === 'succeeded' ? j.body : undefined;
    });
    expect(done).toMatchObject({ attempts: 1 });
  });

  it('never takes the job of an instance that is alive, nor touches job rows at start', async () => {
    const db = env().app.database.db;
    const id = await purge(env(), new Date(Date.now() + 3_600_000));
    const fresh = new Date().toISOString();
    await db
      .updateTable('jobs')
      .set({ status: 'running', owner: 'another-host/4242/live', heartbeat_at: fresh, attempts: 1, run_after: null })
      .where('id', '=', id)
      .execute();
    const before = await jobRow(env().app, id);
    const second = await startTestEnv(env().dialect);
    await second.stop();
    await new Promise((r) => setTimeout(r, 1000));
    expect(await jobRow(env().app, id)).toEqual(before);
    await db.updateTable('jobs').set({ status: 'failed', finished_at: fresh }).where('id', '=', id).execute();
  });
});

for (const dialect of ['sqlite', 'postgres'] as const)
  (dialect === 'postgres' && !POSTGRES_AVAILABLE ? describe.skip : describe)(`jobs handed back by a stop [${dialect}]`, () => {
    it('rolls a running job back at close and runs it again, once, at the next start', async () => {
      const database = await freshDatabase(dialect);
      const config = testConfig(database.url);
      try {
        const first = await createApp(config, createLogger(config));
        const rows = 60_000;
        const { token } = await first.services.account.createToken('admin', {});
        const server = await buildServer(first);
        const res = await server.fastify.inject({
          method: 'POST',
          url: '/api/v1/contacts/import?async=true',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
          payload: contactsCsv(rows, 'Handed'),
        });
        const id = (JSON.parse(res.body) as { jobId: string }).jobId;
        await waitFor('the import to make progress', async () => {
          const j = await first.services.jobs.get(id, { username: 'admin', role: 'admin' });
          return j.status === 'running' && j.done > 0 ? true : undefined;
        });
        await server.fastify.close();
        await first.close();
        const handle = openDatabase(config.databaseUrl);
        try {
          const row = await handle.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
          expect(row).toMatchObject({ status: 'queued', attempts: 0, owner: null, finished_at: null });
          expect(await countContactsIn(handle.db, 'Handed')).toBe(0);
        } finally {
          await handle.close();
        }
        const next = await createApp(config, createLogger(config));
        try {
          await next.services.jobs.drain();
          expect(await jobRow(next, id)).toMatchObject({ status: 'succeeded', attempts: 1 });
          expect(await countContacts(next, 'Handed')).toBe(rows);
        } finally {
          await next.close();
        }
      } finally {
        await database.drop();
      }
    }, 180_000);
  });
