import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { NewLogEntry } from '../../src/domain/interaction-log/interaction-log';
import { attachmentExists, entryRow, seedAttachment, seedComment, seedEntries, seedTemplate, unique } from '../support/seed-entries';
import { describeEachDialect } from '../support/test-app';

const URL = '/api/v1/interaction-log-entries/delete-canceled';

describeEachDialect('interaction log entries: delete canceled', (env) => {
  it('deletes only canceled entries matching every filter, never active or postponed ones', async () => {
    const db = env().app.database.db;
    const contact = unique('DC');
    const base: Partial<NewLogEntry> = {
      contactNo: contact,
      date: '2026-03-15',
      campaignNo: 'CP1',
      interactionGroupCode: 'GRP',
      interactionTemplateCode: 'TPL',
      salespersonCode: 'SP',
      canceled: true,
    };
    const variants: Partial<NewLogEntry>[] = [
      base,
      { ...base, canceled: false },
      { ...base, postponed: true },
      { ...base, contactNo: unique('DC') },
      { ...base, date: '2026-02-28' },
      { ...base, date: '2026-04-01' },
      { ...base, campaignNo: 'CP2' },
      { ...base, interactionGroupCode: 'OTHER' },
      { ...base, interactionTemplateCode: 'OTHER' },
      { ...base, salespersonCode: 'OTHER' },
      base,
    ];
    const nos = await seedEntries(db, variants);
    const body = {
      entryNoFrom: nos[0],
      entryNoTo: nos[9],
      contactNo: contact.toLowerCase(),
      dateFrom: '2026-03-01',
      dateTo: '2026-03-31',
      campaignNo: 'cp1',
      interactionGroupCode: 'grp',
      interactionTemplateCode: 'tpl',
      salespersonCode: 'sp',
    };
    const res = await env().api('POST', URL, { body });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ deleted: 1 });
    expect(await entryRow(db, nos[0]!)).toBeUndefined();
    for (const n of nos.slice(1)) expect(await entryRow(db, n), String(n)).toBeDefined();

    // a second run finds nothing; 0 is a fine answer
    expect((await env().api('POST', URL, { body })).body).toEqual({ deleted: 0 });
  });

  it('without filters deletes every canceled entry with its comments, leaving the rest', async () => {
    const db = env().app.database.db;
    const [canceled, active, postponed] = await seedEntries(db, [{ canceled: true }, {}, { postponed: true, canceled: true, date: null }]);
    await seedComment(db, canceled!, 10000, 'goes');
    await seedComment(db, active!, 10000, 'stays');
    const res = await env().api('POST', URL, { body: {} });
    expect(res.status).toBe(200);
    expect(res.body.deleted).toBeGreaterThanOrEqual(1);
    expect(await entryRow(db, canceled!)).toBeUndefined();
    expect(await entryRow(db, active!)).toBeDefined();
    expect(await entryRow(db, postponed!)).toBeDefined();
    const comments = await db.selectFrom('entry_comments').select('entry_no').where('entry_no', 'in', [canceled!, active!]).execute();
    expect(comments.map((c) => Number(c.entry_no))).toEqual([active]);
    expect((await env().api('GET', '/api/v1/interaction-log-entries?canceled=true')).body.items).toEqual([]);
  });

  it('deletes attachments nothing uses any more; the last entry sharing one takes it', async () => {
    const db = env().app.database.db;
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(await seedAttachment(db));
    const [own, sharedGone, sharedKept, byTemplate, byPostponed] = ids as [number, number, number, number, number];
    const code = unique('T');
    await seedTemplate(db, { code, groupCode: 'MAIL', description: 'Letter' });
    await db
      .insertInto('template_languages')
      .values({ template_code: code, language_code: 'ENU', description: null, attachment_id: byTemplate })
      .execute();
    const segment = unique('SEG');
    const nos = await seedEntries(db, [
      { canceled: true, segmentNo: segment, attachmentId: own },
      { canceled: true, segmentNo: segment, attachmentId: sharedGone },
      { canceled: true, segmentNo: segment, attachmentId: sharedGone },
      { canceled: true, segmentNo: segment, attachmentId: sharedKept },
      { canceled: false, segmentNo: segment, attachmentId: sharedKept },
      { canceled: true, segmentNo: segment, attachmentId: byTemplate },
      { canceled: true, segmentNo: segment, attachmentId: byPostponed },
      { postponed: true, segmentNo: segment, attachmentId: byPostponed, date: null },
    ]);
    const res = await env().api('POST', URL, { body: { entryNoFrom: nos[0], entryNoTo: nos[nos.length - 1] } });
    expect(res.body).toEqual({ deleted: 6 });
    expect(await attachmentExists(db, own)).toBe(false);
    expect(await attachmentExists(db, sharedGone)).toBe(false);
    expect(await attachmentExists(db, sharedKept)).toBe(true);
    expect(await attachmentExists(db, byTemplate)).toBe(true);
    expect(await attachmentExists(db, byPostponed)).toBe(true);
  });

  it('deletes large runs in several chunks within one request', async () => {
    const db = env().app.database.db;
    const contact = unique('BULK');
    const nos = await seedEntries(
      db,
      Array.from({ length: 12_345 }, (_, i) => ({ contactNo: contact, canceled: i % 5 !== 0 })),
    );
    const withComment = nos[1]!;
    await seedComment(db, withComment, 10000, 'bulk comment');
    const res = await env().api('POST', URL, { body: { contactNo: contact } });
    expect(res.body).toEqual({ deleted: 12_345 - Math.ceil(12_345 / 5) });
    const left = await env().api('GET', `/api/v1/interaction-log-entries?contactNo=${contact}&limit=500&sort=entryNo`);
    expect(left.body.items.every((e: { canceled: boolean }) => !e.canceled)).toBe(true);
    expect(left.body.items[0].entryNo).toBe(nos[0]);
    expect(await db.selectFrom('entry_comments').select('entry_no').where('entry_no', '=', withComment).executeTakeFirst()).toBeUndefined();
  });

  it(
    'deletes a large share of the log and leaves every index in place, contact lookups answering as before',
    { timeout: 120_000 },
    async () => {
      const db = env().app.database.db;
      const contacts = Array.from({ length: 8 }, (_, i) => unique(`MASS${i}`));
      // 64,000 entries, 80 % canceled: enough for the bulk path on SQLite (its indexes in contact order set aside and rebuilt)
      const nos = await seedEntries(
        db,
        Array.from({ length: 64_000 }, (_, i) => ({ contactNo: contacts[i % 8]!, contactCompanyNo: contacts[0]!, canceled: i % 5 !== 0 })),
      );
      const res = await env().api('POST', URL, { body: { entryNoFrom: nos[0], entryNoTo: nos[nos.length - 1] } });
      expect(res.body).toEqual({ deleted: 51_200 });
      const names = ['entries_contact', 'entries_company', 'entries_contact_date', 'entries_company_date'];
      const present =
        env().dialect === 'sqlite'
          ? await sql<{
              name: string;
            }>`select name from sqlite_master where type = 'index' and tbl_name = 'interaction_log_entries'`.execute(db)
          : await sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'interaction_log_entries'`.execute(db);
      expect(present.rows.map((r) => r.name)).toEqual(expect.arrayContaining(names));
      for (const contactNo of [contacts[0]!, contacts[3]!]) {
        const left = await env().api('GET', `/api/v1/interaction-log-entries?contactNo=${contactNo}&limit=500`);
        // every fifth entry stayed: 8,000 per contact, 1,600 of them active
        expect(left.body.items).toHaveLength(500);
        expect(left.body.items.every((e: { canceled: boolean; contactNo: string }) => !e.canceled && e.contactNo === contactNo)).toBe(true);
      }
      const kept = await db
        .selectFrom('interaction_log_entries')
        .select(sql<number>`count(*)`.as('n'))
        .where('contact_company_no', '=', contacts[0]!)
        .executeTakeFirstOrThrow();
      expect(Number(kept.n)).toBe(12_800);
    },
  );

  it('runs as a background job with async=true and reports progress and result', async () => {
    const db = env().app.database.db;
    const contact = unique('JOB');
    await seedEntries(
      db,
      Array.from({ length: 30 }, () => ({ contactNo: contact, canceled: true })),
    );
    const user = await env().tokenFor('user');
    const res = await env().api('POST', `${URL}?async=true`, { token: user, body: { contactNo: contact } });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ jobId: expect.any(String) });
    expect(res.headers['location']).toBe(`/api/v1/jobs/${res.body.jobId}`);
    await env().app.services.jobs.drain();
    const job = await env().api('GET', `/api/v1/jobs/${res.body.jobId}`, { token: user });
    expect(job.status).toBe(200);
    expect(job.body).toMatchObject({
      kind: 'entries_delete_canceled',
      status: 'succeeded',
      done: 30,
      total: 30,
      result: { deleted: 30 },
      error: null,
    });
    expect((await env().api('GET', `/api/v1/interaction-log-entries?contactNo=${contact}`)).body.items).toEqual([]);
  });

  it('validates the filters and the role', async () => {
    const cases: [unknown, string][] = [
      [{ dateFrom: '2026-03-02', dateTo: '2026-03-01' }, 'dateFrom'],
      [{ entryNoFrom: 9, entryNoTo: 8 }, 'entryNoFrom'],
      [{ canceled: false }, 'canceled'],
      [{ contactNo: 'X'.repeat(21) }, 'contactNo'],
      [{ interactionTemplateCode: 'X'.repeat(11) }, 'interactionTemplateCode'],
    ];
    for (const [body, path] of cases) {
      const res = await env().api('POST', URL, { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const badAsync = await env().api('POST', `${URL}?async=yes`, { body: {} });
    expect(badAsync.body.errors[0].path).toBe('query.async');
    const viewer = await env().tokenFor('viewer');
    expect((await env().api('POST', URL, { token: viewer, body: {} })).status).toBe(403);
  });
});
