import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** Owners of job runners alive in this process (several apps share a process in tests). */
const alive = new Set<string>();

/** A new runner identity: host, process and a random part, e.g. `db1/4242/5f0c1a2b`. */
export function newInstanceId(): string {
  const id = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  alive.add(id);
  return id;
}

export function retireInstanceId(id: string): void {
  alive.delete(id);
}

/**
 * Whether the runner named by `owner` may still be running its job, judged on this host (SQLite
 * files are local): a process that no longer exists, or a runner of this process that was closed,
 * is not. Another host's runner is presumed alive.
 */
export function ownerAlive(owner: string): boolean {
  const [host, pidText] = owner.split('/');
  if (host !== hostname()) return true;
  const pid = Number(pidText);
  if (pid === process.pid) return alive.has(owner);
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
