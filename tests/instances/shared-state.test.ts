import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/storage/open-database';
import { seeder } from '../support/seed';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { ADMIN_PASSWORD, freshDatabase, POSTGRES_AVAILABLE } from '../support/test-app';

// Two `rapport serve` processes on one PostgreSQL database, as behind any load balancer: what one
// process knows, the other must know too (docs/deployment.md).

const run = POSTGRES_AVAILABLE ? describe : describe.skip; // skipped only without a PostgreSQL server (never in CI)

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any;
}

async function call(
  server: ServerProcess,
  method: string,
  path: string,
  o: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const res = await fetch(`${server.base}${path}`, {
    method,
    headers: { ...(o.body !== undefined && { 'content-type': 'application/json' }), ...o.headers },
    ...(o.body !== undefined && { body: JSON.stringify(o.body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

const cookieOf = (res: Answer) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

run('two server processes on one PostgreSQL database', () => {
  let database: { url: string; drop(): Promise<void> };
  let a: ServerProcess;
  let b: ServerProcess;
  let handle: DatabaseHandle;
  let token: string;

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    [a, b] = await Promise.all([startServerProcess({ databaseUrl: database.url }), startServerProcess({ databaseUrl: database.url })]);
    handle = openDatabase(database.url);
    const login = await call(a, 'POST', '/api/v1/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } });
    expect(login.status).toBe(200);
    const created = await call(b, 'POST', '/api/v1/users/admin/tokens', {
      body: { name: 'instances' },
      headers: { cookie: cookieOf(login), 'x-csrf-token': login.body.csrfToken },
    });
    expect(created.status).toBe(201);
    token = created.body.token;
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await handle?.close();
    await database?.drop();
  }, 60_000);

  const auth = () => ({ authorization: `Bearer ${token}` });

  it('logs one entry for four concurrent POSTs with one Idempotency-Key, two to each process (20 rounds)', async () => {
    const { templateCode, contactNo, salespersonCode } = await seeder(handle.db).basics();
    for (let round = 0; round < 20; round++) {
      const description = `round ${round}`;
      const key = `instances-${round}-${Date.now()}`;
      const body = { contactNo, interactionTemplateCode: templateCode, salespersonCode, description };
      const answers = await Promise.all(
        [a, b, a, b].map((server) =>
          call(server, 'POST', '/api/v1/interactions', { body, headers: { ...auth(), 'idempotency-key': key } }),
        ),
      );
      const entries = await handle.db
        .selectFrom('interaction_log_entries')
        .select('entry_no')
        .where('description', '=', description)
        .execute();
      expect(entries, description).toHaveLength(1);
      // every answer is the one entry: created once, replayed by the others
      for (const res of answers) {
        expect(res.status, description).toBe(201);
        expect(res.body.entryNo, description).toBe(Number(entries[0]!.entry_no));
      }
      expect(
        answers.filter((r) => r.headers.get('idempotent-replayed') === 'true'),
        description,
      ).toHaveLength(3);
    }
  }, 120_000);

  it('numbers contacts created on both processes at once gap-free and unique', async () => {
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        call(i % 2 ? a : b, 'POST', '/api/v1/contacts', { body: { type: 'company', name: `Numbered ${i}` }, headers: auth() }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(16).fill(201));
    const numbers = answers.map((r) => Number(String(r.body.no).replace(/^CT/, ''))).sort((x, y) => x - y);
    expect(new Set(numbers).size).toBe(16);
    expect(numbers[15]! - numbers[0]!).toBe(15);
  }, 60_000);

  it('accepts a session made on one process on the other, and ends it there for both', async () => {
    const login = await call(a, 'POST', '/api/v1/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } });
    const cookie = cookieOf(login);
    const me = await call(b, 'GET', '/api/v1/auth/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(me.body.csrfToken).toBe(login.body.csrfToken);
    const write = await call(b, 'POST', '/api/v1/languages', {
      body: { code: 'INST', name: 'Instances' },
      headers: { cookie, 'x-csrf-token': login.body.csrfToken },
    });
    expect(write.status).toBe(201);
    expect((await call(b, 'POST', '/api/v1/auth/logout', { headers: { cookie, 'x-csrf-token': login.body.csrfToken } })).status).toBe(204);
    expect((await call(a, 'GET', '/api/v1/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('accepts an API token made on one process on the other', async () => {
    const created = await call(a, 'POST', '/api/v1/users/admin/tokens', { body: {}, headers: auth() });
    expect((await call(b, 'GET', '/api/v1/auth/me', { headers: { authorization: `Bearer ${created.body.token}` } })).status).toBe(200);
    expect((await call(b, 'DELETE', `/api/v1/users/admin/tokens/${created.body.id}`, { headers: auth() })).status).toBe(204);
    expect((await call(a, 'GET', '/api/v1/auth/me', { headers: { authorization: `Bearer ${created.body.token}` } })).status).toBe(401);
  });

  it('adds failed sign-ins on both processes up to one limit', async () => {
    expect(
      (
        await call(a, 'POST', '/api/v1/users', {
          body: { username: 'limited', password: 'limited-password', role: 'user' },
          headers: auth(),
        })
      ).status,
    ).toBe(201);
    for (let i = 0; i < 10; i++) {
      const res = await call(i % 2 ? a : b, 'POST', '/api/v1/auth/login', { body: { username: 'limited', password: `wrong-${i}-xx` } });
      expect(res.status).toBe(401);
    }
    for (const server of [a, b]) {
      const res = await call(server, 'POST', '/api/v1/auth/login', { body: { username: 'limited', password: 'limited-password' } });
      expect(res.status).toBe(429);
      expect(res.body.code).toBe('rate_limited');
    }
  });
});
