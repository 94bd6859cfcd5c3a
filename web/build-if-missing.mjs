/* global console, process */
// `npm start` builds the web UI first when web/dist is missing, so that a fresh checkout serves it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(new URL('./dist/index.html', import.meta.url))) {
  console.error('web/dist is missing: building the web UI');
  execFileSync(
    process.execPath,
    [fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url)), 'build', '--config', 'web/vite.config.ts'],
    { cwd: root, stdio: 'inherit' },
  );
}
