import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { freshDatabase, POSTGRES_AVAILABLE } from '../support/test-app';
import { contactsCsv, waitFor } from '../jobs/job-support';

const ROWS = 100_000;
// a short lease, so that a killed instance's job is taken back within seconds
const ENV = { RAPPORT_JOB_LEASE_SECONDS: '3' };

/** Two `rapport serve` processes on one PostgreSQL database, as behind a load balancer. */
(POSTGRES_AVAILABLE ? describe : describe.skip)('jobs across two server processes [postgres]', () => {
  let database: { url: string; drop(): Promise<void> };
  let servers: ServerProcess[] = [];
  let client: pg.Client;
  let token: string;

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    servers = [await startServerProcess({ databaseUrl: database.url, env: ENV })];
    servers.push(await startServerProcess({ databaseUrl: database.url, env: ENV }));
    token = (await runCli(['token', 'create', 'admin'], { databaseUrl: database.url })).stdout.trim();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  }, 120_000);
  afterAll(async () => {
    await client?.end();
    for (const s of servers) await s.stop('SIGKILL');
    await database?.drop();
  }, 60_000);

  const get = async (server: ServerProcess, path: string) => {
    const res = await fetch(`${server.base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return (await res.json()) as Record<string, any>;
  };

  it('shows one progress on both, and when the process running the job is killed the other finishes it, once', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const started = await fetch(`${a.base}/api/v1/contacts/import?async=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: contactsCsv(ROWS, 'Failover'),
    });
    expect(started.status).toBe(202);
    const { jobId } = (await started.json()) as { jobId: string };

    // the same stored progress on both instances: b read between two equal reads of a
    const seen = await waitFor('the same progress on both instances', async () => {
      const before = await get(a, `/api/v1/jobs/${jobId}`);
      const other = await get(b, `/api/v1/jobs/${jobId}`);
      const after = await get(a, `/api/v1/jobs/${jobId}`);
      if (before.status !== 'running' || before.done === 0 || before.done !== after.done) return undefined;
      return { a: before, b: other };
    });
    expect(seen.b).toMatchObject({ status: 'running', done: seen.a.done, total: seen.a.total });

    const { rows } = await client.query<{ owner: string }>('select owner from jobs where id = $1', [jobId]);
    const pid = Number(rows[0]!.owner.split('/')[1]);
    const runner = servers.find((s) => s.child.pid === pid);
    expect(runner).toBeDefined();
    const survivor = runner === a ? b : a;
    expect(await runner!.stop('SIGKILL')).toBe('SIGKILL');

    const done = await waitFor(
      'the job to finish on the other instance',
      async () => {
        const j = await get(survivor, `/api/v1/jobs/${jobId}`);
        return j.status === 'succeeded' || j.status === 'failed' ? j : undefined;
      },
      180_000,
    );
    expect(done).toMatchObject({ status: 'succeeded', attempts: 2, done: ROWS, total: ROWS, result: { imported: ROWS } });
    const count = await client.query<{ n: string }>("select count(*) as n from contacts where name like 'Failover %'");
    expect(Number(count.rows[0]!.n)).toBe(ROWS);
    const owner = await client.query<{ owner: string }>('select owner from jobs where id = $1', [jobId]);
    expect(owner.rows[0]!.owner).toContain(`/${survivor.child.pid}/`);
  }, 300_000);

  it('hands a running job back on SIGTERM; the other instance runs it from the start, once', async () => {
    servers.push(await startServerProcess({ databaseUrl: database.url, env: ENV }));
    const live = servers.filter((s) => !s.exited());
    expect(live).toHaveLength(2);
    const started = await fetch(`${live[0]!.base}/api/v1/contacts/import?async=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: contactsCsv(ROWS, 'Handback'),
    });
    const { jobId } = (await started.json()) as { jobId: string };
    await waitFor('the import to make progress', async () => {
      const j = await get(live[0]!, `/api/v1/jobs/${jobId}`);
      return j.status === 'running' && j.done > 0 ? j : undefined;
    });
    const { rows } = await client.query<{ owner: string }>('select owner from jobs where id = $1', [jobId]);
    const runner = live.find((s) => rows[0]!.owner.includes(`/${s.child.pid}/`))!;
    const other = live.find((s) => s !== runner)!;
    // a graceful stop: the process exits 0 after handing the job back
    expect(await runner.stop('SIGTERM')).toBe(0);
    const done = await waitFor(
      'the handed-back job to finish on the other instance',
      async () => {
        const j = await get(other, `/api/v1/jobs/${jobId}`);
        return j.status === 'succeeded' || j.status === 'failed' ? j : undefined;
      },
      180_000,
    );
    expect(done).toMatchObject({ status: 'succeeded', attempts: 1, done: ROWS, result: { imported: ROWS } });
    const count = await client.query<{ n: string }>("select count(*) as n from contacts where name like 'Handback %'");
    expect(Number(count.rows[0]!.n)).toBe(ROWS);
  }, 300_000);
});
