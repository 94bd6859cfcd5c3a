import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const BIN = resolve(import.meta.dirname, '../../bin/rapport.js');

/**
 * A Rapport server started as an operator starts it: `rapport serve` in its own process, running
 * the build in dist/ (made by the test run's global setup, tests/support/build-once.ts).
 */
export interface ServerProcess {
  readonly base: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** Everything the process wrote to standard output and standard error so far. */
  output(): string;
  /** Sends a signal (default SIGTERM) and answers the exit code (or the signal's name). */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
  /** Whether the process has exited. */
  exited(): boolean;
}

/** A TCP port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

/**
 * Starts `rapport serve` on a database and waits until `/healthz` answers 200 (or the process
 * exits, or `timeoutMs` passes: then it throws with the process output).
 */
export async function startServerProcess(opts: {
  databaseUrl: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...process.env,
      RAPPORT_DATABASE_URL: opts.databaseUrl,
      RAPPORT_LOG_LEVEL: 'warn',
      RAPPORT_ADMIN_PASSWORD: 'admin-password-1',
      PORT: String(port),
      HOST: '127.0.0.1',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  let exitCode: number | string | null = null;
  const exit = new Promise<number | string>((done) =>
    child.once('exit', (code, signal) => {
      exitCode = code ?? signal ?? -1;
      done(exitCode);
    }),
  );
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  for (;;) {
    if (exitCode !== null) throw new Error(`rapport serve exited (${exitCode}) before answering /healthz:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`rapport serve did not answer /healthz in time:\n${out}`);
    }
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    port,
    child,
    output: () => out,
    exited: () => exitCode !== null,
    async stop(signal = 'SIGTERM') {
      if (exitCode !== null) return exitCode;
      child.kill(signal);
      return exit;
    },
  };
}
