import { fileURLToPath } from 'node:url';
import { benchUrl, freshDatabase, type Dialect } from '../lib/databases';
import { median } from '../lib/measure';
import { mb, ms, type Row } from '../lib/report';
import { ensureBuilt, memoryOf, spawnServer, stopProcess } from '../lib/server';
import { perDialect, type BenchOptions, type Scenario } from './scenario';

// The started server: `node bin/rapport.js serve` (the build, as `npm start` runs it) on a migrated,
// empty database, started STARTS times after one start left out (which warms the file cache). Each
// start is timed from spawning the process to its first 200 from /healthz (polled every 10 ms);
// its resident memory is read after IDLE_MS without requests. For comparison, the same from the
// TypeScript sources through tsx, as the server ran before it was built.

const STARTS = 5;
const IDLE_MS = 5000;
const SOURCES = [fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))];

interface Start {
  readonly ms: number;
  readonly rssKb: number;
  readonly peakKb: number;
}

async function starts(url: string, flags: readonly string[], command?: readonly string[]): Promise<Start[]> {
  const out: Start[] = [];
  for (let i = 0; i <= STARTS; i++) {
    const { child, startMs } = await spawnServer(url, flags, command);
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const memory = memoryOf(child.pid!);
    await stopProcess(child);
    if (i > 0) out.push({ ms: startMs, ...memory });
  }
  return out;
}

const summary = (s: readonly Start[]) => ({
  ms: median(s.map((x) => x.ms)),
  rssKb: median(s.map((x) => x.rssKb)),
  peakKb: median(s.map((x) => x.peakKb)),
  range: `${ms(Math.min(...s.map((x) => x.ms)))}–${ms(Math.max(...s.map((x) => x.ms)))}`,
});

async function runDialect(dialect: Dialect, o: BenchOptions): Promise<{ rows: Row[] }> {
  ensureBuilt();
  await (await freshDatabase(dialect, 'runtime')).close();
  const url = benchUrl(dialect, 'runtime');
  const built = summary(await starts(url, o.serverFlags));
  const sources = summary(await starts(url, ['--import', 'tsx', ...o.serverFlags], SOURCES));
  o.log(`  ${dialect}: built ${ms(built.ms)} ${mb(built.rssKb)}; sources ${ms(sources.ms)} ${mb(sources.rssKb)}`);
  return {
    rows: [
      {
        dialect,
        measure: `idle RSS of the started server (median of ${STARTS}, ${IDLE_MS / 1000} s after start)`,
        rapport: mb(built.rssKb),
        raw: '',
        target: '≤ 100 MB',
        note: `peak during start ${mb(built.peakKb)}; from the sources through tsx ${mb(sources.rssKb)} (peak ${mb(sources.peakKb)})`,
      },
      {
        dialect,
        measure: `spawn to the first 200 from /healthz (median of ${STARTS})`,
        rapport: ms(built.ms),
        raw: '',
        note: `${built.range}; from the sources through tsx ${ms(sources.ms)} (${sources.range})`,
      },
    ],
  };
}

export const runtime: Scenario = {
  name: 'runtime',
  title: 'The started server: idle memory and start time',
  needsDataset: false,
  run(o) {
    return perDialect(o, this, (dialect) => runDialect(dialect, o));
  },
};
