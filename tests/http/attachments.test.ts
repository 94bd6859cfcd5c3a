import { expect, it } from 'vitest';
import { describeEachDialect, type TestEnv } from '../support/test-app';

const T = '/api/v1/interaction-templates';
const MiB = 1024 * 1024;

async function templateWithLanguage(env: TestEnv, code: string, languageCode = 'ENU') {
  const db = env.app.database.db;
  await db
    .insertInto('interaction_groups')
    .values({ code: 'GRP', description: null })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await env.api('POST', '/api/v1/languages', { body: { code: languageCode, name: languageCode } });
  expect((await env.api('POST', T, { body: { code, interactionGroupCode: 'GRP', languageCodeDefault: languageCode } })).status).toBe(201);
}

function put(env: TestEnv, path: string, content: Buffer, headers: Record<string, string> = {}) {
  return env.api('PUT', path, { payload: content, headers });
}

describeEachDialect('attachments', (env) => {
  it('sets a template language attachment and serves its metadata and exact bytes', async () => {
    await templateWithLanguage(env(), 'OFFER');
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const res = await put(env(), `${T}/offer/languages/enu/attachment?fileName=offer.pdf`, bytes, { 'content-type': 'application/pdf' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ languageCode: 'ENU', description: null, attachmentId: expect.any(Number) });
    const id = res.body.attachmentId as number;
    expect((await env().api('GET', `${T}/OFFER`)).body.attachmentId).toBe(id);

    const meta = await env().api('GET', `/api/v1/attachments/${id}`);
    expect(meta.body).toEqual({
      id,
      fileName: 'offer.pdf',
      contentType: 'application/pdf',
      size: 256,
      readOnly: false,
      createdAt: '2026-11-28T10:15:01.000Z',
    });

    const content = await env().server.fastify.inject({
      method: 'GET',
      url: `/api/v1/attachments/${id}/content`,
      headers: { authorization: `Bearer ${env().adminToken}` },
    });
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.headers['content-disposition']).toBe('attachment; filename="offer.pdf"');
    expect(content.rawPayload.equals(bytes)).toBe(true);
  });

  it('replaces an attachment with a new id and deletes the old one; removes it with DELETE', async () => {
    await templateWithLanguage(env(), 'SWAP');
    const path = `${T}/SWAP/languages/ENU/attachment`;
    const first = (await put(env(), `${path}?fileName=v1.txt`, Buffer.from('one'), { 'content-type': 'text/plain' })).body
      .attachmentId as number;
    const second = await put(env(), `${path}?fileName=v2.txt`, Buffer.from('two'), { 'content-type': 'text/plain' });
    expect(second.status).toBe(200);
    const id = second.body.attachmentId as number;
    expect(id).toBeGreaterThan(first);
    expect((await env().api('GET', `/api/v1/attachments/${first}`)).status).toBe(404);
    expect((await env().api('GET', `/api/v1/attachments/${id}/content`)).text).toBe('two');

    expect((await env().api('DELETE', path)).status).toBe(204);
    expect((await env().api('GET', `${T}/SWAP/languages/ENU`)).body.attachmentId).toBeNull();
    expect((await env().api('GET', `${T}/SWAP`)).body.attachmentId).toBeNull();
    expect((await env().api('GET', `/api/v1/attachments/${id}`)).status).toBe(404);
    const again = await env().api('DELETE', path);
    expect([again.status, again.body.code]).toEqual([404, 'not_found']);
  });

  it('refuses to replace or remove a read-only attachment (R60) and changes nothing', async () => {
    await templateWithLanguage(env(), 'LOCK');
    const path = `${T}/LOCK/languages/ENU/attachment`;
    const id = (await put(env(), `${path}?fileName=a.txt`, Buffer.from('locked'))).body.attachmentId as number;
    // as when an interaction uses it
    await env().app.database.db.updateTable('attachments').set({ read_only: 1 }).where('id', '=', id).execute();
    const replace = await put(env(), `${path}?fileName=b.txt`, Buffer.from('new'));
    expect([replace.status, replace.body.code]).toEqual([409, 'attachment_read_only']);
    expect(replace.body.detail).toBe(`Attachment ${id} is read-only because an interaction uses it.`);
    const remove = await env().api('DELETE', path);
    expect([remove.status, remove.body.code]).toEqual([409, 'attachment_read_only']);
    expect((await env().api('GET', `${T}/LOCK/languages/ENU`)).body.attachmentId).toBe(id);
    const count = await env()
      .app.database.db.selectFrom('attachments')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('file_name', '=', 'b.txt')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('refuses files over 10 MiB with attachment_too_large and accepts exactly 10 MiB', async () => {
    await templateWithLanguage(env(), 'BIG');
    const path = `${T}/BIG/languages/ENU/attachment?fileName=big.bin`;
    const tooBig = await put(env(), path, Buffer.alloc(10 * MiB + 1, 1), { 'content-type': 'application/octet-stream' });
    expect([tooBig.status, tooBig.body.code]).toEqual([413, 'attachment_too_large']);
    expect((await env().api('GET', `${T}/BIG/languages/ENU`)).body.attachmentId).toBeNull();
    const upload = await env().api('POST', '/api/v1/attachments?fileName=big.bin', {
      payload: Buffer.alloc(10 * MiB + 1, 1),
      headers: { 'content-type': 'application/zip' },
    });
    expect([upload.status, upload.body.code]).toEqual([413, 'attachment_too_large']);
    const exact = await put(env(), path, Buffer.alloc(10 * MiB, 2), { 'content-type': 'application/octet-stream' });
    expect(exact.status).toBe(200);
    expect((await env().api('GET', `/api/v1/attachments/${exact.body.attachmentId}`)).body.size).toBe(10 * MiB);
  });

  it('validates the file name, the content type and the addressed row', async () => {
    await templateWithLanguage(env(), 'VAL');
    const base = `${T}/VAL/languages/ENU/attachment`;
    const noName = await put(env(), base, Buffer.from('x'));
    expect(noName.status).toBe(400);
    expect(noName.body.errors[0].path).toBe('query.fileName');
    const longName = await put(env(), `${base}?fileName=${'a'.repeat(251)}`, Buffer.from('x'));
    const control = await put(env(), `${base}?fileName=a%0Ab.txt`, Buffer.from('x'));
    expect([control.status, control.body.errors[0].path]).toEqual([400, 'query.fileName']);
    expect(longName.body.errors[0].path).toBe('query.fileName');
    const badType = await put(env(), `${base}?fileName=a.txt`, Buffer.from('x'), { 'content-type': `text/${'x'.repeat(120)}` });
    expect(badType.status).toBe(400);
    expect(badType.body.errors[0].path).toBe('headers.content-type');
    // a JSON file is stored byte for byte, not parsed
    const json = await put(env(), `${base}?fileName=a.json`, Buffer.from('{ "a": 1 }'), { 'content-type': 'application/json' });
    expect(json.status).toBe(200);
    const stored = await env().api('GET', `/api/v1/attachments/${json.body.attachmentId}/content`);
    expect(stored.text).toBe('{ "a": 1 }');
    expect(stored.headers['content-type']).toContain('application/json');
    await env().api('DELETE', base);
    const noRow = await put(env(), `${T}/VAL/languages/DEU/attachment?fileName=a.txt`, Buffer.from('x'));
    expect([noRow.status, noRow.body.code]).toEqual([404, 'template_language_not_found']);
    const noTemplate = await put(env(), `${T}/NOPE/languages/ENU/attachment?fileName=a.txt`, Buffer.from('x'));
    expect([noTemplate.status, noTemplate.body.code]).toEqual([404, 'template_not_found']);
    expect((await env().api('GET', `${T}/VAL/languages/ENU`)).body.attachmentId).toBeNull();
  });

  it('uploads a free attachment (user role) with the default content type and a non-ASCII name', async () => {
    const user = await env().tokenFor('user');
    const res = await env().api('POST', `/api/v1/attachments?fileName=${encodeURIComponent('Angebot Müller "final".txt')}`, {
      token: user,
      payload: Buffer.from('abc'),
    });
    expect(res.status).toBe(201);
    const id = res.body.id as number;
    expect(res.headers['location']).toBe(`/api/v1/attachments/${id}`);
    expect(res.body).toEqual({
      id,
      fileName: 'Angebot Müller "final".txt',
      contentType: 'application/octet-stream',
      size: 3,
      readOnly: false,
      createdAt: '2026-11-28T10:15:01.000Z',
    });
    const viewer = await env().tokenFor('viewer');
    const content = await env().api('GET', `/api/v1/attachments/${id}/content`, { token: viewer });
    expect(content.headers['content-type']).toBe('application/octet-stream');
    expect(content.headers['content-disposition']).toBe(
      `attachment; filename="Angebot M_ller _final_.txt"; filename*=UTF-8''Angebot%20M%C3%BCller%20%22final%22.txt`,
    );
    expect(content.text).toBe('abc');
    const denied = await env().api('POST', '/api/v1/attachments?fileName=a.txt', { token: viewer, payload: Buffer.from('x') });
    expect([denied.status, denied.body.code]).toEqual([403, 'forbidden']);
  });

  it('answers not_found for a missing attachment and 400 for an id that is not a number', async () => {
    const missing = await env().api('GET', '/api/v1/attachments/999999');
    expect([missing.status, missing.body.code]).toEqual([404, 'not_found']);
    expect((await env().api('GET', '/api/v1/attachments/999999/content')).body.code).toBe('not_found');
    const bad = await env().api('GET', '/api/v1/attachments/abc');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('params.id');
  });

  it('deletes unused uploads older than 24 hours and keeps used, read-only and recent ones', async () => {
    const clock = env().clock;
    clock.set('2026-12-01T08:00:00.000Z');
    const upload = async (name: string) =>
      (await env().api('POST', `/api/v1/attachments?fileName=${name}`, { payload: Buffer.from(name) })).body.id as number;
    const old = await upload('old.txt');
    const readOnly = await upload('used.txt');
    await env().app.database.db.updateTable('attachments').set({ read_only: 1 }).where('id', '=', readOnly).execute();
    await templateWithLanguage(env(), 'PURGE');
    const onTemplate = (await put(env(), `${T}/PURGE/languages/ENU/attachment?fileName=t.txt`, Buffer.from('t'))).body
      .attachmentId as number;

    clock.set('2026-12-02T07:59:59.000Z');
    const recent = await upload('recent.txt');
    expect((await env().api('GET', `/api/v1/attachments/${old}`)).status).toBe(200);

    clock.set('2026-12-02T08:00:01.000Z');
    expect(await env().app.services.attachments.purgeUnused()).toBe(1);
    expect((await env().api('GET', `/api/v1/attachments/${old}`)).status).toBe(404);
    for (const id of [readOnly, onTemplate, recent]) expect((await env().api('GET', `/api/v1/attachments/${id}`)).status).toBe(200);

    // a new upload also clears expired ones
    clock.set('2026-12-03T09:00:00.000Z');
    await upload('newer.txt');
    expect((await env().api('GET', `/api/v1/attachments/${recent}`)).status).toBe(404);
    expect((await env().api('GET', `/api/v1/attachments/${onTemplate}`)).status).toBe(200);
  });
});
