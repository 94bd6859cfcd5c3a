import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { now } from './measure';

// The server under test is started as `npm start` starts it: the build is made when it is missing
// or stale (scripts/build-if-stale.mjs, the prestart script), then `node bin/rapport.js serve` runs
// the build in its own process. Its memory is read from outside (/proc/<pid>/status); with
// `heapPeaks`, a small preload samples the V8 heap (memory-probe.mjs).

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/rapport.js');
const PROBE = pathToFileURL(fileURLToPath(new URL('./memory-probe.mjs', import.meta.url))).href;
const ADMIN_PASSWORD = 'bench-admin-password';

export interface RunningServer {
  readonly base: string;
  /** Bearer token of a user (role user) linked to the given salesperson. */
  readonly token: string;
  /** Resident memory of the server process once it answers /healthz and is idle, in KB. */
  readonly startRssKb: number;
  /** Milliseconds from spawning the process to its first 200 from /healthz. */
  readonly startMs: number;
  /** Stops the server (SIGTERM) and answers its peak resident memory (KB) and, if asked for, the peaks of its V8 heap (bytes). */
  stop(): Promise<Stopped>;
}

export interface Stopped {
  readonly maxRssKb: number;
  readonly peak?: { readonly heapTotal: number; readonly heapUsed: number; readonly external: number };
}

let built = false;

/** A TCP port that was free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Builds what `npm start` would build first (once per bench run). */
export function ensureBuilt(): void {
  if (built) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-if-stale.mjs')], { cwd: ROOT, stdio: 'inherit' });
  built = true;
}

/** VmRSS and VmHWM (peak) of a running process, in KB. */
export function memoryOf(pid: number): { rssKb: number; peakKb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssKb: field('VmRSS'), peakKb: field('VmHWM') };
}

const serverEnv = (databaseUrl: string, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  ...extra,
  NODE_OPTIONS: '',
  RAPPORT_DATABASE_URL: databaseUrl,
  RAPPORT_ADMIN_PASSWORD: ADMIN_PASSWORD,
  RAPPORT_LOG_LEVEL: 'silent',
  RAPPORT_TZ: 'UTC',
  PORT: String(port),
  HOST: '127.0.0.1',
});

/** `rapport <args>` on the database (the build); answers its standard output. */
function cli(databaseUrl: string, args: readonly string[]): string {
  return execFileSync(process.execPath, [BIN, ...args], { env: serverEnv(databaseUrl, 0), encoding: 'utf8' });
}

/**
 * Spawns `node [nodeFlags] <entry…> serve` on the database and polls /healthz every 10 ms until it
 * answers 200; answers the process and the milliseconds that took. `command` defaults to the build
 * (bin/rapport.js); `env` is added to the server's environment.
 */
export async function spawnServer(
  databaseUrl: string,
  nodeFlags: readonly string[],
  command: readonly string[] = [BIN],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; base: string; startMs: number }> {
  const port = await freePort();
  const started = now();
  const child = spawn(process.execPath, [...nodeFlags, ...command, 'serve'], {
    env: serverEnv(databaseUrl, port, env),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before answering /healthz`);
    try {
      if ((await fetch(`${base}/healthz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return { child, base, startMs: now() - started };
}

/** Sends SIGTERM and waits for the process to end. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/**
 * Starts Rapport's server on the database (as `npm start` does); `nodeFlags` are added to its node
 * command line (e.g. --max-old-space-size=64). The bench user and its token are made first with the
 * CLI, so that the server is idle once it answers.
 */
export async function startServer(
  databaseUrl: string,
  nodeFlags: readonly string[],
  salespersonCode = '',
  opts: { heapPeaks?: boolean } = {},
): Promise<RunningServer> {
  ensureBuilt();
  const username = `bench${process.pid}${Date.now() % 100000}`;
  cli(databaseUrl, ['user', 'add', username, '--role', 'user', ...(salespersonCode ? ['--salesperson', salespersonCode] : [])]);
  const token = cli(databaseUrl, ['token', 'create', username, '--name', 'bench']).trim();
  const probeDir = opts.heapPeaks ? mkdtempSync(join(tmpdir(), 'rapport-bench-memory-')) : null;
  const flags = probeDir ? [...nodeFlags, `--import=${PROBE}`] : nodeFlags;
  const env: Record<string, string> = probeDir ? { RAPPORT_BENCH_MEMORY_FILE: join(probeDir, 'peaks.json') } : {};
  const { child, base, startMs } = await spawnServer(databaseUrl, flags, [BIN], env);
  const startRssKb = memoryOf(child.pid!).rssKb;
  return {
    base,
    token,
    startRssKb,
    startMs,
    async stop() {
      const { peakKb } = memoryOf(child.pid!);
      await stopProcess(child);
      if (!probeDir) return { maxRssKb: peakKb };
      const peak = JSON.parse(readFileSync(join(probeDir, 'peaks.json'), 'utf8')) as Stopped['peak'];
      rmSync(probeDir, { recursive: true, force: true });
      return { maxRssKb: peakKb, ...(peak && { peak }) };
    },
  };
}

/** GET with the bearer token; answers the status and the parsed JSON body. */
export async function getJson(server: RunningServer, path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.base}${path}`, { headers: { authorization: `Bearer ${server.token}` } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
