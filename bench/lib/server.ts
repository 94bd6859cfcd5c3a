import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface RunningServer {
  readonly base: string;
  /** Bearer token of a user (role user) linked to the given salesperson. */
  readonly token: string;
  /** Peak resident memory of the server process right after start, in KB. */
  readonly startRssKb: number;
  /** Stops the server and answers its peak resident memory (KB) and the peaks of its V8 heap (bytes). */
  stop(): Promise<Stopped>;
}

export interface Stopped {
  readonly maxRssKb: number;
  readonly peak: { readonly heapTotal: number; readonly heapUsed: number; readonly external: number };
}

type Message = { type: 'ready'; port: number; token: string; maxRssKb: number } | ({ type: 'stopped' } & Stopped);

function next(child: ChildProcess, type: Message['type']): Promise<Message> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: Message) => {
      if (m.type !== type) return;
      child.off('exit', onExit);
      child.off('message', onMessage);
      resolve(m);
    };
    const onExit = (code: number | null) => reject(new Error(`server process exited with ${code} before '${type}'`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/**
 * Starts Rapport's HTTP server on the database in a child process; `nodeFlags` are added to its
 * node command line (e.g. --max-old-space-size=64).
 */
export async function startServer(databaseUrl: string, nodeFlags: readonly string[], salespersonCode = ''): Promise<RunningServer> {
  const child = fork(fileURLToPath(new URL('./server-child.ts', import.meta.url)), [databaseUrl, salespersonCode], {
    execArgv: ['--import', 'tsx', ...nodeFlags],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = (await next(child, 'ready')) as Extract<Message, { type: 'ready' }>;
  return {
    base: `http://127.0.0.1:${ready.port}`,
    token: ready.token,
    startRssKb: ready.maxRssKb,
    async stop() {
      const stopped = next(child, 'stopped');
      child.send({ type: 'stop' });
      const m = (await stopped) as Extract<Message, { type: 'stopped' }>;
      return { maxRssKb: m.maxRssKb, peak: m.peak };
    },
  };
}

/** GET with the bearer token; answers the status and the parsed JSON body. */
export async function getJson(server: RunningServer, path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.base}${path}`, { headers: { authorization: `Bearer ${server.token}` } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
