import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../jobs/job-support';
import { runCli } from '../support/cli';
import { TEST_DIALECTS } from '../support/dialects';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { startTempPostgres, tempPostgresAvailable, type TempPostgres } from '../support/temp-postgres';

// A load balancer asks /healthz: while the database does not answer it must hear 503, and the same
// process must answer 200 again once the database is back, with no restart. The database is a
// cluster of the test's own, so stopping it disturbs nobody else.
const wanted = TEST_DIALECTS.includes('postgres');
const why = !wanted
  ? 'PostgreSQL is not among RAPPORT_TEST_DIALECTS'
  : 'no PostgreSQL server binaries (or no postgres user) to make a cluster';
if (wanted && !tempPostgresAvailable()) console.warn(`/healthz with a stopped database is not tested: ${why}.`);

(wanted && tempPostgresAvailable() ? describe : describe.skip)('/healthz while PostgreSQL stops and starts again [postgres]', () => {
  let cluster: TempPostgres;
  let server: ServerProcess;
  let token: string;
  beforeAll(async () => {
    cluster = await startTempPostgres();
    server = await startServerProcess({ databaseUrl: cluster.url });
    token = (await runCli(['token', 'create', 'admin'], { databaseUrl: cluster.url })).stdout.trim();
  }, 120_000);
  afterAll(async () => {
    await server?.stop('SIGKILL');
    cluster?.destroy();
  }, 60_000);

  const health = async () => {
    const res = await fetch(`${server.base}/healthz`);
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as unknown };
  };
  const languages = () => fetch(`${server.base}/api/v1/languages`, { headers: { authorization: `Bearer ${token}` } });

  it('answers 503 while the database is stopped and 200 again once it is back, without a restart', async () => {
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect((await languages()).status).toBe(200);

    cluster.stop();
    const down = await waitFor('/healthz to notice', async () => {
      const h = await health();
      return h.status === 503 ? h : undefined;
    });
    expect(down.body).toEqual({ status: 'error' });
    expect(down.type).toContain('application/json');
    // an API request meanwhile fails as a problem, and the process stays up
    const refused = await languages();
    expect(refused.status).toBe(500);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(((await refused.json()) as { code: string }).code).toBe('internal_error');
    expect(server.exited()).toBe(false);

    cluster.start();
    const up = await waitFor('/healthz to recover', async () => {
      const h = await health();
      return h.status === 200 ? h : undefined;
    });
    expect(up.body).toEqual({ status: 'ok' });
    const res = await languages();
    expect(res.status).toBe(200);
    expect(((await res.json()) as { items: unknown[] }).items).toEqual(expect.any(Array));
    expect(server.exited()).toBe(false);
  }, 120_000);
});
