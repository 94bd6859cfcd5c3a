#!/usr/bin/env node
// The CLI and server run from the build (dist/rapport.js, written by `npm run build` and by
// `npm install`): plain Node, with no TypeScript compiler or loader in the process.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/rapport.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('error: the server is not built (dist/rapport.js is missing): run npm run build\n');
  process.exit(2);
}
// stack traces name the TypeScript sources (dist/*.map) instead of the bundle's lines
process.setSourceMapsEnabled(true);
await import(entry.href);
