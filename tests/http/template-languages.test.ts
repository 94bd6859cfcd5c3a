import { expect, it } from 'vitest';
import { describeEachDialect, type TestEnv } from '../support/test-app';

const T = '/api/v1/interaction-templates';

async function template(env: TestEnv, code: string, body: Record<string, unknown> = {}) {
  await env.app.database.db
    .insertInto('interaction_groups')
    .values({ code: 'GRP', description: null })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const res = await env.api('POST', T, { body: { code, interactionGroupCode: 'GRP', ...body } });
  expect(res.status).toBe(201);
}

async function languages(env: TestEnv, ...codes: string[]) {
  for (const code of codes) await env.api('POST', '/api/v1/languages', { body: { code, name: code } });
}

describeEachDialect('template languages', (env) => {
  it('adds rows whose description defaults to the template description, and reads them', async () => {
    await languages(env(), 'ENU', 'DEU', 'FRA');
    await template(env(), 'CALL', { description: 'Phone call' });
    const enu = await env().api('POST', `${T}/call/languages`, { body: { languageCode: ' enu ' } });
    expect(enu.status).toBe(201);
    expect(enu.headers['location']).toBe(`${T}/CALL/languages/ENU`);
    expect(enu.body).toEqual({ languageCode: 'ENU', description: 'Phone call', attachmentId: null });
    const deu = await env().api('POST', `${T}/CALL/languages`, { body: { languageCode: 'DEU', description: 'Anruf' } });
    expect(deu.body.description).toBe('Anruf');
    const fra = await env().api('POST', `${T}/CALL/languages`, { body: { languageCode: 'FRA', description: null } });
    expect(fra.body.description).toBeNull();

    const list = await env().api('GET', `${T}/CALL/languages`);
    expect(list.body).toEqual({
      items: [
        { languageCode: 'DEU', description: 'Anruf', attachmentId: null },
        { languageCode: 'ENU', description: 'Phone call', attachmentId: null },
        { languageCode: 'FRA', description: null, attachmentId: null },
      ],
      nextCursor: null,
    });
    expect((await env().api('GET', `${T}/CALL/languages/deu`)).body.description).toBe('Anruf');
    const page1 = await env().api('GET', `${T}/CALL/languages?limit=2`);
    const page2 = await env().api('GET', `${T}/CALL/languages?limit=2&cursor=${page1.body.nextCursor}`);
    expect([...page1.body.items, ...page2.body.items].map((r: { languageCode: string }) => r.languageCode)).toEqual(['DEU', 'ENU', 'FRA']);
    expect(page2.body.nextCursor).toBeNull();
  });

  it('refuses a missing template, a missing language and a second row of the same language', async () => {
    await languages(env(), 'ENU');
    await template(env(), 'DUP');
    const noTemplate = await env().api('POST', `${T}/NOPE/languages`, { body: { languageCode: 'ENU' } });
    expect([noTemplate.status, noTemplate.body.code]).toEqual([404, 'template_not_found']);
    expect((await env().api('GET', `${T}/NOPE/languages`)).body.code).toBe('template_not_found');
    const noLanguage = await env().api('POST', `${T}/DUP/languages`, { body: { languageCode: 'XX' } });
    expect([noLanguage.status, noLanguage.body.code]).toEqual([404, 'language_not_found']);
    expect((await env().api('POST', `${T}/DUP/languages`, { body: { languageCode: 'ENU', description: 'first' } })).status).toBe(201);
    const again = await env().api('POST', `${T}/DUP/languages`, { body: { languageCode: 'enu', description: 'second' } });
    expect([again.status, again.body.code]).toEqual([409, 'duplicate_code']);
    expect((await env().api('GET', `${T}/DUP/languages/ENU`)).body.description).toBe('first');
    const readOnly = await env().api('POST', `${T}/DUP/languages`, { body: { languageCode: 'ENU', attachmentId: 3 } });
    expect(readOnly.status).toBe(400);
    expect(readOnly.body.errors).toEqual([{ path: 'attachmentId', message: 'is read-only' }]);
  });

  it('answers duplicate_code, never an internal error, to concurrent creates of one row', async () => {
    await languages(env(), 'ENU');
    await template(env(), 'RACE');
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => env().api('POST', `${T}/RACE/languages`, { body: { languageCode: 'ENU' } })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.code)).toEqual(Array(5).fill('duplicate_code'));
  });

  it('changes the description only; a missing row is template_language_not_found', async () => {
    await languages(env(), 'ENU', 'DEU');
    await template(env(), 'NOTE', { description: 'Note' });
    await env().api('POST', `${T}/NOTE/languages`, { body: { languageCode: 'ENU' } });
    const patched = await env().api('PATCH', `${T}/NOTE/languages/ENU`, { body: { description: 'Memo' } });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({ languageCode: 'ENU', description: 'Memo', attachmentId: null });
    const key = await env().api('PATCH', `${T}/NOTE/languages/ENU`, { body: { languageCode: 'DEU' } });
    expect(key.status).toBe(400);
    expect(key.body.errors[0].path).toBe('languageCode');
    const missing = await env().api('PATCH', `${T}/NOTE/languages/DEU`, { body: { description: 'x' } });
    expect([missing.status, missing.body.code]).toEqual([404, 'template_language_not_found']);
    expect(missing.body.detail).toBe('Interaction template NOTE has no language DEU.');
    expect((await env().api('GET', `${T}/NOTE/languages/DEU`)).body.code).toBe('template_language_not_found');
    expect((await env().api('DELETE', `${T}/NOTE/languages/DEU`)).body.code).toBe('template_language_not_found');
  });

  it('deletes a row with its attachment; deleting the default language empties languageCodeDefault', async () => {
    await languages(env(), 'ENU', 'DEU');
    await template(env(), 'DEL', { languageCodeDefault: 'ENU' });
    await env().api('POST', `${T}/DEL/languages`, { body: { languageCode: 'DEU' } });
    const put = await env().api('PUT', `${T}/DEL/languages/ENU/attachment?fileName=a.txt`, {
      payload: Buffer.from('hello'),
      headers: { 'content-type': 'text/plain' },
    });
    const id = put.body.attachmentId as number;
    expect((await env().api('GET', `${T}/DEL`)).body.attachmentId).toBe(id);

    expect((await env().api('DELETE', `${T}/DEL/languages/DEU`)).status).toBe(204);
    expect((await env().api('GET', `${T}/DEL`)).body.languageCodeDefault).toBe('ENU');

    expect((await env().api('DELETE', `${T}/DEL/languages/ENU`)).status).toBe(204);
    expect((await env().api('GET', `${T}/DEL`)).body).toMatchObject({ languageCodeDefault: null, attachmentId: null });
    expect((await env().api('GET', `${T}/DEL/languages`)).body.items).toEqual([]);
    const gone = await env().api('GET', `/api/v1/attachments/${id}`);
    expect([gone.status, gone.body.code]).toEqual([404, 'not_found']);
  });

  it('keeps a read-only attachment when its row is deleted', async () => {
    await languages(env(), 'ENU');
    await template(env(), 'KEEP');
    await env().api('POST', `${T}/KEEP/languages`, { body: { languageCode: 'ENU' } });
    const put = await env().api('PUT', `${T}/KEEP/languages/ENU/attachment?fileName=a.txt`, { payload: Buffer.from('kept') });
    const id = put.body.attachmentId as number;
    // as when an interaction uses it
    await env().app.database.db.updateTable('attachments').set({ read_only: 1 }).where('id', '=', id).execute();
    expect((await env().api('DELETE', `${T}/KEEP/languages/ENU`)).status).toBe(204);
    expect((await env().api('GET', `/api/v1/attachments/${id}`)).body).toMatchObject({ id, readOnly: true });
    expect((await env().api('GET', `/api/v1/attachments/${id}/content`)).text).toBe('kept');
  });

  it('lets viewers read rows and only admins change them', async () => {
    await languages(env(), 'ENU');
    await template(env(), 'ROLE');
    const viewer = await env().tokenFor('viewer');
    const user = await env().tokenFor('user');
    expect((await env().api('GET', `${T}/ROLE/languages`, { token: viewer })).status).toBe(200);
    expect((await env().api('POST', `${T}/ROLE/languages`, { token: user, body: { languageCode: 'ENU' } })).status).toBe(403);
    expect((await env().api('GET', `${T}/ROLE/languages`)).body.items).toEqual([]);
  });
});
