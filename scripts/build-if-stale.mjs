/* global console, process, URL */
// `npm start` (prestart) and the test run build what is missing or older than its sources, so that
// a fresh checkout or an edited source never runs a stale build:
// - the server: dist/rapport.js against src/ (tests excluded) and the build script;
// - the web UI (not with --server-only): web/dist/index.html against web/ and src/contract/, which the UI imports.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildServer } from './build-server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The newest modification time of the files under `path` (a file or a folder), tests excluded. */
function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = 0;
  for (const name of readdirSync(path)) if (!name.endsWith('.test.ts') && name !== 'dist') t = Math.max(t, newest(join(path, name)));
  return t;
}

const stale = (output, sources) => !existsSync(output) || statSync(output).mtimeMs < Math.max(...sources.map((s) => newest(join(ROOT, s))));

/** Whether dist/ is missing or older than the server's sources. */
export const serverStale = () => stale(join(ROOT, 'dist', 'rapport.js'), ['src', 'scripts/build-server.mjs']);

/** Whether web/dist is missing or older than the web UI's sources. */
export const webStale = () => stale(join(ROOT, 'web', 'dist', 'index.html'), ['web', 'src/contract']);

/** Builds the server (and the web UI unless `serverOnly`) where the build is missing or stale. */
export async function buildIfStale({ serverOnly = false } = {}) {
  if (serverStale()) {
    console.error('dist/ is missing or older than src/: building the server');
    await buildServer();
  }
  if (!serverOnly && webStale()) {
    console.error('web/dist is missing or older than the web UI: building it');
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  await buildIfStale({ serverOnly: process.argv.includes('--server-only') });
