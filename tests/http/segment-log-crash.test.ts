import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_AVAILABLE, startTestEnv, TEST_DIALECTS, type TestEnv } from '../support/test-app';
import { seedManyContacts, seedSalesperson, seedTemplate } from '../support/seed-segments';

const SRC = resolve(import.meta.dirname, '../../src');
const LINES = 6000;

/**
 * A process that logs the segment and, once a few chunks of entries are written, reports its
 * progress and stops inside the transaction until it is killed.
 */
const CHILD = `
import { createApp } from ${JSON.stringify(join(SRC, 'app/create-app.ts'))};
import { loadConfig } from ${JSON.stringify(join(SRC, 'app/config.ts'))};
import { createLogger } from ${JSON.stringify(join(SRC, 'app/logger.ts'))};
const config = loadConfig();
const app = await createApp(config, createLogger(config));
await app.services.segments.log.log(process.argv[2], { sendAttachments: false, createFollowUpSegment: false }, { username: 'admin', salespersonCode: null }, (done, total) => {
  if (done >= 2000 && done < (total ?? 0)) {
    process.stdout.write('progress ' + done + '\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  }
});
process.stdout.write('finished\\n');
`;

for (const dialect of TEST_DIALECTS)
  (dialect === 'postgres' && !POSTGRES_AVAILABLE ? describe.skip : describe)(`segment log interrupted by a crash [${dialect}]`, () => {
    let env: TestEnv & { stop(): Promise<void> };
    beforeAll(async () => {
      env = await startTestEnv(dialect);
    }, 60_000);
    afterAll(async () => {
      await env?.stop();
    }, 60_000);

    it('leaves no logged segment, no entries and the segment intact when the process dies mid-log', async () => {
      const db = env.app.database.db;
      await seedSalesperson(db, 'SP');
      await seedTemplate(db, { code: 'MAIL', description: 'Letter' });
      await seedManyContacts(db, 'CR', LINES);
      await env.api('POST', '/api/v1/segments', {
        body: { no: 'CRASH', description: 'Crash test', interactionTemplateCode: 'MAIL', salespersonCode: 'SP' },
      });
      expect((await env.api('POST', '/api/v1/segments/CRASH/add-contacts', { body: {} })).body.added).toBe(LINES);

      const dir = mkdtempSync(join(tmpdir(), 'rapport-crash-'));
      const script = join(dir, 'log-child.mts');
      writeFileSync(script, CHILD);
      const child = spawn(process.execPath, ['--import', 'tsx', script, 'CRASH'], {
        cwd: resolve(SRC, '..'),
        env: {
          ...process.env,
          RAPPORT_DATABASE_URL: env.app.config.databaseUrl,
          RAPPORT_LOG_LEVEL: 'silent',
          RAPPORT_ADMIN_PASSWORD: 'admin-password-1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const exit = new Promise<NodeJS.Signals | number | null>((done) => child.on('exit', (code, signal) => done(signal ?? code)));
      await new Promise<void>((done, fail) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('progress ')) done();
        });
        child.on('exit', () => fail(new Error(`the child ended before reporting progress: ${out} ${err}`)));
      });
      child.kill('SIGKILL');
      expect(await exit).toBe('SIGKILL');
      const reported = Number(/progress (\d+)/.exec(out)?.[1]);
      expect(reported).toBeGreaterThanOrEqual(2000);
      expect(reported).toBeLessThan(LINES);
      expect(out).not.toContain('finished');

      expect(await db.selectFrom('logged_segments').select('entry_no').where('segment_no', '=', 'CRASH').execute()).toEqual([]);
      expect(await db.selectFrom('interaction_log_entries').select('entry_no').where('segment_no', '=', 'CRASH').execute()).toEqual([]);
      const segment = await env.api('GET', '/api/v1/segments/CRASH');
      expect(segment.body).toMatchObject({ no: 'CRASH', noOfLines: LINES, noOfCriteriaActions: 1 });

      // the segment can still be logged afterwards
      const logged = await env.api('POST', '/api/v1/segments/CRASH/log', { body: {} });
      expect(logged.body).toMatchObject({ noOfInteractions: LINES });
    }, 120_000);
  });
