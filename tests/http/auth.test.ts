import { expect, it, vi } from 'vitest';
import { request } from 'node:http';
import { createApp } from '../../src/app/create-app';
import { createLogger } from '../../src/app/logger';
import { verifyPassword } from '../../src/domain/account/password';
import { buildServer } from '../../src/http/build-server';
import { ADMIN_PASSWORD, describeEachDialect, describePerDialect, startTestEnv } from '../support/test-app';

// the real scrypt, counted: an unknown user's sign-in must cost a hash check like a known user's
vi.mock('../../src/domain/account/password', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/domain/account/password')>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

function cookiesOf(setCookie: string | string[] | number | undefined): Record<string, string> {
  const list = Array.isArray(setCookie) ? setCookie : typeof setCookie === 'string' ? [setCookie] : [];
  return Object.fromEntries(list.map((c) => c.split(';')[0]!.split('=') as [string, string]));
}

describeEachDialect('sign-in, sessions and CSRF', (env) => {
  it('signs in with a session cookie that is HttpOnly and SameSite, and a readable CSRF cookie', async () => {
    const res = await env().api('POST', '/api/v1/auth/login', { token: null, body: { username: 'admin', password: ADMIN_PASSWORD } });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'admin', role: 'admin', disabled: false });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    const raw = ([] as string[]).concat(res.headers['set-cookie'] as string[]);
    const session = raw.find((c) => c.startsWith('rapport_session='))!;
    const csrf = raw.find((c) => c.startsWith('rapport_csrf='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(cookiesOf(raw)['rapport_csrf']).toBe(res.body.csrfToken);
  });

  it('answers the same 401 for a wrong password and an unknown user', async () => {
    const wrong = await env().api('POST', '/api/v1/auth/login', { token: null, body: { username: 'admin', password: 'not-the-password' } });
    const unknown = await env().api('POST', '/api/v1/auth/login', { token: null, body: { username: 'nobody', password: 'whatever-123' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('unauthenticated');
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });

  it('uses the session for reads and demands the CSRF token for writes', async () => {
    const login = await env().api('POST', '/api/v1/auth/login', { token: null, body: { username: 'admin', password: ADMIN_PASSWORD } });
    const cookies = cookiesOf(login.headers['set-cookie']);
    const cookie = `rapport_session=${cookies['rapport_session']}; rapport_csrf=${cookies['rapport_csrf']}`;
    const me = await env().api('GET', '/api/v1/auth/me', { token: null, headers: { cookie } });
    expect(me.status).toBe(200);
    expect(me.body.csrfToken).toBe(login.body.csrfToken);
    const noCsrf = await env().api('POST', '/api/v1/languages', { token: null, headers: { cookie }, body: { code: 'CSRF', name: 'x' } });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.code).toBe('forbidden');
    const badCsrf = await env().api('POST', '/api/v1/languages', {
      token: null,
      headers: { cookie, 'x-csrf-token': 'nope' },
      body: { code: 'CSRF', name: 'x' },
    });
    expect(badCsrf.status).toBe(403);
    const ok = await env().api('POST', '/api/v1/languages', {
      token: null,
      headers: { cookie, 'x-csrf-token': login.body.csrfToken },
      body: { code: 'CSRF', name: 'x' },
    });
    expect(ok.status).toBe(201);
  });

  it('revokes the session on sign-out', async () => {
    const login = await env().api('POST', '/api/v1/auth/login', { token: null, body: { username: 'admin', password: ADMIN_PASSWORD } });
    const cookies = cookiesOf(login.headers['set-cookie']);
    const cookie = `rapport_session=${cookies['rapport_session']}`;
    const out = await env().api('POST', '/api/v1/auth/logout', { token: null, headers: { cookie, 'x-csrf-token': login.body.csrfToken } });
    expect(out.status).toBe(204);
    expect((await env().api('GET', '/api/v1/auth/me', { token: null, headers: { cookie } })).status).toBe(401);
  });

  it('expires a session 12 hours after its last use', async () => {
    const login = await env().api('POST', '/api/v1/auth/login', { token: null, body: { username: 'admin', password: ADMIN_PASSWORD } });
    const cookie = `rapport_session=${cookiesOf(login.headers['set-cookie'])['rapport_session']}`;
    env().clock.advance(11 * 3600_000);
    expect((await env().api('GET', '/api/v1/auth/me', { token: null, headers: { cookie } })).status).toBe(200);
    env().clock.advance(11 * 3600_000);
    expect((await env().api('GET', '/api/v1/auth/me', { token: null, headers: { cookie } })).status).toBe(200);
    env().clock.advance(12 * 3600_000 + 1000);
    expect((await env().api('GET', '/api/v1/auth/me', { token: null, headers: { cookie } })).status).toBe(401);
  });

  it('rate-limits failed sign-ins for a username with 429 and Retry-After', async () => {
    await env().app.services.account.createUser({ username: 'target', password: 'target-password', role: 'user' });
    for (let i = 0; i < 10; i++) {
      const r = await env().api('POST', '/api/v1/auth/login', { token: null, body: { username: 'target', password: `wrong-${i}-xx` } });
      expect(r.status).toBe(401);
    }
    const limited = await env().api('POST', '/api/v1/auth/login', {
      token: null,
      body: { username: 'target', password: 'target-password' },
    });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.retryAfter).toBe(Number(limited.headers['retry-after']));
    env().clock.advance(15 * 60_000 + 1000);
    const after = await env().api('POST', '/api/v1/auth/login', { token: null, body: { username: 'target', password: 'target-password' } });
    expect(after.status).toBe(200);
  });

  it('refuses a disabled user at sign-in and ends its sessions and tokens', async () => {
    await env().app.services.account.createUser({ username: 'leaver', password: 'leaver-password', role: 'user' });
    const token = (await env().app.services.account.createToken('leaver', {})).token;
    expect((await env().api('GET', '/api/v1/auth/me', { token })).status).toBe(200);
    const patched = await env().api('PATCH', '/api/v1/users/leaver', { body: { disabled: true } });
    expect(patched.body.disabled).toBe(true);
    expect((await env().api('GET', '/api/v1/auth/me', { token })).status).toBe(401);
    const login = await env().api('POST', '/api/v1/auth/login', { token: null, body: { username: 'leaver', password: 'leaver-password' } });
    expect(login.status).toBe(401);
  });
});

describeEachDialect('users and API tokens', (env) => {
  it('creates users with a hashed password and refuses duplicates', async () => {
    const res = await env().api('POST', '/api/v1/users', {
      body: { username: ' Anna ', password: 'anna-password', role: 'user', fullName: 'Anna Berg' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'anna', fullName: 'Anna Berg', role: 'user', salespersonCode: null, disabled: false });
    const row = await env()
      .app.database.db.selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'anna')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain('anna-password');
    const again = await env().api('POST', '/api/v1/users', { body: { username: 'anna', password: 'anna-password', role: 'user' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('duplicate_code');
  });

  it('validates users: short password, bad role, unknown salesperson', async () => {
    const bad = await env().api('POST', '/api/v1/users', { body: { username: 'x y', password: 'short', role: 'boss' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['password', 'role', 'username']);
    const sp = await env().api('POST', '/api/v1/users', {
      body: { username: 'bob', password: 'bob-password', role: 'user', salespersonCode: 'NOPE' },
    });
    expect(sp.status).toBe(404);
    expect(sp.body.code).toBe('salesperson_not_found');
  });

  it('never removes the last enabled admin', async () => {
    const demote = await env().api('PATCH', '/api/v1/users/admin', { body: { role: 'user' } });
    expect(demote.status).toBe(400);
    expect(demote.body.errors[0].path).toBe('role');
    const del = await env().api('DELETE', '/api/v1/users/admin');
    expect(del.status).toBe(400);
    expect(del.body.errors[0].path).toBe('params.username');
  });

  it('shows a token once, stores only its hash, and revokes it', async () => {
    const created = await env().api('POST', '/api/v1/users/admin/tokens', { body: { name: 'ci' } });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^rpt_/);
    const stored = await env()
      .app.database.db.selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(created.body.token);
    const listed = await env().api('GET', '/api/v1/users/admin/tokens');
    const item = listed.body.items.find((t: { id: number }) => t.id === created.body.id);
    expect(item).toEqual({ id: created.body.id, name: 'ci', createdAt: expect.any(String), expiresAt: null, lastUsedAt: null });
    expect((await env().api('GET', '/api/v1/auth/me', { token: created.body.token })).body.csrfToken).toBeNull();
    expect((await env().api('DELETE', `/api/v1/users/admin/tokens/${created.body.id}`)).status).toBe(204);
    expect((await env().api('GET', '/api/v1/auth/me', { token: created.body.token })).status).toBe(401);
  });

  it('refuses an expired token', async () => {
    const created = await env().api('POST', '/api/v1/users/admin/tokens', { body: { expiresAt: '2026-11-28T11:00:00.000Z' } });
    expect((await env().api('GET', '/api/v1/auth/me', { token: created.body.token })).status).toBe(200);
    env().clock.set('2026-11-28T11:00:01.000Z');
    expect((await env().api('GET', '/api/v1/auth/me', { token: created.body.token })).status).toBe(401);
  });

  it('lets a viewer manage only its own tokens and not list users', async () => {
    const viewer = await env().tokenFor('viewer', { username: 'vera' });
    expect((await env().api('POST', '/api/v1/users/vera/tokens', { token: viewer, body: {} })).status).toBe(201);
    expect((await env().api('POST', '/api/v1/users/admin/tokens', { token: viewer, body: {} })).status).toBe(403);
    expect((await env().api('GET', '/api/v1/users', { token: viewer })).status).toBe(403);
    expect((await env().api('PATCH', '/api/v1/users/vera', { token: viewer, body: { role: 'admin' } })).status).toBe(403);
    expect((await env().api('PATCH', '/api/v1/users/vera', { token: viewer, body: { fullName: 'Vera V' } })).body.fullName).toBe('Vera V');
  });
});

describeEachDialect('sign-in for unknown users, shared limits and password changes', (env) => {
  // each test signs in from its own address, so the address limit of one does not reach another
  const login = async (username: string, password: string, remoteAddress = '10.0.0.1') => {
    const res = await env().server.fastify.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username, password }),
    });
    return { status: res.statusCode, headers: res.headers, body: JSON.parse(res.body) };
  };
  const cookieOf = (res: { headers: Record<string, unknown> }) => {
    const c = cookiesOf(res.headers['set-cookie'] as string[]);
    return `rapport_session=${c['rapport_session']}; rapport_csrf=${c['rapport_csrf']}`;
  };

  it("checks an unknown or disabled user's password against a scrypt hash as for a known user", async () => {
    await env().app.services.account.createUser({ username: 'gone', password: 'gone-password', role: 'user' });
    await env().app.services.account.updateUser('gone', { disabled: true });
    const calls = vi.mocked(verifyPassword).mock.calls;
    for (const [username, expected] of [
      ['admin', 'known'],
      ['nobody-here', 'unknown'],
      ['gone', 'disabled'],
    ] as const) {
      const before = calls.length;
      const res = await login(username, `wrong-password-${expected}`, '10.0.1.1');
      expect(res.status).toBe(401);
      expect(calls.length, expected).toBe(before + 1);
      expect(calls[calls.length - 1]![1], expected).toMatch(/^scrypt\$32768\$8\$1\$/);
    }
  });

  it('counts failed sign-ins in the database: a second server on the same database refuses the eleventh', async () => {
    await env().app.services.account.createUser({ username: 'shared', password: 'shared-password', role: 'user' });
    const config = env().app.config;
    const other = await createApp(config, createLogger(config), { clock: env().clock });
    const otherServer = await buildServer(other);
    try {
      const tryOn = (server: typeof otherServer, password: string) =>
        server.fastify.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: '10.0.2.1',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify({ username: 'shared', password }),
        });
      for (let i = 0; i < 10; i++) expect((await tryOn(i % 2 ? otherServer : env().server, `wrong-${i}-xx`)).statusCode).toBe(401);
      expect((await tryOn(env().server, 'shared-password')).statusCode).toBe(429);
      expect((await tryOn(otherServer, 'shared-password')).statusCode).toBe(429);
      env().clock.advance(15 * 60_000 + 1000);
      expect((await tryOn(otherServer, 'shared-password')).statusCode).toBe(200);
    } finally {
      await otherServer.fastify.close();
      await other.close();
    }
  });

  it('ends the other sessions when users change their own password; the session in use and the tokens stay', async () => {
    await env().app.services.account.createUser({ username: 'mover', password: 'mover-password', role: 'user' });
    const token = (await env().app.services.account.createToken('mover', {})).token;
    const first = await login('mover', 'mover-password', '10.0.3.1');
    const second = await login('mover', 'mover-password', '10.0.3.1');
    const me = (cookie: string) => env().api('GET', '/api/v1/auth/me', { token: null, headers: { cookie } });
    expect((await me(cookieOf(second))).status).toBe(200);
    const changed = await env().api('PATCH', '/api/v1/users/mover', {
      token: null,
      headers: { cookie: cookieOf(first), 'x-csrf-token': first.body.csrfToken },
      body: { password: 'mover-password-2' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ username: 'mover', sessionsEnded: 1, tokensKept: 1 });
    expect((await me(cookieOf(first))).status).toBe(200);
    expect((await me(cookieOf(second))).status).toBe(401);
    expect((await env().api('GET', '/api/v1/auth/me', { token })).status).toBe(200);
    expect((await login('mover', 'mover-password-2', '10.0.3.1')).status).toBe(200);
  });

  it('ends every session of a user whose password an admin resets', async () => {
    await env().app.services.account.createUser({ username: 'reset', password: 'reset-password', role: 'user' });
    const a = await login('reset', 'reset-password', '10.0.4.1');
    const b = await login('reset', 'reset-password', '10.0.4.1');
    const changed = await env().api('PATCH', '/api/v1/users/reset', { body: { password: 'reset-password-2' } });
    expect(changed.body).toMatchObject({ sessionsEnded: 2, tokensKept: 0 });
    for (const s of [a, b])
      expect((await env().api('GET', '/api/v1/auth/me', { token: null, headers: { cookie: cookieOf(s) } })).status).toBe(401);
    const renamed = await env().api('PATCH', '/api/v1/users/reset', { body: { fullName: 'Reset R' } });
    expect(renamed.body).not.toHaveProperty('sessionsEnded');
  });
});

describePerDialect(
  'RAPPORT_TRUST_PROXY',
  async (dialect) => ({ trusted: await startTestEnv(dialect, { config: { trustProxy: true } }), direct: await startTestEnv(dialect) }),
  async ({ trusted, direct }) => {
    await trusted.stop();
    await direct.stop();
  },
  (get) => {
    const login = (env: ReturnType<typeof get>['direct'], password: string, forwardedFor: string) =>
      env.api('POST', '/api/v1/auth/login', {
        token: null,
        body: { username: 'admin', password },
        headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': forwardedFor },
      });

    it('sets Secure cookies behind a TLS proxy only when the proxy is trusted', async () => {
      const trusted = ([] as string[]).concat(
        (await login(get().trusted, ADMIN_PASSWORD, '203.0.113.1')).headers['set-cookie'] as string[],
      );
      expect(trusted.filter((c) => /; Secure/i.test(c))).toHaveLength(2);
      const direct = ([] as string[]).concat((await login(get().direct, ADMIN_PASSWORD, '203.0.113.1')).headers['set-cookie'] as string[]);
      expect(direct.filter((c) => /; Secure/i.test(c))).toHaveLength(0);
    });

    it('limits failed sign-ins per forwarded client address when the proxy is trusted', async () => {
      for (const env of [get().trusted, get().direct]) {
        for (let i = 0; i < 10; i++)
          await env.api('POST', '/api/v1/users', { body: { username: `p${i}`, password: 'proxy-password', role: 'user' } });
        // ten names from one client: its address is over the limit, whatever name it tries next
        for (let i = 0; i < 10; i++)
          await env.api('POST', '/api/v1/auth/login', {
            token: null,
            body: { username: `p${i}`, password: 'wrong-password' },
            headers: { 'x-forwarded-for': '198.51.100.7' },
          });
      }
      expect((await login(get().trusted, ADMIN_PASSWORD, '198.51.100.7')).status).toBe(429);
      expect((await login(get().trusted, ADMIN_PASSWORD, '198.51.100.8')).status).toBe(200);
      // not trusted: every client is the proxy's address, so all of them are limited together
      expect((await login(get().direct, ADMIN_PASSWORD, '198.51.100.8')).status).toBe(429);
    });
  },
);

describePerDialect(
  'authentication before the body is read',
  async (dialect) => {
    const env = await startTestEnv(dialect);
    await env.server.fastify.listen({ port: 0, host: '127.0.0.1' });
    const address = env.server.fastify.server.address();
    return { env, port: typeof address === 'object' && address ? address.port : 0 };
  },
  ({ env }) => env.stop(),
  (get) => {
    const MiB = 1024 * 1024;

    /**
     * Announces a 19 MiB upload, sends its first MiB and waits for an answer without sending the
     * rest: a server that read the body before authenticating would never answer.
     */
    function uploadStart(path: string, headers: Record<string, string>): Promise<{ status: number; sent: number; body: string }> {
      return new Promise((done, fail) => {
        let sent = 0;
        const req = request(
          {
            host: '127.0.0.1',
            port: get().port,
            method: 'POST',
            path,
            headers: { 'content-type': 'text/csv', 'content-length': String(19 * MiB), ...headers },
          },
          (res) => {
            let body = '';
            res.on('data', (d: Buffer) => (body += d.toString()));
            res.on('end', () => {
              req.destroy();
              done({ status: res.statusCode ?? 0, sent, body });
            });
          },
        );
        req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? undefined : fail(e)));
        const chunk = Buffer.alloc(MiB, 'a');
        req.write(chunk, () => (sent += chunk.length));
        setTimeout(() => {
          req.destroy();
          fail(new Error(`no answer while ${sent} of ${19 * MiB} bytes were sent`));
        }, 15_000).unref();
      });
    }

    it('answers 401 to an unauthenticated 19 MiB upload before the body is sent', async () => {
      const res = await uploadStart('/api/v1/contacts/import', {});
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body).code).toBe('unauthenticated');
      expect(res.sent).toBeLessThan(19 * MiB);
    });

    it('answers 403 to a viewer before its body is read, and 401 to a wrong token', async () => {
      const viewer = await get().env.tokenFor('viewer');
      const forbidden = await uploadStart('/api/v1/contacts/import', { authorization: `Bearer ${viewer}` });
      expect(forbidden.status).toBe(403);
      const wrong = await uploadStart('/api/v1/contacts/import', { authorization: 'Bearer rpt_not-a-token' });
      expect(wrong.status).toBe(401);
    });

    it('serves the same server normally afterwards', async () => {
      const res = await fetch(`http://127.0.0.1:${get().port}/api/v1/auth/me`, {
        headers: { authorization: `Bearer ${get().env.adminToken}` },
      });
      expect(res.status).toBe(200);
    });
  },
);
