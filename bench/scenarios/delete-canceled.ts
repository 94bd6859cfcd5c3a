import { closeRaw, openRaw, type Dialect, type Raw } from '../lib/databases';
import { datasetUrl, invalidateDataset } from '../lib/large-dataset';
import { now } from '../lib/measure';
import { type Row } from '../lib/report';
import { startServer } from '../lib/server';
import { NOT_AVAILABLE, perDialect, type BenchOptions, type Scenario } from './scenario';

// (b) Delete every canceled entry (half of the data set) with POST /interaction-log-entries/delete-canceled.
// The raw driver first does the same deletes (comments, then entries) in a transaction it rolls
// back, so both delete the same rows. The data set is then spent and generated anew next time.

async function rawDelete(raw: Raw): Promise<{ seconds: number; deleted: number }> {
  const comments =
    'delete from entry_comments where entry_no in (select entry_no from interaction_log_entries where canceled = 1 and postponed = 0)';
  const entries = 'delete from interaction_log_entries where canceled = 1 and postponed = 0';
  if (raw.dialect === 'sqlite') {
    raw.db.exec('begin');
    const start = now();
    raw.db.exec(comments);
    const { changes } = raw.db.prepare(entries).run();
    const seconds = (now() - start) / 1000;
    raw.db.exec('rollback');
    return { seconds, deleted: changes };
  }
  const client = await raw.pool.connect();
  try {
    await client.query('begin');
    const start = now();
    await client.query(comments);
    const { rowCount } = await client.query(entries);
    const seconds = (now() - start) / 1000;
    await client.query('rollback');
    return { seconds, deleted: rowCount ?? 0 };
  } finally {
    client.release();
  }
}

async function runDialect(dialect: Dialect, o: BenchOptions): Promise<{ rows: Row[]; skipped?: string }> {
  const url = datasetUrl(dialect);
  const raw = openRaw(url);
  const rawRun = await rawDelete(raw);
  await closeRaw(raw);
  const server = await startServer(url, o.serverFlags);
  let status = 0;
  let body: { deleted?: number; code?: string } = {};
  let seconds = 0;
  try {
    const start = now();
    const res = await fetch(`${server.base}/api/v1/interaction-log-entries/delete-canceled`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    status = res.status;
    body = (await res.json()) as typeof body;
    seconds = (now() - start) / 1000;
  } finally {
    await server.stop();
  }
  if (status === 404 && body.code === 'not_found') return { rows: [], skipped: NOT_AVAILABLE };
  if (status !== 200) throw new Error(`delete-canceled answered ${status}`);
  invalidateDataset(dialect);
  return {
    rows: [
      {
        dialect,
        measure: `delete ${(body.deleted ?? 0).toLocaleString('en-US')} canceled entries`,
        rapport: `${seconds.toFixed(1)} s`,
        raw: `${rawRun.seconds.toFixed(1)} s (${rawRun.deleted.toLocaleString('en-US')} rows, rolled back)`,
        target: '≤ 10 s',
      },
    ],
  };
}

export const deleteCanceled: Scenario = {
  name: 'delete-canceled',
  title: 'Delete 500,000 canceled entries',
  needsDataset: true,
  run(o) {
    return perDialect(o, this, (dialect) => runDialect(dialect, o));
  },
};
