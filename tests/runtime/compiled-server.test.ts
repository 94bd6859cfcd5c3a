import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { contactsCsv, jobEnded } from '../jobs/job-support';
import { runCli } from '../support/cli';
import { startServerProcess } from '../support/server-process';
import { describePerDialect, freshDatabase } from '../support/test-app';

const ROOT = resolve(import.meta.dirname, '../..');
const RECORDER = pathToFileURL(resolve(import.meta.dirname, '../support/record-modules.mjs')).href;

describePerDialect(
  'rapport serve runs the build with plain Node',
  freshDatabase,
  (database) => database.drop(),
  (database) => {
    it('loads dist/rapport.js and no TypeScript source or loader, and runs a background job', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'rapport-modules-'));
      const modules = join(dir, 'modules.txt');
      const server = await startServerProcess({
        databaseUrl: database().url,
        env: { NODE_OPTIONS: `--import=${RECORDER}`, RECORD_MODULES_FILE: modules },
      });
      try {
        // the command line is node, bin/rapport.js and its arguments, with no loader flag
        const argv = readFileSync(`/proc/${server.child.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
        expect(argv.slice(1)).toEqual([join(ROOT, 'bin/rapport.js'), 'serve']);

        // a job makes the server load what it loads only on demand (on SQLite, the job thread)
        const token = (await runCli(['token', 'create', 'admin'], { databaseUrl: database().url })).stdout.trim();
        const auth = { authorization: `Bearer ${token}` };
        const started = await fetch(`${server.base}/api/v1/contacts/import?async=true`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'text/csv' },
          body: contactsCsv(20, 'Runtime'),
        });
        expect(started.status).toBe(202);
        const { jobId } = (await started.json()) as { jobId: string };
        const job = await jobEnded(server.base, jobId, auth, 'the import job to end');
        expect(job).toMatchObject({ status: 'succeeded', result: { imported: 20 } });
      } finally {
        await server.stop();
      }

      const loaded = readFileSync(modules, 'utf8').split('\n').filter(Boolean);
      rmSync(dir, { recursive: true, force: true });
      expect(loaded).toContain(pathToFileURL(join(ROOT, 'dist/rapport.js')).href);
      expect(loaded.filter((url) => /\.[cm]?tsx?$/.test(url) || url.includes('/node_modules/tsx/'))).toEqual([]);
      expect(loaded.filter((url) => url.startsWith(pathToFileURL(join(ROOT, 'src')).href))).toEqual([]);
    });
  },
);

it('bin/rapport.js says how to build when dist/ is missing', () => {
  // a copy of bin/ beside no dist/
  const dir = mkdtempSync(join(tmpdir(), 'rapport-unbuilt-'));
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(ROOT, 'bin/rapport.js'), join(dir, 'bin/rapport.js'));
  const run = spawnSync(process.execPath, [join(dir, 'bin/rapport.js'), 'user', 'list'], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('run npm run build');
});
