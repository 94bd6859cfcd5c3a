import { afterAll, beforeAll, expect, it, describe } from 'vitest';
import { runCli } from '../support/cli';
import { startTestEnv, type TestEnv } from '../support/test-app';
import { contactsCsv, countContacts, uploadCsv } from './job-support';

const ROWS = 100_000;

/**
 * On SQLite a job runs in a worker thread with its own connection: its transaction holds the write
 * lock, but the server's event loop stays free for reads. Latencies are printed for
 * docs/benchmarks.md; the test asserts only that answers come while the job runs.
 */
describe('a large SQLite job beside the server [sqlite]', () => {
  let env: TestEnv & { stop(): Promise<void> };
  beforeAll(async () => {
    env = await startTestEnv('sqlite');
  }, 60_000);
  afterAll(async () => {
    await env?.stop();
  }, 60_000);

  it('answers /healthz and a list page while a 100,000-row import runs, and a CLI write waits for the lock', async () => {
    const id = await uploadCsv(env, contactsCsv(ROWS, 'Bulk'));
    const health: number[] = [];
    const list: number[] = [];
    let answeredWhileRunning = 0;
    let cli: ReturnType<typeof runCli> | null = null;
    for (;;) {
      const t0 = performance.now();
      const h = await env.api('GET', '/healthz', { token: null });
      const t1 = performance.now();
      const l = await env.api('GET', '/api/v1/contacts?limit=50');
      const t2 = performance.now();
      expect([h.status, l.status]).toEqual([200, 200]);
      const job = await env.api('GET', `/api/v1/jobs/${id}`);
      if (job.body.status !== 'running' && job.body.status !== 'queued') {
        expect(job.body).toMatchObject({ status: 'succeeded', done: ROWS, total: ROWS });
        break;
      }
      if (job.body.status === 'running') {
        answeredWhileRunning++;
        health.push(t1 - t0);
        list.push(t2 - t1);
        // a CLI command that writes, started while the job holds the write lock
        if (!cli && job.body.done > 0)
          cli = runCli(['user', 'add', 'beside-job', '--role', 'viewer'], { databaseUrl: env.app.config.databaseUrl });
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(answeredWhileRunning).toBeGreaterThan(0);
    expect(cli).not.toBeNull();
    const result = await cli!;
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toContain('user beside-job (viewer) created');
    expect(await countContacts(env.app, 'Bulk')).toBe(ROWS);
    const pct = (xs: number[], p: number) =>
      [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!.toFixed(1);
    console.info(
      `during the ${ROWS}-row import (${answeredWhileRunning} rounds): /healthz p50 ${pct(health, 50)} ms, max ${pct(health, 100)} ms; contacts list p50 ${pct(list, 50)} ms, max ${pct(list, 100)} ms`,
    );
  }, 300_000);
});
