import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Outcome, Run } from './execute-job';
import type { RunMessage } from './job-worker';

// From the sources (tsx, vitest) the thread loads the TypeScript entry through tsx. The build emits
// the entry as dist/job-worker.js beside dist/rapport.js; this module may sit in dist/ or in a
// chunk under dist/chunks/.
const SOURCE = import.meta.url.endsWith('.ts');
const ENTRY = SOURCE
  ? new URL('./job-worker.ts', import.meta.url)
  : ([new URL('./job-worker.js', import.meta.url), new URL('../job-worker.js', import.meta.url)].find((u) => existsSync(u)) ??
    new URL('./job-worker.js', import.meta.url));

export interface JobThread {
  run(
    run: Run,
    clockOffsetMs: number,
    onProgress: (done: number, total: number | null) => void,
  ): { stop(): void; outcome: Promise<Outcome> };
  /** Whether a thread is running now (between its first job and its idle stop). */
  started(): boolean;
  close(): Promise<void>;
}

/**
 * One worker thread with its own SQLite connection, started on first use, running one job at a
 * time, and stopped once it has had no job for `idleMs` (default one minute): a thread holds its
 * own heap and a copy of every module it loaded, which an idle server need not keep between the
 * hourly housekeeping jobs.
 */
export function createJobThread(databaseUrl: string, timeZone: string, idleMs = 60_000): JobThread {
  let worker: Worker | null = null;
  let idle: NodeJS.Timeout | null = null;
  let pending: { id: string; done(o: Outcome): void; progress(done: number, total: number | null): void } | null = null;
  const lostThread = (detail: string): Outcome => ({
    status: 'failed',
    error: { code: 'internal_error', detail: `The job thread stopped (${detail}); nothing was changed.` },
    done: 0,
    total: null,
  });
  const ensure = (): Worker => {
    if (worker) return worker;
    const workerData = { databaseUrl, timeZone };
    const w = SOURCE
      ? // a worker does not inherit the TypeScript loader: register tsx in the thread, then load the entry
        new Worker(
          `import(${JSON.stringify(pathToFileURL(join(dirname(createRequire(ENTRY).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href)})` +
            `.then((tsx) => { tsx.register(); return import(${JSON.stringify(ENTRY.href)}); })`,
          { eval: true, workerData },
        )
      : new Worker(ENTRY, { workerData });
    w.on(
      'message',
      (m: { type: 'progress'; id: string; done: number; total: number | null } | { type: 'outcome'; id: string; outcome: Outcome }) => {
        if (!pending || pending.id !== m.id) return;
        if (m.type === 'progress') pending.progress(m.done, m.total);
        else {
          const p = pending;
          pending = null;
          p.done(m.outcome);
        }
      },
    );
    const gone = (why: string) => {
      // a thread stopped for idleness may end after a new one took its place: that one stays
      if (worker !== w && worker !== null) return;
      worker = null;
      const p = pending;
      pending = null;
      p?.done(lostThread(why));
    };
    w.on('error', (e) => gone(e.message));
    w.on('exit', (code) => gone(`exit ${code}`));
    worker = w;
    return w;
  };
  const stopThread = async () => {
    const w = worker;
    if (!w) return;
    worker = null;
    const exited = new Promise<void>((done) => w.once('exit', () => done()));
    w.postMessage('close');
    const timer = setTimeout(() => void w.terminate(), 5000);
    await exited;
    clearTimeout(timer);
  };
  return {
    run(run, clockOffsetMs, onProgress) {
      if (idle) clearTimeout(idle);
      idle = null;
      const w = ensure();
      const stop = new Int32Array(new SharedArrayBuffer(4));
      const outcome = new Promise<Outcome>((done) => {
        pending = {
          id: run.id,
          done(o) {
            idle = setTimeout(() => void stopThread(), idleMs).unref();
            done(o);
          },
          progress: onProgress,
        };
      });
      const message: RunMessage = { run, clockOffsetMs, stop };
      w.postMessage(message);
      return { stop: () => Atomics.store(stop, 0, 1), outcome };
    },
    started: () => worker !== null,
    async close() {
      if (idle) clearTimeout(idle);
      idle = null;
      await stopThread();
    },
  };
}
