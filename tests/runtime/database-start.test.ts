import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { freePort } from '../support/server-process';
import { testPostgresUrl } from '../../src/app/config';
import { POSTGRES_AVAILABLE } from '../support/test-app';

// A database the process cannot use stops `rapport serve` and every command with one line that
// names RAPPORT_DATABASE_URL and the cause, and exit code 2 — never a stack trace.

const BIN = resolve(import.meta.dirname, '../../bin/rapport.js');

interface Run {
  readonly code: number | null;
  readonly stderr: string;
}

/** `rapport <args>` on a database URL, optionally as another user (uid/gid). */
function rapport(args: readonly string[], databaseUrl: string, as?: { uid: number; gid: number }): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: {
        ...process.env,
        RAPPORT_DATABASE_URL: databaseUrl,
        RAPPORT_LOG_LEVEL: 'warn',
        RAPPORT_ADMIN_PASSWORD: 'admin-password-1',
        PORT: '0',
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
      ...as,
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    // a server that did start would keep running: stop it, and the test sees a signal, not 2
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stderr });
    });
  });
}

function expectStartRefused(run: Run, cause: RegExp) {
  const lines = run.stderr.split('\n').filter((l) => l.trim() !== '');
  expect({ code: run.code, lines }).toEqual({ code: 2, lines: [expect.stringMatching(/^error: RAPPORT_DATABASE_URL \(/)] });
  expect(lines[0]).toMatch(cause);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

const COMMANDS = [['serve'], ['user', 'list'], ['migrate']] as const;

describe('a SQLite database that cannot be created or written', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-start-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops with the cause when the directory cannot be created', async () => {
    // a file where the directory should be: no user, root included, can create it
    writeFileSync(join(dir, 'blocker'), 'not a directory');
    const url = `sqlite:${join(dir, 'blocker', 'rapport.db')}`;
    for (const args of COMMANDS)
      expectStartRefused(await rapport(args, url), /its directory .*blocker cannot be created: a file is in the way/);
  }, 120_000);

  it('stops with the cause when the path is not a database file', async () => {
    writeFileSync(join(dir, 'notes.db'), 'some text that is not SQLite '.repeat(100));
    const url = `sqlite:${join(dir, 'notes.db')}`;
    for (const args of COMMANDS) expectStartRefused(await rapport(args, url), /is not a SQLite database/);
  }, 120_000);

  // root writes any file whatever its mode, so a read-only database is only read-only to another
  // user: the commands run as nobody on a database root made and owns
  const nobody = spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' });
  const canSwitch = process.getuid?.() === 0 && nobody.status === 0;
  (canSwitch ? it : it.skip)(
    'stops with the cause when the database file is read-only to the process',
    async () => {
      const readOnly = mkdtempSync(join(tmpdir(), 'rapport-ro-'));
      try {
        chmodSync(readOnly, 0o755);
        const url = `sqlite:${join(readOnly, 'rapport.db')}`;
        expect((await runCli(['migrate'], { databaseUrl: url })).code).toBe(0);
        chmodSync(join(readOnly, 'rapport.db'), 0o444);
        const as = {
          uid: Number(nobody.stdout.trim()),
          gid: Number(spawnSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).stdout.trim()),
        };
        for (const args of COMMANDS)
          expectStartRefused(await rapport(args, url, as), /rapport\.db (or its directory cannot be written|cannot be opened or created)/);
      } finally {
        rmSync(readOnly, { recursive: true, force: true });
      }
    },
    120_000,
  );
});

describe('a PostgreSQL database that cannot be used', () => {
  it('stops with the cause when the server cannot be reached', async () => {
    const url = `postgres://postgres:secret-password@127.0.0.1:${await freePort()}/rapport`;
    for (const args of COMMANDS) {
      const run = await rapport(args, url);
      expectStartRefused(run, /PostgreSQL cannot be reached \(.*ECONNREFUSED/);
      // the password is not printed
      expect(run.stderr).not.toContain('secret-password');
      expect(run.stderr).toContain('postgres://postgres:***@127.0.0.1');
    }
  }, 120_000);

  (POSTGRES_AVAILABLE ? it : it.skip)(
    'stops with the cause when the sign-in is refused',
    async () => {
      const url = new URL(testPostgresUrl());
      url.username = 'no_such_rapport_user';
      url.pathname = '/postgres';
      for (const args of COMMANDS)
        expectStartRefused(await rapport(args, url.toString()), /PostgreSQL refused the sign-in \(.*no_such_rapport_user/);
    },
    120_000,
  );
});
