import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/test-app';
import { seedContact, seedLanguage, seedTemplate } from '../support/seed-segments';

describeEachDialect('segment languages', (env) => {
  const db = () => env().app.database.db;
  const api = (...a: Parameters<ReturnType<typeof env>['api']>) => env().api(...a);
  let seq = 0;

  beforeAll(async () => {
    const d = env().app.database.db;
    for (const code of ['ENU', 'DEU', 'FRA']) await seedLanguage(d, code);
    await seedTemplate(d, { code: 'PLAIN', correspondenceTypeDefault: null });
    await seedTemplate(d, { code: 'OWN', languages: [{ code: 'DEU', attachment: 'eigen' }] });
    await seedContact(d, { no: 'SL-EN', languageCode: 'ENU' });
    await seedContact(d, { no: 'SL-DE', languageCode: 'DEU' });
    await seedContact(d, { no: 'SL-FR', languageCode: 'FRA' });
  });

  /** A segment on PLAIN with lines for the English, German and French contacts. */
  const segment = async () => {
    const no = `SL${++seq}`;
    await api('POST', '/api/v1/segments', { body: { no, description: 'Languages', interactionTemplateCode: 'PLAIN' } });
    for (const contactNo of ['SL-EN', 'SL-DE', 'SL-FR']) await api('POST', `/api/v1/segments/${no}/lines`, { body: { contactNo } });
    return no;
  };
  const lineLanguages = async (no: string) =>
    (await api('GET', `/api/v1/segments/${no}/lines`)).body.items.map(
      (l: { languageCode: string | null; subject: string | null; attachmentSource: string | null }) => [
        l.languageCode,
        l.subject,
        l.attachmentSource,
      ],
    );

  it('adds rows: the first becomes the default and reaches every line, a later one the lines of its language', async () => {
    const no = await segment();
    const first = await api('POST', `/api/v1/segments/${no}/languages`, { body: { languageCode: 'enu', subject: 'Hello' } });
    expect(first.status).toBe(201);
    expect(first.headers['location']).toBe(`/api/v1/segments/${no}/languages/ENU`);
    expect(first.body).toEqual({ languageCode: 'ENU', description: 'Languages', subject: 'Hello', attachmentId: null });
    expect((await api('GET', `/api/v1/segments/${no}`)).body).toMatchObject({ languageCodeDefault: 'ENU', subjectDefault: 'Hello' });
    expect(await lineLanguages(no)).toEqual([
      ['ENU', 'Hello', null],
      ['ENU', 'Hello', null],
      ['ENU', 'Hello', null],
    ]);
    await api('POST', `/api/v1/segments/${no}/lines`, { body: { contactNo: 'SL-DE', interactionTemplateCode: 'OWN' } });
    await api('POST', `/api/v1/segments/${no}/languages`, { body: { languageCode: 'DEU', description: 'Deutsch', subject: 'Hallo' } });
    expect(await lineLanguages(no)).toEqual([
      ['ENU', 'Hello', null],
      ['DEU', 'Hallo', null],
      ['ENU', 'Hello', null],
      ['DEU', null, 'unique'],
    ]);
    const dup = await api('POST', `/api/v1/segments/${no}/languages`, { body: { languageCode: 'DEU' } });
    expect([dup.status, dup.body.code]).toEqual([409, 'duplicate_code']);
    const unknown = await api('POST', `/api/v1/segments/${no}/languages`, { body: { languageCode: 'XX' } });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'language_not_found']);
    const list = await api('GET', `/api/v1/segments/${no}/languages`);
    expect(list.body.items.map((r: { languageCode: string }) => r.languageCode)).toEqual(['DEU', 'ENU']);
  });

  it('changes a subject on the lines that still had the old one, unless applyToLines is false', async () => {
    const no = await segment();
    await api('POST', `/api/v1/segments/${no}/languages`, { body: { languageCode: 'ENU', subject: 'Hello' } });
    await api('PATCH', `/api/v1/segments/${no}/lines/20000`, { body: { subject: 'Personal' } });
    const res = await api('PATCH', `/api/v1/segments/${no}/languages/ENU`, { body: { subject: 'Hi there' } });
    expect(res.body).toEqual({ languageCode: 'ENU', description: 'Languages', subject: 'Hi there', attachmentId: null });
    expect((await lineLanguages(no)).map((l: unknown[]) => l[1])).toEqual(['Hi there', 'Personal', 'Hi there']);
    expect((await api('GET', `/api/v1/segments/${no}`)).body.subjectDefault).toBe('Hi there');
    await api('PATCH', `/api/v1/segments/${no}/languages/ENU?applyToLines=false`, { body: { subject: 'Quiet', description: null } });
    expect((await lineLanguages(no)).map((l: unknown[]) => l[1])).toEqual(['Hi there', 'Personal', 'Hi there']);
    expect((await api('GET', `/api/v1/segments/${no}/languages/ENU`)).body).toMatchObject({ subject: 'Quiet', description: null });
  });

  it('deletes a row: the default moves to the lowest remaining row and its lines fall back', async () => {
    const no = await segment();
    await api('POST', `/api/v1/segments/${no}/languages`, { body: { languageCode: 'FRA', subject: 'Bonjour' } });
    await api('POST', `/api/v1/segments/${no}/languages`, { body: { languageCode: 'DEU', subject: 'Hallo' } });
    await api('POST', `/api/v1/segments/${no}/languages`, { body: { languageCode: 'ENU', subject: 'Hello' } });
    expect(await lineLanguages(no)).toEqual([
      ['ENU', 'Hello', null],
      ['DEU', 'Hallo', null],
      ['FRA', 'Bonjour', null],
    ]);
    expect((await api('DELETE', `/api/v1/segments/${no}/languages/FRA`)).status).toBe(204);
    expect((await api('GET', `/api/v1/segments/${no}`)).body).toMatchObject({ languageCodeDefault: 'DEU', subjectDefault: 'Hallo' });
    expect(await lineLanguages(no)).toEqual([
      ['ENU', 'Hello', null],
      ['DEU', 'Hallo', null],
      ['DEU', 'Hallo', null],
    ]);
    await api('DELETE', `/api/v1/segments/${no}/languages/DEU`);
    await api('DELETE', `/api/v1/segments/${no}/languages/ENU`);
    expect((await api('GET', `/api/v1/segments/${no}`)).body).toMatchObject({ languageCodeDefault: null, subjectDefault: null });
    expect(await lineLanguages(no)).toEqual([
      [null, null, null],
      [null, null, null],
      [null, null, null],
    ]);
    const missing = await api('GET', `/api/v1/segments/${no}/languages/ENU`);
    expect([missing.status, missing.body.code, missing.body.detail]).toEqual([
      404,
      'template_language_not_found',
      `Segment ${no} has no language ENU.`,
    ]);
    expect((await api('DELETE', `/api/v1/segments/${no}/languages/ENU`)).body.code).toBe('template_language_not_found');
  });

  it('sets, replaces and removes a row’s attachment, which the inheriting lines follow', async () => {
    const no = await segment();
    await api('POST', `/api/v1/segments/${no}/languages`, { body: { languageCode: 'ENU' } });
    const put = await api('PUT', `/api/v1/segments/${no}/languages/ENU/attachment?fileName=offer.pdf`, {
      payload: Buffer.from('%PDF-1'),
      headers: { 'content-type': 'application/pdf' },
    });
    expect(put.status).toBe(200);
    const first = put.body.attachmentId;
    expect(first).toEqual(expect.any(Number));
    const stored = await db()
      .selectFrom('attachments')
      .select(['file_name', 'content_type', 'size'])
      .where('id', '=', first)
      .executeTakeFirstOrThrow();
    expect([stored.file_name, stored.content_type, Number(stored.size)]).toEqual(['offer.pdf', 'application/pdf', 6]);
    const lines = (await api('GET', `/api/v1/segments/${no}/lines`)).body.items;
    expect(lines.map((l: { attachmentId: number; attachmentSource: string }) => [l.attachmentId, l.attachmentSource])).toEqual([
      [first, 'inherited'],
      [first, 'inherited'],
      [first, 'inherited'],
    ]);
    const replaced = await api('PUT', `/api/v1/segments/${no}/languages/ENU/attachment?fileName=offer2.pdf`, {
      payload: Buffer.from('%PDF-2'),
      headers: { 'content-type': 'application/pdf' },
    });
    expect(replaced.body.attachmentId).not.toBe(first);
    expect(await db().selectFrom('attachments').select('id').where('id', '=', first).execute()).toEqual([]);
    expect((await api('GET', `/api/v1/segments/${no}/lines/10000`)).body.attachmentId).toBe(replaced.body.attachmentId);
    expect((await api('DELETE', `/api/v1/segments/${no}/languages/ENU/attachment`)).status).toBe(204);
    expect((await api('GET', `/api/v1/segments/${no}/lines/10000`)).body).toMatchObject({ attachmentId: null, attachmentSource: null });
    expect((await api('GET', `/api/v1/segments/${no}/languages/ENU`)).body.attachmentId).toBeNull();
    const noName = await api('PUT', `/api/v1/segments/${no}/languages/ENU/attachment`, {
      payload: Buffer.from('x'),
      headers: { 'content-type': 'text/plain' },
    });
    expect([noName.status, noName.body.errors[0].path]).toEqual([400, 'query.fileName']);
  });

  it('refuses files over 10 MiB and changes to a read-only attachment', async () => {
    const no = await segment();
    await api('POST', `/api/v1/segments/${no}/languages`, { body: { languageCode: 'ENU' } });
    const big = await api('PUT', `/api/v1/segments/${no}/languages/ENU/attachment?fileName=big.bin`, {
      payload: Buffer.alloc(10 * 1024 * 1024 + 1),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect([big.status, big.body.code]).toEqual([413, 'attachment_too_large']);
    const put = await api('PUT', `/api/v1/segments/${no}/languages/ENU/attachment?fileName=a.txt`, {
      payload: Buffer.from('a'),
      headers: { 'content-type': 'text/plain' },
    });
    await db().updateTable('attachments').set({ read_only: 1 }).where('id', '=', put.body.attachmentId).execute();
    const replace = await api('PUT', `/api/v1/segments/${no}/languages/ENU/attachment?fileName=b.txt`, {
      payload: Buffer.from('b'),
      headers: { 'content-type': 'text/plain' },
    });
    expect([replace.status, replace.body.code]).toEqual([409, 'attachment_read_only']);
    const remove = await api('DELETE', `/api/v1/segments/${no}/languages/ENU/attachment`);
    expect([remove.status, remove.body.code]).toEqual([409, 'attachment_read_only']);
    expect((await api('GET', `/api/v1/segments/${no}/languages/ENU`)).body.attachmentId).toBe(put.body.attachmentId);
  });

  it('lets users manage language rows and viewers only read them', async () => {
    const no = await segment();
    const viewer = await env().tokenFor('viewer');
    const user = await env().tokenFor('user');
    expect((await api('GET', `/api/v1/segments/${no}/languages`, { token: viewer })).status).toBe(200);
    expect((await api('POST', `/api/v1/segments/${no}/languages`, { token: viewer, body: { languageCode: 'ENU' } })).status).toBe(403);
    expect((await api('POST', `/api/v1/segments/${no}/languages`, { token: user, body: { languageCode: 'ENU' } })).status).toBe(201);
  });
});
