import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server-process';

/**
 * A throw-away PostgreSQL cluster of its own (initdb in a temp dir, on a free port), for tests
 * that stop and start the database under a running server without touching the shared one.
 */
export interface TempPostgres {
  /** The URL of its `postgres` database (user postgres, trust authentication). */
  readonly url: string;
  readonly port: number;
  /** Stops the server (fast shutdown: open connections are ended). */
  stop(): void;
  /** Starts it again on the same port and data. */
  start(): void;
  /** Stops it and removes its files. */
  destroy(): void;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  if (!version) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql');
  return join(root, version, 'bin');
}

/** Whether a cluster can be made here: the server binaries, and a postgres user when we are root. */
export function tempPostgresAvailable(): boolean {
  try {
    binDir();
  } catch {
    return false;
  }
  if (process.getuid?.() !== 0) return true;
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function startTempPostgres(): Promise<TempPostgres> {
  const bin = binDir();
  const root = mkdtempSync(join(tmpdir(), 'rapport-pg-'));
  const data = join(root, 'data');
  const port = await freePort();
  // initdb and the server refuse to run as root: as root, they run as the postgres user
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(root, uid, gid);
  }
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, tool), args, { stdio: 'pipe' });
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  // listens on TCP only, with its socket directory in its own folder
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () => run('pg_ctl', ['-D', data, '-o', options, '-l', join(root, 'log'), '-w', 'start']);
  const stop = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      stop();
      running = false;
    },
    start() {
      start();
      running = true;
    },
    destroy() {
      if (running) stop();
      running = false;
      rmSync(root, { recursive: true, force: true });
    },
  };
}
