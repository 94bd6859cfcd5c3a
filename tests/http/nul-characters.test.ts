import { expect, it } from 'vitest';
import { seeder, unique } from '../support/seed';
import { describeEachDialect } from '../support/test-app';

// PostgreSQL cannot store NUL in text and SQLite would: both refuse it at the edge, alike, with
// 400 validation_failed naming the field, and nothing is stored.

describeEachDialect('NUL characters in requests', (env) => {
  const db = () => env().app.database.db;
  const refused = (res: { status: number; body: { code?: string; errors?: { path: string }[] } }, path: string) => {
    expect(res.status, path).toBe(400);
    expect(res.body.code, path).toBe('validation_failed');
    expect(
      res.body.errors?.map((e) => e.path),
      path,
    ).toContain(path);
  };

  it('refuses NUL in body strings of several endpoints and stores nothing', async () => {
    const { templateCode, contactNo, salespersonCode } = await seeder(db()).basics();
    const code = unique('NL');
    refused(await env().api('POST', '/api/v1/languages', { body: { code, name: 'Nul\u0000name' } }), 'name');
    expect(await db().selectFrom('languages').select('code').where('code', '=', code).executeTakeFirst()).toBeUndefined();

    refused(await env().api('POST', '/api/v1/contacts', { body: { type: 'person', name: 'A\u0000B' } }), 'name');
    refused(await env().api('PATCH', `/api/v1/contacts/${contactNo}`, { body: { city: '\u0000' } }), 'city');

    const before = await db()
      .selectFrom('interaction_log_entries')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const body = { contactNo, interactionTemplateCode: templateCode, salespersonCode };
    refused(await env().api('POST', '/api/v1/interactions', { body: { ...body, description: 'call\u0000' } }), 'description');
    // nested: the second comment line
    refused(await env().api('POST', '/api/v1/interactions', { body: { ...body, comments: ['fine', 'not\u0000fine'] } }), 'comments.1');
    const after = await db()
      .selectFrom('interaction_log_entries')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));

    refused(await env().api('POST', '/api/v1/auth/login', { token: null, body: { username: 'admin\u0000', password: 'x' } }), 'username');
  });

  it('refuses NUL in query and path parameters', async () => {
    refused(await env().api('GET', '/api/v1/contacts?q=a%00b'), 'query.q');
    refused(await env().api('GET', '/api/v1/interaction-log-entries?contactNo=%00'), 'query.contactNo');
    refused(await env().api('GET', '/api/v1/languages/AB%00'), 'params.code');
    refused(await env().api('GET', '/api/v1/contacts/C%00T'), 'params.no');
    refused(await env().api('DELETE', '/api/v1/languages/%00'), 'params.code');
  });

  it('still accepts other control-free text around the same fields', async () => {
    const code = unique('OK');
    const res = await env().api('POST', '/api/v1/languages', { body: { code, name: 'Tab\tand ünïcode' } });
    expect(res.status).toBe(201);
    expect(res.body.name).toBe('Tab\tand ünïcode');
  });
});
