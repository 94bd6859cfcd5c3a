import { parentPort, workerData } from 'node:worker_threads';
import { createClock } from '../../domain/shared/clock';
import { createUnitOfWork } from '../../storage/kysely/stores';
import { openDatabase } from '../../storage/open-database';
import { executeJob, type Run } from './execute-job';

// The SQLite job thread: its own connection, so a job's statements run off the server's event
// loop. Started by sqlite-job-thread.ts; runs one job at a time.

export interface RunMessage {
  readonly run: Run;
  /** The app clock's lead over the system clock (tests run on a set clock). */
  readonly clockOffsetMs: number;
  /** Set to 1 by the server to stop the job: the job's next progress report rolls it back. */
  readonly stop: Int32Array;
}

const { databaseUrl, timeZone } = workerData as { databaseUrl: string; timeZone: string };
// off the event loop, a job may wait as long as it needs for a CLI command's write lock
const database = openDatabase(databaseUrl, { busyTimeoutMs: 10 * 60 * 1000 });
const uow = createUnitOfWork(database.db, database.dialect);
const port = parentPort!;
const PROGRESS_EVERY_MS = 100;

port.on('message', (message: RunMessage | 'close') => {
  if (message === 'close') {
    void database.close().then(() => port.close());
    return;
  }
  const { run, clockOffsetMs, stop } = message;
  const clock = createClock(timeZone, () => new Date(Date.now() + clockOffsetMs));
  let sentAt = 0;
  void executeJob({ uow, clock }, run, {
    stopped: () => Atomics.load(stop, 0) === 1,
    progress(done, total) {
      const now = Date.now();
      if (now - sentAt < PROGRESS_EVERY_MS) return;
      sentAt = now;
      port.postMessage({ type: 'progress', id: run.id, done, total });
    },
  }).then((outcome) => port.postMessage({ type: 'outcome', id: run.id, outcome }));
});
