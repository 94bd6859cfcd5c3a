import { startBareServer } from '../lib/bare-server';
import { closeRaw, openRaw, type Dialect, type Raw } from '../lib/databases';
import { datasetUrl } from '../lib/large-dataset';
import { FILTER, listSql } from '../lib/list-query';
import { sample, throughput } from '../lib/measure';
import { ms, perSecond, type Row } from '../lib/report';
import { getJson, startServer, type RunningServer } from '../lib/server';
import { NOT_AVAILABLE, perDialect, type BenchOptions, type Scenario } from './scenario';

// (b) GET /interaction-log-entries filtered by salesperson and a date range start: the first page
// and a page deep into the result, each the median of 50 calls over HTTP; the raw driver runs the
// same keyset query (with the contact names) without HTTP, JSON or validation. Then the first page
// under load (--list-concurrency calls in flight): Rapport beside a bare Fastify route that runs
// the same SQL through the raw driver (bench/bare-fastify-server.ts), both over HTTP.

const PATH = `/api/v1/interaction-log-entries?salespersonCode=${FILTER.salespersonCode}&dateFrom=${FILTER.dateFrom}`;
const DEPTH = 30_000;

/** Follows pages of 500 until about DEPTH rows deep; answers that cursor, the depth and the last entryNo. */
async function deepCursor(server: RunningServer): Promise<{ cursor: string; depth: number; lastEntryNo: number }> {
  let cursor: string | null = null;
  let depth = 0;
  let lastEntryNo = 0;
  for (;;) {
    const res: { status: number; body: { items: { entryNo: number }[]; nextCursor: string | null } } = await getJson(
      server,
      `${PATH}&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
    );
    if (res.status !== 200) throw new Error(`list answered ${res.status}`);
    if (!res.body.nextCursor) break;
    cursor = res.body.nextCursor;
    depth += res.body.items.length;
    lastEntryNo = res.body.items[res.body.items.length - 1]!.entryNo;
    if (depth >= DEPTH) break;
  }
  if (!cursor) throw new Error('the filtered list has a single page');
  return { cursor, depth, lastEntryNo };
}

/** The first page fetched `o.listRequests` times with `o.listConcurrency` in flight. */
async function loaded(base: string, o: BenchOptions, headers: Record<string, string> = {}) {
  return throughput(
    o.listRequests,
    o.listConcurrency,
    async () => {
      const res = await fetch(`${base}${PATH}&limit=50`, { headers });
      await res.arrayBuffer();
      return res.status;
    },
    Math.min(500, o.listRequests),
  );
}

const failures = (statuses: Map<number, number>) => [...statuses].filter(([s]) => s !== 200).map(([s, n]) => `${n}×${s}`);

function rawPage(raw: Raw): (before: number | null) => Promise<unknown[]> {
  if (raw.dialect === 'sqlite') {
    const first = raw.db.prepare(listSql(() => '?', false));
    const deep = raw.db.prepare(listSql(() => '?', true));
    return async (before) =>
      before === null ? first.all(FILTER.salespersonCode, FILTER.dateFrom) : deep.all(FILTER.salespersonCode, FILTER.dateFrom, before);
  }
  const pool = raw.pool;
  return async (before) =>
    (
      await pool.query(
        listSql((n) => `$${n}`, before !== null),
        before === null ? [FILTER.salespersonCode, FILTER.dateFrom] : [FILTER.salespersonCode, FILTER.dateFrom, before],
      )
    ).rows;
}

async function runDialect(dialect: Dialect, o: BenchOptions): Promise<{ rows: Row[]; skipped?: string }> {
  const url = datasetUrl(dialect);
  const server = await startServer(url, o.serverFlags);
  let first: { median: number; p95: number };
  let deepPage: { median: number; p95: number };
  let deep: Awaited<ReturnType<typeof deepCursor>>;
  let underLoad: Awaited<ReturnType<typeof loaded>>;
  try {
    const probe = await getJson(server, `${PATH}&limit=50`);
    if (probe.status === 404) return { rows: [], skipped: NOT_AVAILABLE };
    if (probe.status !== 200 || probe.body.items.length !== 50) throw new Error(`list answered ${probe.status}`);
    first = await sample(50, () => getJson(server, `${PATH}&limit=50`));
    deep = await deepCursor(server);
    deepPage = await sample(50, () => getJson(server, `${PATH}&limit=50&cursor=${deep.cursor}`));
    o.log(`  ${dialect}: first page, ${o.listRequests} requests, ${o.listConcurrency} at a time`);
    underLoad = await loaded(server.base, o, { authorization: `Bearer ${server.token}` });
  } finally {
    await server.stop();
  }
  o.log(`  ${dialect}: the same on a bare Fastify route`);
  const bare = await startBareServer(url, o.serverFlags);
  let bareLoad: Awaited<ReturnType<typeof loaded>>;
  try {
    bareLoad = await loaded(bare.base, o);
  } finally {
    await bare.stop();
  }
  const raw = openRaw(url);
  const page = rawPage(raw);
  const rawFirst = await sample(50, () => page(null));
  const rawDeep = await sample(50, () => page(deep.lastEntryNo));
  await closeRaw(raw);
  const measure = `GET ${PATH.replace('/api/v1', '')}&limit=50`;
  return {
    rows: [
      {
        dialect,
        measure: `${measure}, first page (median of 50)`,
        rapport: ms(first.median),
        raw: ms(rawFirst.median),
        target: '≤ 10 ms',
        note: `p95 ${ms(first.p95)}`,
      },
      {
        dialect,
        measure: `same, keyset page ${deep.depth.toLocaleString('en-US')} rows deep (median of 50)`,
        rapport: ms(deepPage.median),
        raw: ms(rawDeep.median),
        target: '≤ 10 ms',
        note: `p95 ${ms(deepPage.p95)}`,
      },
      {
        dialect,
        measure: `same, first page, ${o.listConcurrency} concurrent (${o.listRequests} requests); raw: a bare Fastify route running the same SQL`,
        rapport: perSecond(underLoad.perSecond),
        raw: perSecond(bareLoad.perSecond),
        target: '≥ 50 % of the bare route',
        note: [
          `${Math.round((100 * underLoad.perSecond) / bareLoad.perSecond)} %`,
          ...failures(underLoad.statuses).map((f) => `Rapport non-200: ${f}`),
          ...failures(bareLoad.statuses).map((f) => `bare non-200: ${f}`),
        ].join('; '),
      },
    ],
  };
}

export const list: Scenario = {
  name: 'list',
  title: 'Filtered list of log entries, first and deep keyset page',
  needsDataset: true,
  run(o) {
    return perDialect(o, this, (dialect) => runDialect(dialect, o));
  },
};
