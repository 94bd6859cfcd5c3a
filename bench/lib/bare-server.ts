import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface BareServer {
  readonly base: string;
  stop(): Promise<void>;
}

/** Starts bench/bare-fastify-server.ts on the database in a child process (through tsx, as Rapport's server is started). */
export async function startBareServer(databaseUrl: string, nodeFlags: readonly string[]): Promise<BareServer> {
  const child = fork(fileURLToPath(new URL('../bare-fastify-server.ts', import.meta.url)), [databaseUrl], {
    execArgv: ['--import', 'tsx', ...nodeFlags],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = (type: string) =>
    new Promise<{ port?: number }>((resolve, reject) => {
      const onMessage = (m: { type: string; port?: number }) => {
        if (m.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m);
      };
      const onExit = (code: number | null) => reject(new Error(`bare server exited with ${code} before '${type}'`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const { port } = await next('ready');
  return {
    base: `http://127.0.0.1:${port}`,
    async stop() {
      const stopped = next('stopped');
      child.send({ type: 'stop' });
      await stopped;
    },
  };
}
