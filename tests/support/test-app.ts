import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { createApp, type App } from '../../src/app/create-app';
import { isCi, testPostgresUrl, type Config } from '../../src/app/config';
import { createLogger } from '../../src/app/logger';
import { createClock, type Clock } from '../../src/domain/shared/clock';
import { buildServer, type Server } from '../../src/http/build-server';
import { TEST_DIALECTS, type DialectName } from './dialects';

export { TEST_DIALECTS, type DialectName };

async function probePostgres(): Promise<boolean> {
  const client = new pg.Client({ connectionString: testPostgresUrl(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

// a run narrowed to SQLite (RAPPORT_TEST_DIALECTS=sqlite) neither asks for nor needs a server
const POSTGRES_WANTED = TEST_DIALECTS.includes('postgres');
export const POSTGRES_AVAILABLE = POSTGRES_WANTED && (await probePostgres());
if (POSTGRES_WANTED && !POSTGRES_AVAILABLE) {
  if (isCi()) throw new Error(`PostgreSQL is not reachable at ${testPostgresUrl()}; in CI every PostgreSQL suite must run.`);
  console.warn(`PostgreSQL is not reachable at ${testPostgresUrl()}: the PostgreSQL half of the storage and service suites is skipped.`);
}

/** A clock the test moves by hand. */
export interface TestClock extends Clock {
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(startIso = '2026-11-28T10:15:01.000Z', timeZone = 'UTC'): TestClock {
  let current = new Date(startIso);
  const clock = createClock(timeZone, () => new Date(current));
  return Object.assign(clock, {
    set(iso: string) {
      current = new Date(iso);
    },
    advance(ms: number) {
      current = new Date(current.getTime() + ms);
    },
  });
}

/** A fresh, empty database of the dialect; answers its URL and a cleanup. */
export async function freshDatabase(dialect: DialectName): Promise<{ url: string; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-test-'));
    return { url: `sqlite:${join(dir, 'rapport.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `rapport_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testPostgresUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const base = new URL(testPostgresUrl());
  base.pathname = `/${name}`;
  return {
    url: base.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: testPostgresUrl() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export const ADMIN_PASSWORD = 'admin-password-1';

export interface TestEnv {
  readonly dialect: DialectName;
  readonly app: App;
  readonly server: Server;
  readonly clock: TestClock;
  /** A bearer token of the bootstrap admin. */
  readonly adminToken: string;
  /** Creates a user of the role (and optional salesperson) and answers a bearer token. */
  tokenFor(role: 'admin' | 'user' | 'viewer', opts?: { username?: string; salespersonCode?: string }): Promise<string>;
  /** inject() with a bearer token (default: admin) and a JSON body. */
  api(
    method: string,
    url: string,
    opts?: { body?: unknown; token?: string | null; headers?: Record<string, string>; payload?: string | Buffer },
  ): Promise<ApiResponse>;
}

export interface ApiResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | number | undefined>;
  readonly body: any;
  readonly text: string;
}

let userSeq = 0;

/** Starts an app with its HTTP server on a fresh database of the dialect. */
export async function startTestEnv(
  dialect: DialectName,
  opts: { clock?: TestClock; config?: Partial<Config> } = {},
): Promise<TestEnv & { stop(): Promise<void> }> {
  const database = await freshDatabase(dialect);
  const clock = opts.clock ?? testClock();
  const config: Config = {
    databaseUrl: database.url,
    port: 0,
    host: '127.0.0.1',
    timeZone: 'UTC',
    adminPassword: ADMIN_PASSWORD,
    logLevel: 'silent',
    smtpUrl: null,
    ...opts.config,
  };
  const app = await createApp(config, createLogger(config), { clock });
  const server = await buildServer(app);
  const created = await app.services.account.createToken('admin', { name: 'tests' });

  const api: TestEnv['api'] = async (method, url, o = {}) => {
    const token = o.token === undefined ? created.token : o.token;
    const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...o.headers };
    let payload: string | Buffer | undefined = o.payload;
    if (o.body !== undefined) {
      payload = JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await server.fastify.inject({ method: method as never, url, headers, ...(payload !== undefined && { payload }) });
    let body: unknown = undefined;
    try {
      body = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      body = res.body;
    }
    return { status: res.statusCode, headers: res.headers, body, text: res.body };
  };

  return {
    dialect,
    app,
    server,
    clock,
    adminToken: created.token,
    api,
    async tokenFor(role, o = {}) {
      const username = o.username ?? `${role}${++userSeq}`;
      await app.services.account.createUser({ username, password: 'password-123', role, salespersonCode: o.salespersonCode ?? null });
      return (await app.services.account.createToken(username, {})).token;
    },
    async stop() {
      await server.fastify.close();
      await app.close();
      await database.drop();
    },
  };
}

/**
 * Runs a suite once per dialect (Kysely's DIALECTS loop): always on SQLite, on PostgreSQL when a
 * server is reachable (always in CI); RAPPORT_TEST_DIALECTS narrows a run to one of them. `start` makes the suite's resource before it, `stop` ends it
 * after; the suite reads it through `get()`.
 */
export function describePerDialect<R>(
  name: string,
  start: (dialect: DialectName) => Promise<R>,
  stop: (resource: R) => Promise<void>,
  suite: (get: () => R, dialect: DialectName) => void,
): void {
  for (const dialect of TEST_DIALECTS) {
    const run = dialect === 'postgres' && !POSTGRES_AVAILABLE ? describe.skip : describe;
    run(`${name} [${dialect}]`, () => {
      let resource: { value: R } | undefined;
      beforeAll(async () => {
        resource = { value: await start(dialect) };
      }, 60_000);
      afterAll(async () => {
        if (resource) await stop(resource.value);
      }, 60_000);
      suite(() => {
        if (!resource) throw new Error(`${name} [${dialect}]: not started`);
        return resource.value;
      }, dialect);
    });
  }
}

/** Runs a suite once per dialect against a running app (`env()`), as describePerDialect does. */
export function describeEachDialect(
  name: string,
  suite: (env: () => TestEnv, dialect: DialectName) => void,
  opts: { clock?: () => TestClock } = {},
): void {
  describePerDialect(
    name,
    (dialect) => startTestEnv(dialect, opts.clock ? { clock: opts.clock() } : {}),
    (env) => env.stop(),
    suite,
  );
}
