import { expect, it } from 'vitest';
import { seedEntry, seedTemplate } from '../support/seed-entries';
import { describeEachDialect } from '../support/test-app';

describeEachDialect('interaction groups', (env) => {
  it('creates with the code trimmed and upper-cased, reads it back and lists it', async () => {
    const created = await env().api('POST', '/api/v1/interaction-groups', { body: { code: ' letter ', description: 'Letters' } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ code: 'LETTER', description: 'Letters' });
    expect(created.headers['location']).toBe('/api/v1/interaction-groups/LETTER');
    expect((await env().api('GET', '/api/v1/interaction-groups/letter')).body).toEqual(created.body);
    const list = await env().api('GET', '/api/v1/interaction-groups');
    expect(list.body.items).toContainEqual(created.body);
    const bare = await env().api('POST', '/api/v1/interaction-groups', { body: { code: 'BARE', description: ' ' } });
    expect(bare.body).toEqual({ code: 'BARE', description: null });
  });

  it('refuses a duplicate code, a code over 10 characters and a description over 100', async () => {
    await env().api('POST', '/api/v1/interaction-groups', { body: { code: 'MEET' } });
    const again = await env().api('POST', '/api/v1/interaction-groups', { body: { code: 'meet' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('duplicate_code');
    const bad = await env().api('POST', '/api/v1/interaction-groups', { body: { code: 'ABCDEFGHIJK', description: 'd'.repeat(101) } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['code', 'description']);
    const noCode = await env().api('POST', '/api/v1/interaction-groups', { body: { description: 'x' } });
    expect(noCode.status).toBe(400);
    expect(noCode.body.errors[0].path).toBe('code');
  });

  it('answers duplicate_code, never an internal error, to concurrent creates of one code', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => env().api('POST', '/api/v1/interaction-groups', { body: { code: 'RACE' } })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.code)).toEqual(Array(5).fill('duplicate_code'));
  });

  it('changes and clears the description; a missing group is interaction_group_not_found', async () => {
    await env().api('POST', '/api/v1/interaction-groups', { body: { code: 'MAIL', description: 'Mail' } });
    const patched = await env().api('PATCH', '/api/v1/interaction-groups/MAIL', { body: { description: 'E-mail' } });
    expect(patched.body).toEqual({ code: 'MAIL', description: 'E-mail' });
    const cleared = await env().api('PATCH', '/api/v1/interaction-groups/MAIL', { body: { description: null } });
    expect(cleared.body).toEqual({ code: 'MAIL', description: null });
    const key = await env().api('PATCH', '/api/v1/interaction-groups/MAIL', { body: { code: 'X' } });
    expect(key.status).toBe(400);
    const missing = await env().api('GET', '/api/v1/interaction-groups/NOPE');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('interaction_group_not_found');
    expect((await env().api('DELETE', '/api/v1/interaction-groups/NOPE')).body.code).toBe('interaction_group_not_found');
  });

  it('deletes a group nothing uses', async () => {
    await env().api('POST', '/api/v1/interaction-groups', { body: { code: 'FREE' } });
    expect((await env().api('DELETE', '/api/v1/interaction-groups/FREE')).status).toBe(204);
    expect((await env().api('GET', '/api/v1/interaction-groups/FREE')).status).toBe(404);
  });

  it('refuses to delete a group an interaction template uses', async () => {
    await env().api('POST', '/api/v1/interaction-groups', { body: { code: 'TPLG' } });
    await seedTemplate(env().app.database.db, { code: 'TPLG1', groupCode: 'TPLG', description: null });
    const res = await env().api('DELETE', '/api/v1/interaction-groups/TPLG');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('interaction_group_in_use');
    expect(res.body.detail).toBe('Interaction group TPLG is used by templates or interaction log entries and cannot be deleted.');
    expect((await env().api('GET', '/api/v1/interaction-groups/TPLG')).status).toBe(200);
  });

  it('refuses to delete a group a log entry uses, even when its template has moved to another group', async () => {
    await env().api('POST', '/api/v1/interaction-groups', { body: { code: 'ENTG' } });
    await seedEntry(env().app.database.db, { interactionGroupCode: 'ENTG', interactionTemplateCode: 'ELSEWHERE' });
    const res = await env().api('DELETE', '/api/v1/interaction-groups/ENTG');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('interaction_group_in_use');
  });

  it('counts postponed entries as users of the group', async () => {
    await env().api('POST', '/api/v1/interaction-groups', { body: { code: 'POSTG' } });
    await seedEntry(env().app.database.db, { interactionGroupCode: 'POSTG', postponed: true, date: null, description: null });
    const res = await env().api('DELETE', '/api/v1/interaction-groups/POSTG');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('interaction_group_in_use');
  });

  it('pages by keyset in code order', async () => {
    for (const c of ['Q1', 'Q2', 'Q3']) await env().api('POST', '/api/v1/interaction-groups', { body: { code: c } });
    const first = await env().api('GET', '/api/v1/interaction-groups?limit=1');
    expect(first.body.items).toHaveLength(1);
    const seen = [first.body.items[0].code];
    let cursor: string | null = first.body.nextCursor;
    while (cursor) {
      const res = await env().api('GET', `/api/v1/interaction-groups?limit=1&cursor=${cursor}`);
      seen.push(...res.body.items.map((g: { code: string }) => g.code));
      cursor = res.body.nextCursor;
    }
    expect(seen).toEqual([...new Set(seen)].sort());
    expect(seen).toEqual(expect.arrayContaining(['Q1', 'Q2', 'Q3']));
  });

  it('lets viewers read; only admins write', async () => {
    const viewer = await env().tokenFor('viewer');
    const user = await env().tokenFor('user');
    expect((await env().api('GET', '/api/v1/interaction-groups', { token: viewer })).status).toBe(200);
    expect((await env().api('POST', '/api/v1/interaction-groups', { token: user, body: { code: 'NO' } })).status).toBe(403);
    expect((await env().api('PATCH', '/api/v1/interaction-groups/Q1', { token: viewer, body: {} })).status).toBe(403);
    expect((await env().api('DELETE', '/api/v1/interaction-groups/Q1', { token: user })).status).toBe(403);
  });
});
