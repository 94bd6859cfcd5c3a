import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { createApp } from '../../src/app/create-app';
import { createLogger } from '../../src/app/logger';
import { migrate as migrateDatabase } from '../../src/app/maintenance';
import type { Config } from '../../src/app/config';
import { openDatabase } from '../../src/storage/open-database';
import { schemaOf } from '../support/database-dump';
import { describePerDialect, freshDatabase, type DialectName } from '../support/test-app';

const BIN = resolve(import.meta.dirname, '../../bin/rapport.js');
const PRELOAD = pathToFileURL(resolve(import.meta.dirname, '../support/pause-after-statement.ts')).href;

interface Run {
  readonly code: number | string;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `rapport migrate` as a child process. With `killAfter`, the process stops once that many SQL
 * statements have completed (tests/support/pause-after-statement.mjs) and is killed with SIGKILL
 * there; with `trace`, every statement's text is written to that file.
 */
function migrate(databaseUrl: string, opts: { killAfter?: number; trace?: string } = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', PRELOAD, BIN, 'migrate'], {
      env: {
        ...process.env,
        RAPPORT_DATABASE_URL: databaseUrl,
        RAPPORT_LOG_LEVEL: 'silent',
        ...(opts.killAfter !== undefined && { PAUSE_AFTER_STATEMENT: String(opts.killAfter) }),
        ...(opts.trace !== undefined && { PAUSE_AFTER_STATEMENT_TRACE: opts.trace }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes('paused after statement')) child.kill('SIGKILL');
    });
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code: code ?? signal ?? -1, stdout, stderr }));
  });
}

/**
 * Where to kill, chosen from the statements of an uninterrupted run so that a migration added
 * later is covered without changing this test: in the middle of every migration, after the
 * first migration's bookkeeping row (before its commit) and the statement after it, and right
 * after 0002 dropped `n_succeeded` (where an upgrade once left databases no command could open).
 */
function killPoints(statements: readonly string[]): number[] {
  const at = (i: number) => i + 1; // statements are counted from 1
  const bookkeeping = statements.flatMap((s, i) => (/^insert into "kysely_migration"/.test(s) ? [i] : []));
  const points = new Set<number>();
  let start = statements.findIndex((s) => /^select "name", "timestamp" from "kysely_migration"/.test(s));
  for (const end of bookkeeping) {
    points.add(at(Math.floor((start + end) / 2)));
    start = end;
  }
  const first = bookkeeping[0]!;
  points.add(at(first));
  points.add(at(first + 1));
  points.add(at(statements.findIndex((s) => /drop column "n_succeeded"/.test(s))));
  return [...points].sort((a, b) => a - b);
}

function configFor(databaseUrl: string): Config {
  return {
    databaseUrl,
    port: 0,
    host: '127.0.0.1',
    timeZone: 'UTC',
    adminPassword: 'admin-password-1',
    logLevel: 'silent',
    smtpUrl: null,
  };
}

async function schemaAt(url: string, dialect: DialectName) {
  const handle = openDatabase(url);
  try {
    return await schemaOf(handle.db, dialect);
  } finally {
    await handle.close();
  }
}

describePerDialect(
  'rapport migrate killed part-way',
  async (dialect) => {
    // the reference: one uninterrupted run, whose statements give the points to kill at
    const database = await freshDatabase(dialect);
    const trace = join(mkdtempSync(join(tmpdir(), 'rapport-migrate-')), 'statements.jsonl');
    const run = await migrate(database.url, { trace });
    if (run.code !== 0) throw new Error(`rapport migrate failed: ${run.stderr}`);
    const statements = readFileSync(trace, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as string);
    return { database, statements, schema: await schemaAt(database.url, dialect) };
  },
  (r) => r.database.drop(),
  (reference, dialect) => {
    it('is started again and every database opens at the latest schema, wherever the process died', async () => {
      const { statements, schema } = reference();
      const points = killPoints(statements);
      expect(points.length).toBeGreaterThanOrEqual(7);
      for (const point of points) {
        const database = await freshDatabase(dialect);
        try {
          const killed = await migrate(database.url, { killAfter: point });
          expect(killed.stderr, `kill after statement ${point}: ${statements[point - 1]}`).toContain(`paused after statement ${point}`);
          expect(killed.code).toBe('SIGKILL');

          // started again: what `rapport migrate` runs, in this process (one child process less per point)
          await expect(
            migrateDatabase(configFor(database.url)),
            `restart after a kill after statement ${point}: ${statements[point - 1]}`,
          ).resolves.toBeDefined();
          expect(await schemaAt(database.url, dialect)).toEqual(schema);

          const app = await createApp(configFor(database.url), createLogger(configFor(database.url)));
          try {
            await app.services.health.ping();
            expect((await app.services.account.listUsers({ limit: 10 })).items.map((u) => u.username)).toEqual(['admin']);
          } finally {
            await app.close();
          }
        } finally {
          await database.drop();
        }
      }
    }, 600_000);
  },
);
