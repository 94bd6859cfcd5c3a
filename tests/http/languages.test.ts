import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/test-app';

describeEachDialect('languages', (env) => {
  it('creates with the code trimmed and upper-cased, reads it back and lists it', async () => {
    const created = await env().api('POST', '/api/v1/languages', { body: { code: ' enu ', name: 'English (US)' } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ code: 'ENU', name: 'English (US)' });
    expect(created.headers['location']).toBe('/api/v1/languages/ENU');
    const one = await env().api('GET', '/api/v1/languages/enu');
    expect(one.body).toEqual({ code: 'ENU', name: 'English (US)' });
    const list = await env().api('GET', '/api/v1/languages');
    expect(list.body.items.map((l: { code: string }) => l.code)).toContain('ENU');
  });

  it('refuses a second language with the same code', async () => {
    await env().api('POST', '/api/v1/languages', { body: { code: 'DEU', name: 'German' } });
    const again = await env().api('POST', '/api/v1/languages', { body: { code: 'deu', name: 'Deutsch' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('duplicate_code');
    expect(again.headers['content-type']).toContain('application/problem+json');
  });

  it('rejects codes that are too long, unknown fields and missing names with field paths', async () => {
    const res = await env().api('POST', '/api/v1/languages', { body: { code: 'ABCDEFGHIJK', colour: 'red' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    const paths = res.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['code', 'colour', 'name']);
    expect(res.body.errors.find((e: { path: string }) => e.path === 'colour').message).toBe('unknown field');
  });

  it('pages by keyset without repeating or skipping', async () => {
    for (const c of ['L1', 'L2', 'L3', 'L4', 'L5']) await env().api('POST', '/api/v1/languages', { body: { code: c, name: c } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { code: string }[]; nextCursor: string | null } } = await env().api(
        'GET',
        `/api/v1/languages?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...res.body.items.map((l) => l.code));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...new Set(seen)]);
    expect(seen).toEqual([...seen].sort());
    expect(seen).toEqual(expect.arrayContaining(['L1', 'L2', 'L3', 'L4', 'L5']));
    const bad = await env().api('GET', '/api/v1/languages?cursor=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('query.cursor');
  });

  it('updates and deletes; a missing language is language_not_found', async () => {
    await env().api('POST', '/api/v1/languages', { body: { code: 'FRA', name: 'French' } });
    const patched = await env().api('PATCH', '/api/v1/languages/FRA', { body: { name: 'Français' } });
    expect(patched.body.name).toBe('Français');
    expect((await env().api('DELETE', '/api/v1/languages/FRA')).status).toBe(204);
    const gone = await env().api('GET', '/api/v1/languages/FRA');
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('language_not_found');
  });

  it('lets viewers read but not write set-up', async () => {
    const viewer = await env().tokenFor('viewer');
    expect((await env().api('GET', '/api/v1/languages', { token: viewer })).status).toBe(200);
    const res = await env().api('POST', '/api/v1/languages', { token: viewer, body: { code: 'ITA', name: 'Italian' } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
    const user = await env().tokenFor('user');
    expect((await env().api('POST', '/api/v1/languages', { token: user, body: { code: 'ITA', name: 'Italian' } })).status).toBe(403);
  });
});
