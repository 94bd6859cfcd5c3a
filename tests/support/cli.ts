import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describePerDialect, freshDatabase, type DialectName } from './test-app';

const BIN = resolve(import.meta.dirname, '../../bin/rapport.js');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A fresh SQLite database URL for a CLI test. */
export function cliDatabase(): string {
  return `sqlite:${join(mkdtempSync(join(tmpdir(), 'rapport-cli-')), 'rapport.db')}`;
}

/**
 * Runs a CLI suite once per dialect (see describePerDialect): each dialect gets a fresh, empty
 * database from freshDatabase, dropped after the suite; `databaseUrl()` answers its URL.
 */
export function describeCliEachDialect(name: string, suite: (databaseUrl: () => string, dialect: DialectName) => void): void {
  describePerDialect(
    name,
    freshDatabase,
    (database) => database.drop(),
    (get, dialect) => suite(() => get().url, dialect),
  );
}

/** Runs `rapport <args>` as a child process, as a user would: the build in dist/ (tests/support/build-once.ts). */
export function runCli(
  args: readonly string[],
  opts: { databaseUrl: string; input?: string; env?: Record<string, string> },
): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: {
        ...process.env,
        RAPPORT_DATABASE_URL: opts.databaseUrl,
        RAPPORT_LOG_LEVEL: 'silent',
        RAPPORT_ADMIN_PASSWORD: 'admin-password-1',
        ...opts.env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}
