import { describe, expect, it } from 'vitest';
import { cliDatabase, runCli } from '../support/cli';

describe('rapport user and token commands', () => {
  const databaseUrl = cliDatabase();

  it('migrates and reports how many migrations it applied', async () => {
    const fresh = cliDatabase();
    const first = await runCli(['migrate'], { databaseUrl: fresh });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^[1-9]\d* migrations? applied/);
    const again = await runCli(['migrate'], { databaseUrl: fresh });
    expect(again.stdout.trim()).toBe('0 migrations applied');
  });

  it('adds a user with a password from standard input and lists it', async () => {
    const add = await runCli(['user', 'add', 'Anna', '--role', 'user', '--full-name', 'Anna Berg', '--password-stdin'], {
      databaseUrl,
      input: 'anna-password\n',
    });
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('user anna (user) created');
    expect(add.stdout).not.toContain('password:');
    const list = await runCli(['user', 'list', '--json'], { databaseUrl });
    const body = JSON.parse(list.stdout);
    expect(body.items.map((u: { username: string }) => u.username)).toEqual(['admin', 'anna']);
    expect(body.nextCursor).toBeNull();
  });

  it('generates and prints a password when none is given', async () => {
    const add = await runCli(['user', 'add', 'viv', '--role', 'viewer'], { databaseUrl });
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/password: \S{12,}/);
  });

  it('refuses a bad role with exit code 2 and a duplicate with exit code 3', async () => {
    const bad = await runCli(['user', 'add', 'zed', '--role', 'boss'], { databaseUrl });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('error validation_failed');
    const dup = await runCli(['user', 'add', 'anna', '--role', 'user'], { databaseUrl });
    expect(dup.code).toBe(3);
    expect(dup.stderr).toContain('error duplicate_code');
  });

  it('prints only the token, and revokes it by its id', async () => {
    const created = await runCli(['token', 'create', 'anna', '--name', 'script'], { databaseUrl });
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^rpt_[A-Za-z0-9_-]+\n$/);
    const json = await runCli(['token', 'create', 'anna', '--json'], { databaseUrl });
    const body = JSON.parse(json.stdout);
    expect(body).toMatchObject({ id: expect.any(Number), token: expect.stringMatching(/^rpt_/), name: null, expiresAt: null });
    const revoke = await runCli(['token', 'revoke', 'anna', String(body.id)], { databaseUrl });
    expect(revoke.code).toBe(0);
    const again = await runCli(['token', 'revoke', 'anna', String(body.id)], { databaseUrl });
    expect(again.code).toBe(4);
  });

  it('stops with exit code 2 and names the variable when the configuration is invalid', async () => {
    const res = await runCli(['user', 'list'], { databaseUrl, env: { RAPPORT_TZ: 'Nowhere/Land' } });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('RAPPORT_TZ');
  });

  it('lets several processes write to one SQLite database at once', async () => {
    const results = await Promise.all(
      ['p1', 'p2', 'p3', 'p4', 'p5'].map((u) => runCli(['user', 'add', u, '--role', 'viewer'], { databaseUrl })),
    );
    expect(results.map((r) => [r.code, r.stderr])).toEqual(results.map(() => [0, '']));
    const list = JSON.parse((await runCli(['user', 'list', '--json'], { databaseUrl })).stdout);
    expect(list.items.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['p1', 'p2', 'p3', 'p4', 'p5']));
  }, 120_000);

  it('prints its version', async () => {
    const res = await runCli(['--version'], { databaseUrl });
    expect(res.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 on an unknown option', async () => {
    const res = await runCli(['user', 'list', '--colour'], { databaseUrl });
    expect(res.code).toBe(2);
  });
});
