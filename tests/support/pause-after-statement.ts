// Loaded into a child process with `node --import tsx --import <this file>` by tests that kill a
// process at a chosen point (tests/storage/migration-interrupted.test.ts). It counts the SQL
// statements the process runs through better-sqlite3 and pg; the application never reads these
// variables:
// - PAUSE_AFTER_STATEMENT_TRACE=<file>: appends the text of every statement to the file, one JSON
//   string a line, so that a test can choose its points;
// - PAUSE_AFTER_STATEMENT=<n>: once the n-th statement has completed, writes
//   `paused after statement n` to standard error and blocks the process, so that the test kills
//   it (kill -9) at exactly that point.
import { appendFileSync, writeSync } from 'node:fs';
import Sqlite from 'better-sqlite3';
import pg from 'pg';

const trace = process.env.PAUSE_AFTER_STATEMENT_TRACE;
const pauseAt = Number(process.env.PAUSE_AFTER_STATEMENT ?? 0);
let count = 0;

function completed(text: unknown): void {
  count += 1;
  if (trace) appendFileSync(trace, `${JSON.stringify(String(text))}\n`);
  if (count === pauseAt) {
    writeSync(2, `paused after statement ${count}\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  }
}

const probe = new Sqlite(':memory:');
const statement: any = Object.getPrototypeOf(probe.prepare('select 1'));
probe.close();
for (const method of ['run', 'all', 'get', 'iterate']) {
  const original = statement[method];
  statement[method] = function (this: { source: string }, ...args: unknown[]) {
    const result = original.apply(this, args);
    completed(this.source);
    return result;
  };
}

const client: any = pg.Client.prototype;
const query = client.query;
client.query = function (this: unknown, config: unknown, ...rest: unknown[]) {
  const result = query.call(this, config, ...rest);
  const text = typeof config === 'string' ? config : (config as { text?: string } | undefined)?.text;
  if (result && typeof result.then === 'function') return result.then((r: unknown) => (completed(text), r));
  return result;
};
