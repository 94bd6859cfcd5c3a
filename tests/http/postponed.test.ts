import { expect, it } from 'vitest';
import { seeder, unique } from '../support/seed';
import { describeEachDialect } from '../support/test-app';

const BASE = '/api/v1/postponed-interactions';

describeEachDialect('postponed interactions', (env) => {
  const db = () => env().app.database.db;
  const seed = () => seeder(db());
  const postpone = async (body: object, token?: string) => {
    const res = await env().api('POST', '/api/v1/interactions', { body: { postponed: true, ...body }, ...(token && { token }) });
    expect(res.status).toBe(201);
    return res.body;
  };
  const commentsOf = async (entryNo: number) =>
    (
      await db()
        .selectFrom('entry_comments')
        .select(['line_no', 'date', 'comment'])
        .where('entry_no', '=', entryNo)
        .orderBy('line_no')
        .execute()
    ).map((l) => [Number(l.line_no), l.date, l.comment]);

  it('stores a postponed interaction without the required-value, e-mail and delivery checks and without campaign entry', async () => {
    const s = seed();
    const campaignNo = await s.campaign();
    const lang = await s.language();
    const templateCode = await s.template({
      description: null,
      campaignNo,
      languageCodeDefault: lang,
      languages: [{ languageCode: lang, attachment: { fileName: 'a.txt', content: 'A' } }],
    });
    const contactNo = await s.contact();
    const res = await env().api('POST', '/api/v1/interactions', {
      body: {
        contactNo,
        interactionTemplateCode: templateCode,
        postponed: true,
        date: null,
        salespersonCode: null,
        deliver: true,
        comments: ['to do'],
      },
    });
    expect(res.status).toBe(201);
    expect(res.headers['location']).toBe(`${BASE}/${res.body.entryNo}`);
    expect(res.body).toMatchObject({
      postponed: true,
      date: null,
      description: null,
      salespersonCode: null,
      correspondenceType: 'email',
      campaignNo,
      campaignEntryNo: null,
      interactionLanguageCode: lang,
      deliveryStatus: null,
      hasComments: true,
    });
    expect(res.body.attachmentId).not.toBeNull();
    expect(await db().selectFrom('campaign_entries').select('entry_no').where('campaign_no', '=', campaignNo).execute()).toHaveLength(0);
    expect(await commentsOf(res.body.entryNo)).toEqual([[10000, '2026-11-28', 'to do']]);
    const unknown = await env().api('POST', '/api/v1/interactions', {
      body: { contactNo, interactionTemplateCode: templateCode, postponed: true, opportunityNo: 'NOPE' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('opportunity_not_found');
  });

  it('lists postponed entries only, filtered and sorted, page by page', async () => {
    const s = seed();
    const sp = await s.salesperson();
    const { templateCode } = await s.basics();
    const company = await s.contact();
    const person = await s.contact({ type: 'person', companyNo: company });
    const other = await s.contact();
    const a = await postpone({ contactNo: company, interactionTemplateCode: templateCode, date: '2026-11-03', salespersonCode: sp });
    const b = await postpone({ contactNo: person, interactionTemplateCode: templateCode, date: '2026-11-01', salespersonCode: sp });
    const c = await postpone({ contactNo: person, interactionTemplateCode: templateCode, date: null, salespersonCode: sp });
    const d = await postpone({ contactNo: company, interactionTemplateCode: templateCode, date: '2026-11-01', salespersonCode: sp });
    await postpone({ contactNo: other, interactionTemplateCode: templateCode, salespersonCode: null });
    const logged = await env().api('POST', '/api/v1/interactions', {
      body: { contactNo: company, interactionTemplateCode: templateCode, salespersonCode: sp },
    });
    expect(logged.status).toBe(201);

    const all = async (query: string, limit = 2) => {
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const res: { status: number; body: { items: { entryNo: number }[]; nextCursor: string | null } } = await env().api(
          'GET',
          `${BASE}?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((e) => e.entryNo));
        cursor = res.body.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(await all(`contactCompanyNo=${company.toLowerCase()}`)).toEqual([d, c, b, a].map((e) => e.entryNo));
    expect(await all(`contactCompanyNo=${company}&sort=entryNo`)).toEqual([a, b, c, d].map((e) => e.entryNo));
    // date order, ties by entry number in the same direction; an entry without date comes first ascending
    expect(await all(`contactCompanyNo=${company}&sort=date`, 1)).toEqual([c, b, d, a].map((e) => e.entryNo));
    expect(await all(`contactCompanyNo=${company}&sort=-date`, 3)).toEqual([a, d, b, c].map((e) => e.entryNo));
    expect(await all(`contactNo=${person}`)).toEqual([c, b].map((e) => e.entryNo));
    expect(await all(`salespersonCode=${sp}`)).toEqual([d, c, b, a].map((e) => e.entryNo));
    const first = await env().api('GET', `${BASE}?contactNo=${person}&limit=1`);
    expect(first.body.items[0]).toMatchObject({ postponed: true, contactCompanyNo: company, contactCompanyName: `Contact ${company}` });
    const mismatch = await env().api('GET', `${BASE}?contactNo=${company}&limit=1&cursor=${first.body.nextCursor}`);
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors[0].path).toBe('query.cursor');
    expect((await env().api('GET', `${BASE}?sort=name`)).status).toBe(400);
    expect((await env().api('GET', `${BASE}?colour=red`)).body.errors[0]).toEqual({ path: 'query.colour', message: 'unknown field' });
  });

  it('reads one postponed entry and its comments; a logged or missing entry is entry_not_found', async () => {
    const { templateCode, contactNo, salespersonCode } = await seed().basics();
    const p = await postpone({ contactNo, interactionTemplateCode: templateCode, comments: ['one', 'two', 'three'] });
    const viewer = await env().tokenFor('viewer');
    const one = await env().api('GET', `${BASE}/${p.entryNo}`, { token: viewer });
    expect(one.status).toBe(200);
    expect(one.body).toEqual(p);
    const page1 = await env().api('GET', `${BASE}/${p.entryNo}/comments?limit=2`, { token: viewer });
    expect(page1.body.items).toEqual([
      { lineNo: 10000, date: '2026-11-28', comment: 'one' },
      { lineNo: 20000, date: '2026-11-28', comment: 'two' },
    ]);
    const page2 = await env().api('GET', `${BASE}/${p.entryNo}/comments?limit=2&cursor=${page1.body.nextCursor}`, { token: viewer });
    expect(page2.body).toEqual({ items: [{ lineNo: 30000, date: '2026-11-28', comment: 'three' }], nextCursor: null });

    const logged = await env().api('POST', '/api/v1/interactions', {
      body: { contactNo, interactionTemplateCode: templateCode, salespersonCode },
    });
    for (const path of [`${BASE}/${logged.body.entryNo}`, `${BASE}/${logged.body.entryNo}/comments`, `${BASE}/999999`]) {
      const res = await env().api('GET', path);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('entry_not_found');
    }
    expect((await env().api('GET', `${BASE}/abc`)).body.errors[0].path).toBe('params.entryNo');
  });

  it('resumes the same entry: today, the caller, all checks, the campaign entry, comments kept', async () => {
    const s = seed();
    const campaignNo = await s.campaign();
    const { templateCode, contactNo, salespersonCode } = await s.basics({ template: { campaignNo } });
    const p = await postpone({
      contactNo,
      interactionTemplateCode: templateCode,
      date: '2026-11-02',
      timeOfInteraction: '08:00:00',
      salespersonCode,
      comments: ['keep me'],
    });
    env().clock.set('2026-11-30T12:00:00.000Z');
    const username = unique('resumer');
    const token = await env().tokenFor('user', { username });
    const res = await env().api('POST', `${BASE}/${p.entryNo}/resume`, { token, body: {} });
    env().clock.set('2026-11-28T10:15:01.000Z');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entryNo: p.entryNo,
      createdAt: p.createdAt,
      postponed: false,
      date: '2026-11-30',
      timeOfInteraction: '08:00:00',
      userId: username,
      salespersonCode,
      campaignNo,
      hasComments: true,
      description: p.description,
    });
    expect(res.body.campaignEntryNo).not.toBeNull();
    const ce = await db()
      .selectFrom('campaign_entries')
      .selectAll()
      .where('entry_no', '=', res.body.campaignEntryNo)
      .executeTakeFirstOrThrow();
    expect(ce).toMatchObject({ date: '2026-11-30', user_id: username, description: 'Interactions' });
    expect(await commentsOf(p.entryNo)).toEqual([[10000, '2026-11-02', 'keep me']]);
    // now a logged entry: no longer postponed, so neither resumable nor deletable here
    const again = await env().api('POST', `${BASE}/${p.entryNo}/resume`, { body: {} });
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('entry_not_found');
    expect((await env().api('DELETE', `${BASE}/${p.entryNo}`)).body.code).toBe('entry_not_found');
    expect((await env().api('POST', `${BASE}/424242/resume`, { body: {} })).body.code).toBe('entry_not_found');
  });

  it('runs the checks of a new interaction on resume and changes nothing when one fails', async () => {
    const s = seed();
    const { templateCode, contactNo } = await s.basics({ contact: { salespersonCode: null } });
    const p = await postpone({ contactNo, interactionTemplateCode: templateCode, description: null, salespersonCode: null });
    const noSp = await env().api('POST', `${BASE}/${p.entryNo}/resume`, { token: await env().tokenFor('user'), body: {} });
    expect(noSp.status).toBe(422);
    expect(noSp.body.code).toBe('salesperson_required');
    // api.md §13.10: a blank stored salesperson takes the default of §6.1 (the user's)
    const sp = await s.salesperson();
    const noDescription = await env().api('POST', `${BASE}/${p.entryNo}/resume`, {
      token: await env().tokenFor('user', { salespersonCode: sp }),
      body: { comments: ['new'] },
    });
    expect(noDescription.status).toBe(422);
    expect(noDescription.body.code).toBe('description_required');
    const unchanged = await env().api('GET', `${BASE}/${p.entryNo}`);
    expect(unchanged.body).toEqual(p);
    const ok = await env().api('POST', `${BASE}/${p.entryNo}/resume`, {
      token: await env().tokenFor('user', { salespersonCode: sp }),
      body: { description: 'Done', deliver: true, correspondenceType: null },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ salespersonCode: sp, description: 'Done', subject: 'Done', postponed: false });
  });

  it('derives every value the body does not give from a new template; body values win', async () => {
    const s = seed();
    const sp = await s.salesperson();
    const first = await s.template({
      description: 'Letter',
      unitCostCents: 100,
      unitDurationMin: 1,
      informationFlow: 'outbound',
      initiatedBy: 'us',
    });
    const second = await s.template({
      description: 'Meeting',
      unitCostCents: 2000,
      unitDurationMin: 60,
      informationFlow: 'inbound',
      initiatedBy: 'them',
      correspondenceTypeDefault: 'hard_copy',
      campaignTarget: true,
    });
    const contactNo = await s.contact({ email: 'm@example.com', salespersonCode: sp });
    const p = await postpone({ contactNo, interactionTemplateCode: first, evaluation: 'positive', costLcy: 7 });
    expect(p).toMatchObject({ description: 'Letter', costLcy: 7, correspondenceType: 'email' });
    const res = await env().api('POST', `${BASE}/${p.entryNo}/resume`, { body: { interactionTemplateCode: second, durationMin: 45 } });
    expect(res.status).toBe(200);
    const group = (
      await db().selectFrom('interaction_templates').select('interaction_group_code').where('code', '=', second).executeTakeFirstOrThrow()
    ).interaction_group_code;
    expect(res.body).toMatchObject({
      interactionTemplateCode: second,
      interactionGroupCode: group,
      description: 'Meeting',
      subject: 'Meeting',
      costLcy: 20,
      durationMin: 45,
      informationFlow: 'inbound',
      initiatedBy: 'them',
      correspondenceType: 'hard_copy',
      campaignTarget: true,
      evaluation: 'positive',
    });
  });

  it('keeps stored values without a template change; a new description carries the subject', async () => {
    const { templateCode, contactNo, salespersonCode } = await seed().basics();
    const p = await postpone({
      contactNo,
      interactionTemplateCode: templateCode,
      salespersonCode,
      description: 'Draft',
      subject: 'Old subject',
      costLcy: 9.99,
      informationFlow: 'inbound',
    });
    const kept = await env().api('POST', `${BASE}/${p.entryNo}/resume`, { body: { postponed: true } });
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({
      postponed: true,
      description: 'Draft',
      subject: 'Old subject',
      costLcy: 9.99,
      informationFlow: 'inbound',
      campaignEntryNo: null,
    });
    const res = await env().api('POST', `${BASE}/${p.entryNo}/resume`, {
      body: { description: 'Final', comments: ['replaced'], postponed: true },
    });
    expect(res.body).toMatchObject({ description: 'Final', subject: 'Final', costLcy: 9.99, postponed: true });
    expect(await commentsOf(p.entryNo)).toEqual([[10000, '2026-11-28', 'replaced']]);
    const both = await env().api('POST', `${BASE}/${p.entryNo}/resume`, {
      body: { description: 'Final 2', subject: 'Own subject', comments: [] },
    });
    expect(both.body).toMatchObject({ description: 'Final 2', subject: 'Own subject', postponed: false, hasComments: false });
    expect(await commentsOf(p.entryNo)).toEqual([]);
  });

  it('keeps the stored subject when the body sends the description unchanged', async () => {
    const { templateCode, contactNo, salespersonCode } = await seed().basics();
    const p = await postpone({
      contactNo,
      interactionTemplateCode: templateCode,
      salespersonCode,
      description: 'Quote',
      subject: 'Your quote',
    });
    // the guide sends every field it shows; an unchanged description is no change (api.md §13.10)
    const res = await env().api('POST', `${BASE}/${p.entryNo}/resume`, { body: { description: 'Quote', evaluation: 'positive' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ description: 'Quote', subject: 'Your quote', evaluation: 'positive', postponed: false });
    const stored = await db()
      .selectFrom('interaction_log_entries')
      .select('subject')
      .where('entry_no', '=', p.entryNo)
      .executeTakeFirstOrThrow();
    expect(stored.subject).toBe('Your quote');
  });

  it('replaces the attachment copy only when the resolved template language changes', async () => {
    const s = seed();
    const enu = await s.language();
    const deu = await s.language();
    const templateCode = await s.template({
      languageCodeDefault: enu,
      languages: [
        { languageCode: enu, attachment: { fileName: 'en.txt', content: 'EN' } },
        { languageCode: deu, attachment: { fileName: 'de.txt', content: 'DE' } },
      ],
    });
    const sp = await s.salesperson();
    const contactNo = await s.contact({ email: 'x@example.com', salespersonCode: sp });
    const p = await postpone({ contactNo, interactionTemplateCode: templateCode });
    expect(p.interactionLanguageCode).toBe(enu);
    const same = await env().api('POST', `${BASE}/${p.entryNo}/resume`, { body: { postponed: true, languageCode: enu, description: 'x' } });
    expect(same.body.attachmentId).toBe(p.attachmentId);
    const changed = await env().api('POST', `${BASE}/${p.entryNo}/resume`, { body: { languageCode: deu } });
    expect(changed.status).toBe(200);
    expect(changed.body.interactionLanguageCode).toBe(deu);
    expect(changed.body.attachmentId).not.toBe(p.attachmentId);
    const copy = await db()
      .selectFrom('attachments')
      .select(['file_name', 'read_only'])
      .where('id', '=', changed.body.attachmentId)
      .executeTakeFirstOrThrow();
    expect(copy.file_name).toBe('de.txt');
    expect(Number(copy.read_only)).toBe(1);
    expect(await db().selectFrom('attachments').select('id').where('id', '=', p.attachmentId).executeTakeFirst()).toBeUndefined();
  });

  it('needs a contact to resume an entry whose contact was deleted', async () => {
    const { templateCode, contactNo, salespersonCode } = await seed().basics();
    const p = await postpone({ contactNo, interactionTemplateCode: templateCode, salespersonCode });
    await db()
      .updateTable('interaction_log_entries')
      .set({ contact_no: null, contact_company_no: null })
      .where('entry_no', '=', p.entryNo)
      .execute();
    const res = await env().api('POST', `${BASE}/${p.entryNo}/resume`, { body: {} });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'contactNo', message: expect.stringContaining('is required') }]);
    const other = await seeder(db()).contact({ email: 'o@example.com' });
    const ok = await env().api('POST', `${BASE}/${p.entryNo}/resume`, { body: { contactNo: other } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ contactNo: other, contactCompanyNo: other });
    const privacy = await postpone({ contactNo, interactionTemplateCode: templateCode });
    await db().updateTable('contacts').set({ privacy_blocked: 1 }).where('no', '=', contactNo).execute();
    const refused = await env().api('POST', `${BASE}/${privacy.entryNo}/resume`, { body: { postponed: true } });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('contact_privacy_blocked');
  });

  it('deletes a postponed entry with its comments and its attachment', async () => {
    const s = seed();
    const lang = await s.language();
    const templateCode = await s.template({
      languageCodeDefault: lang,
      languages: [{ languageCode: lang, attachment: { fileName: 'a.txt', content: 'A' } }],
    });
    const contactNo = await s.contact();
    const p = await postpone({ contactNo, interactionTemplateCode: templateCode, comments: ['gone'] });
    const viewer = await env().tokenFor('viewer');
    expect((await env().api('DELETE', `${BASE}/${p.entryNo}`, { token: viewer })).status).toBe(403);
    expect((await env().api('POST', `${BASE}/${p.entryNo}/resume`, { token: viewer, body: {} })).status).toBe(403);
    const res = await env().api('DELETE', `${BASE}/${p.entryNo}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(await commentsOf(p.entryNo)).toEqual([]);
    expect(await db().selectFrom('attachments').select('id').where('id', '=', p.attachmentId).executeTakeFirst()).toBeUndefined();
    expect((await env().api('GET', `${BASE}/${p.entryNo}`)).body.code).toBe('entry_not_found');
    const gone = await env().api('DELETE', `${BASE}/${p.entryNo}`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('entry_not_found');
  });
});
