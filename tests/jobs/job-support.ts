import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { createApp, type App } from '../../src/app/create-app';
import type { Config } from '../../src/app/config';
import type { Database } from '../../src/storage/kysely/database';
import { createLogger } from '../../src/app/logger';
import type { TestEnv } from '../support/test-app';

/** A CSV of `n` contacts named `<prefix> <i>`. */
export const contactsCsv = (n: number, prefix = 'Imported'): string =>
  ['name', ...Array.from({ length: n }, (_, i) => `${prefix} ${i}`)].join('\n') + '\n';

export async function uploadCsv(env: TestEnv, csv: string): Promise<string> {
  const res = await env.api('POST', '/api/v1/contacts/import?async=true', { headers: { 'content-type': 'text/csv' }, payload: csv });
  expect(res.status).toBe(202);
  return res.body.jobId as string;
}

export const jobRow = (app: App, id: string) =>
  app.database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** Contacts named `<prefix> <i>` in a database. */
export const countContactsIn = async (db: Kysely<Database>, prefix: string) =>
  Number(
    (
      await db
        .selectFrom('contacts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('name', 'like', `${prefix} %`)
        .executeTakeFirstOrThrow()
    ).n,
  );

export const countContacts = (app: App, prefix: string) => countContactsIn(app.database.db, prefix);

/** Polls until `check` answers a value (not undefined), or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Polls a server process's `GET /jobs/{id}` until the job has succeeded or failed. */
export function jobEnded(base: string, jobId: string, headers: Record<string, string>, what: string, timeoutMs?: number) {
  return waitFor(
    what,
    async () => {
      const j = (await (await fetch(`${base}/api/v1/jobs/${jobId}`, { headers })).json()) as { status: string };
      return j.status === 'succeeded' || j.status === 'failed' ? j : undefined;
    },
    timeoutMs,
  );
}

/** An owner name of a runner that is gone: a process of this host that has exited. */
export function deadOwner(): string {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return `${hostname()}/${child.stdout}/gone`;
}

/** A second instance of the app on the same database (as a second server process would be). */
export function secondInstance(config: Config, opts: { cronCheckSeconds?: number } = {}): Promise<App> {
  return createApp(config, createLogger(config), opts);
}
