import { expect, it } from 'vitest';
import { ADMIN_PASSWORD, describeEachDialect } from '../support/test-app';

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
    const badCsrf = await env().api('POST', '/api/v1/languages', { token: null, headers: { cookie, 'x-csrf-token': 'nope' }, body: { code: 'CSRF', name: 'x' } });
    expect(badCsrf.status).toBe(403);
    const ok = await env().api('POST', '/api/v1/languages', { token: null, headers: { cookie, 'x-csrf-token': login.body.csrfToken }, body: { code: 'CSRF', name: 'x' } });
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
    const limited = await env().api('POST', '/api/v1/auth/login', { token: null, body: { username: 'target', password: 'target-password' } });
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
    const res = await env().api('POST', '/api/v1/users', { body: { username: ' Anna ', password: 'anna-password', role: 'user', fullName: 'Anna Berg' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'anna', fullName: 'Anna Berg', role: 'user', salespersonCode: null, disabled: false });
    const row = await env().app.database.db.selectFrom('users').select('password_hash').where('username', '=', 'anna').executeTakeFirstOrThrow();
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
    const sp = await env().api('POST', '/api/v1/users', { body: { username: 'bob', password: 'bob-password', role: 'user', salespersonCode: 'NOPE' } });
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
    const stored = await env().app.database.db.selectFrom('api_tokens').select('token_hash').where('id', '=', created.body.id).executeTakeFirstOrThrow();
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
