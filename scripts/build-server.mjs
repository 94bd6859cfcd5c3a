/* global console, process, URL */
// Builds the server and CLI to plain JavaScript (decision 0022): src/cli/main.ts → dist/rapport.js,
// and the SQLite job thread's entry src/app/jobs/job-worker.ts → dist/job-worker.js, with the
// code they share in dist/chunks/. Packages stay imports of node_modules (`packages: 'external'`),
// so native modules (better-sqlite3) and packages that serve their own files (@fastify/swagger-ui)
// load as they are installed.
//
//   node scripts/build-server.mjs           build once
//   node scripts/build-server.mjs --watch   rebuild on every change of the sources
import * as esbuild from 'esbuild';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = `${ROOT}dist`;

/** The esbuild options of the server build, written to `outdir`. */
export function serverBuildOptions(outdir = DIST) {
  return {
    absWorkingDir: ROOT,
    entryPoints: { rapport: 'src/cli/main.ts', 'job-worker': 'src/app/jobs/job-worker.ts' },
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  };
}

/**
 * Builds dist/ anew: into a folder beside it, then swapped in, so that a process starting from
 * dist/ meanwhile never sees half a build.
 */
export async function buildServer() {
  const next = `${DIST}.next-${process.pid}`;
  const old = `${DIST}.old-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  try {
    await esbuild.build(serverBuildOptions(next));
    if (existsSync(DIST)) renameSync(DIST, old);
    renameSync(next, DIST);
  } finally {
    rmSync(next, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
}

/** Rebuilds dist/ in place on every change of the sources, until the process ends. */
export async function watchServer() {
  const context = await esbuild.context({
    ...serverBuildOptions(),
    plugins: [{ name: 'log', setup: (b) => b.onEnd((r) => !r.errors.length && console.error('server built into dist/')) }],
  });
  await context.watch();
  return context;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--watch')) await watchServer();
  else {
    const started = Date.now();
    await buildServer();
    console.error(`server built into dist/ in ${Date.now() - started} ms`);
  }
}
