import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServerProcess } from '../tests/support/server-process';
import { ensureBuilt } from './lib/server';

// node --import tsx bench/job-latency.ts [rows]
// A `rapport serve` on a fresh SQLite file: /healthz and a contacts list page are requested one
// after the other, every 10 ms, while a large job runs (a contacts import, then the log of a
// segment of all those contacts), and their latencies reported.

const ROWS = Number(process.argv[2] ?? 100_000);
const BIN = resolve(import.meta.dirname, '../bin/rapport.js');
const dir = mkdtempSync(join(tmpdir(), 'rapport-job-latency-'));
const databaseUrl = `sqlite:${join(dir, 'rapport.db')}`;

ensureBuilt(); // the server runs the build, as npm start runs it
const server = await startServerProcess({ databaseUrl });
const token = execFileSync(process.execPath, [BIN, 'token', 'create', 'admin'], {
  env: { ...process.env, RAPPORT_DATABASE_URL: databaseUrl, RAPPORT_LOG_LEVEL: 'silent' },
  encoding: 'utf8',
}).trim();
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const call = async (method: string, path: string, body?: unknown, contentType?: string) => {
  const res = await fetch(`${server.base}${path}`, {
    method,
    headers: { ...headers, ...(contentType && { 'content-type': contentType }) },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? NaN;
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms, p99 ${pct(xs, 99).toFixed(1)} ms, max ${pct(xs, 100).toFixed(1)} ms`;

/** Requests /healthz and a list page while the job runs; answers their latencies. */
async function during(name: string, jobId: string): Promise<void> {
  const health: number[] = [];
  const list: number[] = [];
  const started = performance.now();
  for (;;) {
    const job = await call('GET', `/api/v1/jobs/${jobId}`);
    if (job.body.status !== 'queued' && job.body.status !== 'running') {
      if (job.body.status !== 'succeeded') throw new Error(`${name}: ${JSON.stringify(job.body)}`);
      break;
    }
    const t0 = performance.now();
    await fetch(`${server.base}/healthz`);
    const t1 = performance.now();
    await call('GET', '/api/v1/contacts?limit=50');
    const t2 = performance.now();
    if (job.body.status === 'running') {
      health.push(t1 - t0);
      list.push(t2 - t1);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${name} (${seconds} s, ${health.length} rounds while running)\n  /healthz: ${fmt(health)}\n  GET /contacts?limit=50: ${fmt(list)}`,
  );
}

try {
  const csv = ['name', ...Array.from({ length: ROWS }, (_, i) => `Latency ${i}`)].join('\n') + '\n';
  const imported = await call('POST', '/api/v1/contacts/import?async=true', csv, 'text/csv');
  await during(`contacts import of ${ROWS} rows`, imported.body.jobId);

  await call('POST', '/api/v1/salespeople', { code: 'JO', name: 'Jonas Olsen' });
  await call('POST', '/api/v1/interaction-groups', { code: 'MAIL', description: 'Mail' });
  await call('POST', '/api/v1/interaction-templates', {
    code: 'LETTER',
    interactionGroupCode: 'MAIL',
    description: 'Letter',
    informationFlow: 'outbound',
    initiatedBy: 'us',
  });
  const segment = await call('POST', '/api/v1/segments', {
    description: 'Latency',
    interactionTemplateCode: 'LETTER',
    salespersonCode: 'JO',
  });
  await call('POST', `/api/v1/segments/${segment.body.no}/add-contacts`, {});
  const logged = await call('POST', `/api/v1/segments/${segment.body.no}/log?async=true`, {});
  if (logged.status !== 202) throw new Error(JSON.stringify(logged.body));
  await during(`segment log of ${ROWS} lines`, logged.body.jobId);
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
