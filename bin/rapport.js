#!/usr/bin/env node
// The CLI and server run from the build (dist/rapport.js, written by `npm run build` and by
// `npm install`): plain Node, with no TypeScript compiler or loader in the process.
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

const entry = new URL('../dist/rapport.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('error: the server is not built (dist/rapport.js is missing): run npm run build\n');
  process.exit(2);
}
// stack traces name the TypeScript sources (dist/*.map) instead of the bundle's lines
process.setSourceMapsEnabled(true);

// Memory (decision 0022). V8 grows its young generation with the survival rate it sees, and loading
// every module at start would leave it at its largest (two 16 MiB halves) for the life of an idle
// server: it keeps its first size while the command starts, and may grow as the load asks once the
// command has started (for `serve`: once it listens). The old generation is collected when it has
// grown by a fifth since the last collection instead of V8's factor for small heaps (up to
// doubling), so that a long download's garbage does not raise the process's memory for good.
setFlagsFromString('--heap-growing-percent=20');
setFlagsFromString('--semi-space-growth-factor=1');
await import(entry.href);
setFlagsFromString('--semi-space-growth-factor=2');
