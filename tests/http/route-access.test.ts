import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/test-app';

// Walks the whole route table, so a new route cannot forget its authentication or role.
const fill = (url: string) => url.replace(/:([A-Za-z]+)/g, (_m, name: string) => (/(No|Id|id)$/.test(name) && name !== 'no' ? '1' : 'X1'));

describeEachDialect('route access', (env) => {
  it('requires authentication on every route except login, health, the API description and the UI', async () => {
    const open = env()
      .server.routes.filter((r) => r.access === 'public')
      .map((r) => `${r.method} ${r.url}`);
    expect(open.sort()).toEqual(['GET /healthz', 'POST /api/v1/auth/login']);
    for (const route of env().server.routes.filter((r) => r.access !== 'public')) {
      const res = await env().api(route.method, fill(route.url), {
        token: null,
        ...(route.method !== 'GET' && route.method !== 'DELETE' && { body: {} }),
      });
      expect({ route: `${route.method} ${route.url}`, status: res.status, code: res.body?.code }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
        code: 'unauthenticated',
      });
    }
  });

  it('refuses a bad bearer token', async () => {
    const res = await env().api('GET', '/api/v1/auth/me', { token: 'rpt_not-a-token' });
    expect(res.status).toBe(401);
  });

  it('serves health, the OpenAPI document, the docs page and the UI without authentication', async () => {
    const health = await env().api('GET', '/healthz', { token: null });
    expect(health.body).toEqual({ status: 'ok' });
    const doc = await env().api('GET', '/openapi.json', { token: null });
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toContain('/api/v1/languages/{code}');
    expect(doc.body.paths['/api/v1/languages'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('code');
    const docs = await env().api('GET', '/docs', { token: null });
    expect([200, 302]).toContain(docs.status);
    const ui = await env().api('GET', '/', { token: null });
    expect(ui.status).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('lets viewers do no write except on their own tokens and users no set-up write', async () => {
    const viewer = await env().tokenFor('viewer');
    const user = await env().tokenFor('user');
    for (const route of env().server.routes) {
      if (route.method === 'GET' || route.access === 'public' || route.access === 'any' || route.access === 'viewer') continue;
      const asViewer = await env().api(route.method, fill(route.url), { token: viewer, ...(route.method !== 'DELETE' && { body: {} }) });
      expect({ route: `${route.method} ${route.url}`, status: asViewer.status }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 403,
      });
      if (route.access === 'admin') {
        const asUser = await env().api(route.method, fill(route.url), { token: user, ...(route.method !== 'DELETE' && { body: {} }) });
        expect({ route: `${route.method} ${route.url}`, status: asUser.status }).toEqual({
          route: `${route.method} ${route.url}`,
          status: 403,
        });
      }
    }
  });

  it('answers unknown routes with a not_found problem', async () => {
    const res = await env().api('GET', '/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      type: 'urn:rapport:problem:not_found',
      code: 'not_found',
      status: 404,
      instance: '/api/v1/nothing-here',
    });
  });

  it('answers malformed JSON, another content type and an oversized body with validation_failed', async () => {
    const malformed = await env().api('POST', '/api/v1/languages', {
      payload: '{"code":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('validation_failed');
    expect(malformed.body.errors[0].path).toBe('');
    const text = await env().api('POST', '/api/v1/languages', { payload: 'code=X', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    expect(text.body.code).toBe('validation_failed');
    expect(text.body.errors[0].path).toBe('headers.content-type');
    const big = await env().api('POST', '/api/v1/languages', {
      payload: JSON.stringify({ code: 'X', name: 'y'.repeat(1024 * 1024 + 10) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('validation_failed');
    const unknownQuery = await env().api('GET', '/api/v1/languages?colour=red');
    expect(unknownQuery.status).toBe(400);
    expect(unknownQuery.body.errors).toEqual([{ path: 'query.colour', message: 'unknown field' }]);
  });
});

describeEachDialect('validation messages', (env) => {
  it('says what is wrong with a value of the wrong type, and that a missing field is required', async () => {
    const res = await env().api('POST', '/api/v1/languages', { body: { code: 12, name: null } });
    expect(res.status).toBe(400);
    const byPath = Object.fromEntries(res.body.errors.map((e: { path: string; message: string }) => [e.path, e.message]));
    expect(byPath).toEqual({ code: 'must be string', name: 'must not be null' });
    const missing = await env().api('POST', '/api/v1/languages', { body: { code: 'X' } });
    expect(missing.body.errors).toEqual([{ path: 'name', message: 'is required' }]);
  });
});
