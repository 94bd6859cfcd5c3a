import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEnv, type TestEnv } from '../support/test-app';

// The headers do not depend on the database: one dialect is enough.
let env: TestEnv & { stop(): Promise<void> };
beforeAll(async () => {
  env = await startTestEnv('sqlite');
}, 60_000);
afterAll(() => env.stop());

const directives = (header: unknown) =>
  Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );

function expectSecurityHeaders(headers: Record<string, unknown>) {
  const csp = directives(headers['content-security-policy']);
  expect(csp['frame-ancestors']).toEqual(["'none'"]);
  expect(csp['default-src']).toEqual(["'self'"]);
  expect(csp['script-src']).toEqual(["'self'"]);
  expect(csp['object-src']).toEqual(["'none'"]);
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['x-powered-by']).toBeUndefined();
}

describe('security headers', () => {
  it('are on an API answer', async () => {
    const res = await env.api('GET', '/api/v1/languages');
    expect(res.status).toBe(200);
    expectSecurityHeaders(res.headers);
  });

  it('are on an error, an unknown route and the health check', async () => {
    const refused = await env.api('POST', '/api/v1/languages', { body: { code: 'X', colour: 'red' } });
    expect(refused.status).toBe(400);
    expectSecurityHeaders(refused.headers);
    const unauthenticated = await env.api('GET', '/api/v1/languages', { token: null });
    expect(unauthenticated.status).toBe(401);
    expectSecurityHeaders(unauthenticated.headers);
    const missing = await env.api('GET', '/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing.headers);
    expectSecurityHeaders((await env.api('GET', '/healthz', { token: null })).headers);
  });

  it('are on the web UI page and its client-side routes', async () => {
    for (const url of ['/', '/contacts']) {
      const res = await env.api('GET', url, { token: null });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expectSecurityHeaders(res.headers);
    }
  });

  it('are on the API documentation page and its scripts', async () => {
    const page = await env.api('GET', '/docs/', { token: null });
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger-ui');
    expectSecurityHeaders(page.headers);
    // the page has no inline script: each script is a file the policy allows ('self')
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const script = await env.api('GET', '/docs/static/swagger-initializer.js', { token: null });
    expect(script.status).toBe(200);
    expectSecurityHeaders(script.headers);
    expectSecurityHeaders((await env.api('GET', '/openapi.json', { token: null })).headers);
  });

  it('let styles be inserted at run time (Mantine, Swagger UI) but no inline script', async () => {
    const csp = directives((await env.api('GET', '/', { token: null })).headers['content-security-policy']);
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp['script-src-attr']).toEqual(["'none'"]);
  });
});
