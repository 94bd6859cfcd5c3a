import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/test-app';

describeEachDialect('salespeople', (env) => {
  it('creates with the code trimmed and upper-cased and the defaults, reads it back and lists it', async () => {
    const created = await env().api('POST', '/api/v1/salespeople', { body: { code: ' jo ', name: 'Jo Berg' } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ code: 'JO', name: 'Jo Berg', email: null, phoneNo: null, blocked: false });
    expect(created.headers['location']).toBe('/api/v1/salespeople/JO');
    const one = await env().api('GET', '/api/v1/salespeople/jo');
    expect(one.body).toEqual(created.body);
    const list = await env().api('GET', '/api/v1/salespeople');
    expect(list.body.items).toContainEqual(created.body);
  });

  it('keeps every field given and stores blank text as null', async () => {
    const res = await env().api('POST', '/api/v1/salespeople', {
      body: { code: 'ANNA', name: 'Anna Lind', email: 'anna@example.com', phoneNo: '  ', blocked: true },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ code: 'ANNA', name: 'Anna Lind', email: 'anna@example.com', phoneNo: null, blocked: true });
  });

  it('refuses a second salesperson with the same code', async () => {
    await env().api('POST', '/api/v1/salespeople', { body: { code: 'DUP', name: 'First' } });
    const again = await env().api('POST', '/api/v1/salespeople', { body: { code: 'dup', name: 'Second' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('duplicate_code');
    expect((await env().api('GET', '/api/v1/salespeople/DUP')).body.name).toBe('First');
  });

  it('answers duplicate_code, never an internal error, to concurrent creates of one code', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => env().api('POST', '/api/v1/salespeople', { body: { code: 'RACE', name: `Racer ${i}` } })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.code)).toEqual(Array(5).fill('duplicate_code'));
  });

  it('validates name, e-mail, phone number and code length with field paths', async () => {
    const res = await env().api('POST', '/api/v1/salespeople', {
      body: { code: 'X'.repeat(21), name: 'N'.repeat(51), email: 'not an@address', phoneNo: '1'.repeat(31), colour: 'red' },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['code', 'colour', 'email', 'name', 'phoneNo']);
    const noName = await env().api('POST', '/api/v1/salespeople', { body: { code: 'NONAME', name: '   ' } });
    expect(noName.status).toBe(400);
    expect(noName.body.errors).toEqual([{ path: 'name', message: 'is required' }]);
    const twoAts = await env().api('POST', '/api/v1/salespeople', { body: { code: 'ATS', name: 'A', email: 'a@b@c' } });
    expect(twoAts.status).toBe(400);
    expect(twoAts.body.errors[0].path).toBe('email');
  });

  it('changes only the fields sent, clears with null, and refuses to change the code', async () => {
    await env().api('POST', '/api/v1/salespeople', { body: { code: 'PAT', name: 'Pat', email: 'pat@example.com', phoneNo: '123' } });
    const patched = await env().api('PATCH', '/api/v1/salespeople/pat', { body: { email: null, blocked: true } });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({ code: 'PAT', name: 'Pat', email: null, phoneNo: '123', blocked: true });
    const empty = await env().api('PATCH', '/api/v1/salespeople/PAT', { body: {} });
    expect(empty.body).toEqual(patched.body);
    const key = await env().api('PATCH', '/api/v1/salespeople/PAT', { body: { code: 'OTHER' } });
    expect(key.status).toBe(400);
    expect(key.body.errors[0].path).toBe('code');
    const nullName = await env().api('PATCH', '/api/v1/salespeople/PAT', { body: { name: null } });
    expect(nullName.status).toBe(400);
    const missing = await env().api('PATCH', '/api/v1/salespeople/NOBODY', { body: { name: 'X' } });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('salesperson_not_found');
  });

  it('deletes without an in-use check: codes stored elsewhere stay', async () => {
    await env().api('POST', '/api/v1/salespeople', { body: { code: 'GONE', name: 'Gone' } });
    const campaign = await env().api('POST', '/api/v1/campaigns', { body: { no: 'SPDEL', salespersonCode: 'GONE' } });
    expect(campaign.status).toBe(201);
    expect((await env().api('DELETE', '/api/v1/salespeople/GONE')).status).toBe(204);
    const gone = await env().api('GET', '/api/v1/salespeople/GONE');
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('salesperson_not_found');
    expect((await env().api('GET', '/api/v1/campaigns/SPDEL')).body.salespersonCode).toBe('GONE');
    expect((await env().api('DELETE', '/api/v1/salespeople/GONE')).body.code).toBe('salesperson_not_found');
  });

  it('pages by keyset in code order without repeating or skipping', async () => {
    for (const c of ['P1', 'P2', 'P3', 'P4', 'P5']) await env().api('POST', '/api/v1/salespeople', { body: { code: c, name: c } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { code: string }[]; nextCursor: string | null } } = await env().api(
        'GET',
        `/api/v1/salespeople?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((s) => s.code));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...new Set(seen)]);
    expect(seen).toEqual([...seen].sort());
    expect(seen).toEqual(expect.arrayContaining(['P1', 'P2', 'P3', 'P4', 'P5']));
    const bad = await env().api('GET', '/api/v1/salespeople?blocked=true');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toEqual({ path: 'query.blocked', message: 'unknown field' });
  });

  it('lets viewers read; only admins write', async () => {
    const viewer = await env().tokenFor('viewer');
    expect((await env().api('GET', '/api/v1/salespeople', { token: viewer })).status).toBe(200);
    const user = await env().tokenFor('user');
    for (const token of [viewer, user]) {
      const res = await env().api('POST', '/api/v1/salespeople', { token, body: { code: 'NOPE', name: 'Nope' } });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
    }
    expect((await env().api('PATCH', '/api/v1/salespeople/P1', { token: user, body: { name: 'X' } })).status).toBe(403);
    expect((await env().api('DELETE', '/api/v1/salespeople/P1', { token: user })).status).toBe(403);
    expect((await env().api('GET', '/api/v1/salespeople/NOPE')).status).toBe(404);
  });
});
