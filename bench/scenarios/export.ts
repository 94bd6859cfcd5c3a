import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Dialect } from '../lib/databases';
import { datasetUrl } from '../lib/large-dataset';
import { now } from '../lib/measure';
import { mb, type Row } from '../lib/report';
import { startServer, type Stopped } from '../lib/server';
import { NOT_AVAILABLE, perDialect, type BenchOptions, type Scenario } from './scenario';

// (b) CSV export of every entry: a fresh server process (the build, as `npm start` runs it) streams
// GET /interaction-log-entries?format=csv to this process, which counts the lines; the server's peak
// resident memory (VmHWM) is read before it stops.
// The raw driver streams the same rows as CSV to /dev/null in a process of its own.

async function rawExport(url: string): Promise<{ rows: number; seconds: number; maxRssKb: number }> {
  const child = fork(fileURLToPath(new URL('../lib/raw-export-child.ts', import.meta.url)), [url], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [message] = (await once(child, 'message')) as [{ rows: number; seconds: number; maxRssKb: number }];
  return message;
}

async function runDialect(dialect: Dialect, o: BenchOptions): Promise<{ rows: Row[]; skipped?: string }> {
  const url = datasetUrl(dialect);
  const server = await startServer(url, o.serverFlags, '', { heapPeaks: true });
  let lines = 0;
  let bytes = 0;
  let seconds = 0;
  let status = 0;
  let stopped: Stopped | undefined;
  try {
    const start = now();
    const res = await fetch(`${server.base}/api/v1/interaction-log-entries?format=csv`, {
      headers: { authorization: `Bearer ${server.token}` },
    });
    status = res.status;
    if (status === 200 && res.body) {
      for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
      }
    } else await res.arrayBuffer();
    seconds = (now() - start) / 1000;
  } finally {
    stopped = await server.stop();
  }
  if (status === 404 || status === 400) return { rows: [], skipped: NOT_AVAILABLE };
  if (status !== 200) throw new Error(`export answered ${status}`);
  o.log(`  ${dialect}: ${(lines - 1).toLocaleString('en-US')} rows, ${(bytes / 1024 / 1024).toFixed(0)} MB in ${seconds.toFixed(1)} s`);
  const raw = await rawExport(url);
  const rows = (lines - 1).toLocaleString('en-US');
  return {
    rows: [
      {
        dialect,
        measure: `CSV export of ${rows} entries: peak RSS of the exporting process`,
        rapport: `${mb(stopped.maxRssKb)} (idle server ${mb(server.startRssKb)})`,
        raw: mb(raw.maxRssKb),
        target: '≤ 200 MB',
        note: stopped.peak
          ? `V8 heap peak ${mb(stopped.peak.heapTotal / 1024)} (${mb(stopped.peak.heapUsed / 1024)} used), outside the heap ${mb(stopped.peak.external / 1024)}`
          : '',
      },
      {
        dialect,
        measure: 'same: duration',
        rapport: `${seconds.toFixed(1)} s (${Math.round((lines - 1) / seconds).toLocaleString('en-US')} rows/s, ${(bytes / 1024 / 1024).toFixed(0)} MB)`,
        raw: `${raw.seconds.toFixed(1)} s (${raw.rows.toLocaleString('en-US')} rows)`,
      },
    ],
  };
}

export const exportCsv: Scenario = {
  name: 'export',
  title: 'CSV export of every entry',
  needsDataset: true,
  run(o) {
    return perDialect(o, this, (dialect) => runDialect(dialect, o));
  },
};
