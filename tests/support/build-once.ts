import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// vitest globalSetup: the suites that start `rapport` as a process (tests/support/cli.ts,
// server-process.ts) run the build in dist/, as `npm start` does, so it is built first when it
// is missing or older than the sources (esbuild: well under a second).
export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/build-if-stale.mjs', import.meta.url)), '--server-only'], {
    stdio: 'inherit',
  });
}
