/* global process, URL */
// `npm run dev`: the server from the TypeScript sources, restarted on every change (tsx watch),
// beside the web UI rebuilt into web/dist on every change (vite build --watch). Stopping this
// process (Ctrl-C) stops both.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const bin = (path) => fileURLToPath(new URL(`../node_modules/${path}`, import.meta.url));
const children = [
  spawn(process.execPath, [bin('vite/bin/vite.js'), 'build', '--watch', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  }),
  spawn(
    process.execPath,
    [bin('tsx/dist/cli.mjs'), 'watch', '--clear-screen=false', 'src/cli/main.ts', 'serve', ...process.argv.slice(2)],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  ),
];
const stop = (signal) => {
  for (const child of children) if (child.exitCode === null) child.kill(signal);
};
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
// one of the two ending ends the other
for (const child of children)
  child.once('exit', (code) => {
    stop('SIGTERM');
    process.exitCode = code ?? 1;
  });
