import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/test-app';
import { seedCampaign, seedContact, seedLanguage, seedSalesperson, seedTemplate } from '../support/seed-segments';

describeEachDialect('segment header', (env) => {
  const db = () => env().app.database.db;

  it('numbers new segments after segments and logged segments, with today and the caller’s salesperson as defaults', async () => {
    await seedSalesperson(db(), 'ANNA');
    await db()
      .insertInto('logged_segments')
      .values({ segment_no: 'SM09000', description: 'old', creation_date: '2026-01-01', user_id: 'admin', canceled: 0 })
      .execute();
    const anna = await env().tokenFor('user', { salespersonCode: 'ANNA' });
    const res = await env().api('POST', '/api/v1/segments', { token: anna, body: { description: 'Autumn mailing' } });
    expect(res.status).toBe(201);
    expect(res.headers['location']).toBe('/api/v1/segments/SM09001');
    expect(res.body).toEqual({
      no: 'SM09001',
      description: 'Autumn mailing',
      salespersonCode: 'ANNA',
      date: '2026-11-28',
      campaignNo: null,
      campaignTarget: false,
      campaignResponse: false,
      interactionTemplateCode: null,
      interactionGroupCode: null,
      languageCodeDefault: null,
      subjectDefault: null,
      correspondenceTypeDefault: null,
      ignoreContactCorrespondenceType: false,
      unitCostLcy: 0,
      unitDurationMin: 0,
      informationFlow: null,
      initiatedBy: null,
      noOfLines: 0,
      costLcy: 0,
      durationMin: 0,
      noOfCriteriaActions: 0,
    });
    const next = await env().api('POST', '/api/v1/segments', { body: { description: 'Next', salespersonCode: null, date: null } });
    expect(next.body).toMatchObject({ no: 'SM09002', salespersonCode: null, date: null });
  });

  it('refuses a number used by a segment or a logged segment', async () => {
    const first = await env().api('POST', '/api/v1/segments', { body: { no: ' sm-own ', description: 'Own number' } });
    expect(first.status).toBe(201);
    expect(first.body.no).toBe('SM-OWN');
    const again = await env().api('POST', '/api/v1/segments', { body: { no: 'SM-OWN' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('duplicate_code');
    await db()
      .insertInto('logged_segments')
      .values({ segment_no: 'SM-LOGGED', description: null, creation_date: '2026-01-01', user_id: 'admin', canceled: 0 })
      .execute();
    const logged = await env().api('POST', '/api/v1/segments', { body: { no: 'SM-LOGGED' } });
    expect(logged.status).toBe(409);
    expect(logged.body.code).toBe('duplicate_code');
  });

  it('copies the template’s values and language rows (attachments duplicated) unless the request gives them', async () => {
    await seedLanguage(db(), 'ENU');
    await seedLanguage(db(), 'DEU');
    await seedCampaign(db(), 'CP-TPL');
    await seedTemplate(db(), {
      code: 'LETTER',
      group: 'POST',
      unitCostCents: 250,
      unitDurationMin: 15,
      informationFlow: 'outbound',
      initiatedBy: 'us',
      campaignNo: 'CP-TPL',
      campaignTarget: true,
      correspondenceTypeDefault: 'hard_copy',
      ignoreContactCorrespondenceType: true,
      languageCodeDefault: 'ENU',
      languages: [
        { code: 'ENU', attachment: 'Dear customer' },
        { code: 'DEU', description: 'Brief' },
      ],
    });
    const res = await env().api('POST', '/api/v1/segments', {
      body: { description: 'Letters', interactionTemplateCode: 'letter', unitDurationMin: 20, subjectDefault: 'Our offer' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      interactionTemplateCode: 'LETTER',
      interactionGroupCode: 'POST',
      unitCostLcy: 2.5,
      unitDurationMin: 20,
      informationFlow: 'outbound',
      initiatedBy: 'us',
      campaignNo: 'CP-TPL',
      campaignTarget: true,
      campaignResponse: false,
      correspondenceTypeDefault: 'hard_copy',
      ignoreContactCorrespondenceType: true,
      languageCodeDefault: 'ENU',
      subjectDefault: 'Our offer',
    });
    const rows = await env().api('GET', `/api/v1/segments/${res.body.no}/languages`);
    expect(rows.body.items.map((r: { languageCode: string; subject: string | null }) => [r.languageCode, r.subject])).toEqual([
      ['DEU', null],
      ['ENU', 'Our offer'],
    ]);
    const enu = rows.body.items.find((r: { languageCode: string }) => r.languageCode === 'ENU');
    const original = await db()
      .selectFrom('template_languages')
      .select('attachment_id')
      .where('template_code', '=', 'LETTER')
      .where('language_code', '=', 'ENU')
      .executeTakeFirstOrThrow();
    expect(enu.attachmentId).not.toBeNull();
    expect(enu.attachmentId).not.toBe(Number(original.attachment_id));
    const copy = await db()
      .selectFrom('attachments')
      .select(['content', 'read_only'])
      .where('id', '=', enu.attachmentId)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(copy.content).toString()).toBe('Dear customer');
    expect(Number(copy.read_only)).toBe(0);
  });

  it('checks references in field order, then a blocked salesperson, and refuses read-only and unknown fields', async () => {
    await seedSalesperson(db(), 'BLOCKED', { blocked: true });
    const cases: [Record<string, unknown>, number, string][] = [
      [{ salespersonCode: 'NOBODY', campaignNo: 'NOPE' }, 404, 'salesperson_not_found'],
      [{ campaignNo: 'NOPE', interactionTemplateCode: 'NOPE' }, 404, 'campaign_not_found'],
      [{ interactionTemplateCode: 'NOPE', languageCodeDefault: 'XX' }, 404, 'template_not_found'],
      [{ languageCodeDefault: 'XX' }, 404, 'language_not_found'],
      [{ salespersonCode: 'blocked' }, 422, 'salesperson_blocked'],
    ];
    for (const [body, status, code] of cases) {
      const res = await env().api('POST', '/api/v1/segments', { body });
      expect([res.status, res.body.code]).toEqual([status, code]);
    }
    const readOnly = await env().api('POST', '/api/v1/segments', { body: { interactionGroupCode: 'X', noOfLines: 3 } });
    expect(readOnly.status).toBe(400);
    expect(readOnly.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['interactionGroupCode', 'noOfLines']);
    const money = await env().api('POST', '/api/v1/segments', { body: { unitCostLcy: 1.234 } });
    expect(money.status).toBe(400);
    expect(money.body.errors[0].path).toBe('unitCostLcy');
  });

  it('lists by number with description search, campaign and salesperson filters, page by page', async () => {
    await seedCampaign(db(), 'CP-LIST');
    await seedSalesperson(db(), 'LISTER');
    await env().api('POST', '/api/v1/segments', { body: { no: 'LS-1', description: 'Grüße zum Jahresende', campaignNo: 'CP-LIST' } });
    await env().api('POST', '/api/v1/segments', { body: { no: 'LS-2', description: 'GRÜSSE later', salespersonCode: 'LISTER' } });
    await env().api('POST', '/api/v1/segments', { body: { no: 'LS-3', description: 'Other 100%' } });
    const q = await env().api('GET', `/api/v1/segments?q=${encodeURIComponent('grüße')}`);
    expect(q.body.items.map((s: { no: string }) => s.no)).toEqual(['LS-1']);
    const pct = await env().api('GET', `/api/v1/segments?q=${encodeURIComponent('0%')}`);
    expect(pct.body.items.map((s: { no: string }) => s.no)).toEqual(['LS-3']);
    expect((await env().api('GET', '/api/v1/segments?campaignNo=cp-list')).body.items.map((s: { no: string }) => s.no)).toEqual(['LS-1']);
    expect((await env().api('GET', '/api/v1/segments?salespersonCode=LISTER')).body.items.map((s: { no: string }) => s.no)).toEqual([
      'LS-2',
    ]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { no: string }[]; nextCursor: string | null } } = await env().api(
        'GET',
        `/api/v1/segments?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...res.body.items.map((s) => s.no));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort());
    expect(seen).toEqual(expect.arrayContaining(['LS-1', 'LS-2', 'LS-3']));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('counts lines, sums their cost and duration and counts criteria actions', async () => {
    await seedTemplate(db(), { code: 'CALC', unitCostCents: 125, unitDurationMin: 7 });
    await seedContact(db(), { no: 'CALC-1' });
    await seedContact(db(), { no: 'CALC-2' });
    await env().api('POST', '/api/v1/segments', { body: { no: 'CALC', interactionTemplateCode: 'CALC' } });
    await env().api('POST', '/api/v1/segments/CALC/lines', { body: { contactNo: 'CALC-1' } });
    await env().api('POST', '/api/v1/segments/CALC/lines', { body: { contactNo: 'CALC-2', costLcy: 0.1 } });
    await env().api('POST', '/api/v1/segments/CALC/reduce-contacts', { body: { contactFilter: { q: 'nobody-matches-this' } } });
    const s = await env().api('GET', '/api/v1/segments/CALC');
    expect(s.body).toMatchObject({ noOfLines: 2, costLcy: 1.35, durationMin: 14, noOfCriteriaActions: 1 });
  });

  it('pushes changed header values to the lines on its template, a subject only where it was the old default', async () => {
    await seedSalesperson(db(), 'PUSH-SP');
    await seedCampaign(db(), 'CP-PUSH');
    await seedTemplate(db(), { code: 'PUSH', correspondenceTypeDefault: null });
    await seedTemplate(db(), { code: 'OTHER' });
    await seedContact(db(), { no: 'PUSH-1' });
    await seedContact(db(), { no: 'PUSH-2' });
    await seedContact(db(), { no: 'PUSH-3' });
    await env().api('POST', '/api/v1/segments', {
      body: { no: 'PUSH', description: 'Old', interactionTemplateCode: 'PUSH', subjectDefault: 'Hello' },
    });
    await env().api('POST', '/api/v1/segments/PUSH/lines', { body: { contactNo: 'PUSH-1' } });
    await env().api('POST', '/api/v1/segments/PUSH/lines', { body: { contactNo: 'PUSH-2', subject: 'Personal' } });
    await env().api('POST', '/api/v1/segments/PUSH/lines', { body: { contactNo: 'PUSH-3', interactionTemplateCode: 'OTHER' } });
    const res = await env().api('PATCH', '/api/v1/segments/PUSH', {
      body: {
        description: 'New',
        salespersonCode: 'PUSH-SP',
        date: '2026-12-01',
        campaignNo: 'CP-PUSH',
        campaignResponse: true,
        unitCostLcy: 3,
        unitDurationMin: 9,
        correspondenceTypeDefault: 'email',
        informationFlow: 'inbound',
        initiatedBy: 'them',
        subjectDefault: 'Hi',
      },
    });
    expect(res.status).toBe(200);
    const lines = (await env().api('GET', '/api/v1/segments/PUSH/lines')).body.items;
    const pushed = {
      description: 'New',
      salespersonCode: 'PUSH-SP',
      date: '2026-12-01',
      campaignNo: 'CP-PUSH',
      campaignResponse: true,
      costLcy: 3,
      durationMin: 9,
      correspondenceType: 'email',
      informationFlow: 'inbound',
      initiatedBy: 'them',
    };
    expect(lines[0]).toMatchObject({ ...pushed, subject: 'Hi' });
    expect(lines[1]).toMatchObject({ ...pushed, subject: 'Personal' });
    expect(lines[2]).toMatchObject({ interactionTemplateCode: 'OTHER', description: 'Old', salespersonCode: null, costLcy: 0 });
    await env().api('PATCH', '/api/v1/segments/PUSH?applyToLines=false', { body: { description: 'Header only' } });
    const after = (await env().api('GET', '/api/v1/segments/PUSH/lines/10000')).body;
    expect(after.description).toBe('New');
  });

  it('applies a new template to every line, keeping contact, salesperson, date and evaluation', async () => {
    await seedLanguage(db(), 'NLD');
    await seedSalesperson(db(), 'RE-SP');
    await seedTemplate(db(), { code: 'RE-OLD', unitCostCents: 100, correspondenceTypeDefault: 'hard_copy' });
    await seedTemplate(db(), { code: 'RE-OWN', languages: [{ code: 'NLD', attachment: 'own' }] });
    await seedTemplate(db(), {
      code: 'RE-NEW',
      group: 'CALLS',
      description: 'New template',
      unitCostCents: 500,
      unitDurationMin: 30,
      informationFlow: 'outbound',
      correspondenceTypeDefault: null,
      languageCodeDefault: 'NLD',
      languages: [{ code: 'NLD', attachment: 'nieuw' }],
    });
    await seedContact(db(), { no: 'RE-1', correspondenceType: 'email', email: 'a@x.example' });
    await seedContact(db(), { no: 'RE-2' });
    await env().api('POST', '/api/v1/segments', { body: { no: 'RE', interactionTemplateCode: 'RE-OLD' } });
    await env().api('POST', '/api/v1/segments/RE/lines', {
      body: { contactNo: 'RE-1', salespersonCode: 'RE-SP', date: '2026-12-24', evaluation: 'positive' },
    });
    await env().api('POST', '/api/v1/segments/RE/lines', { body: { contactNo: 'RE-2', interactionTemplateCode: 'RE-OWN' } });
    const ownRowsBefore = await db()
      .selectFrom('segment_languages')
      .select('attachment_id')
      .where('segment_no', '=', 'RE')
      .where('line_no', '=', 20000)
      .execute();
    expect(ownRowsBefore).toHaveLength(1);
    const res = await env().api('PATCH', '/api/v1/segments/RE', { body: { interactionTemplateCode: 're-new' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      interactionGroupCode: 'CALLS',
      unitCostLcy: 5,
      languageCodeDefault: 'NLD',
      correspondenceTypeDefault: null,
    });
    const [a, b] = (await env().api('GET', '/api/v1/segments/RE/lines')).body.items;
    const fromTemplate = {
      interactionTemplateCode: 'RE-NEW',
      interactionGroupCode: 'CALLS',
      description: 'New template',
      costLcy: 5,
      durationMin: 30,
      informationFlow: 'outbound',
      languageCode: 'NLD',
      attachmentSource: 'inherited',
    };
    expect(a).toMatchObject({
      ...fromTemplate,
      contactNo: 'RE-1',
      salespersonCode: 'RE-SP',
      date: '2026-12-24',
      evaluation: 'positive',
      correspondenceType: 'email',
    });
    expect(b).toMatchObject({ ...fromTemplate, contactNo: 'RE-2', correspondenceType: null });
    expect(a.attachmentId).toBe(b.attachmentId);
    expect(
      await db().selectFrom('segment_languages').select('line_no').where('segment_no', '=', 'RE').where('line_no', '<>', 0).execute(),
    ).toEqual([]);
    const oldOwn = await db().selectFrom('attachments').select('id').where('id', '=', Number(ownRowsBefore[0]!.attachment_id)).execute();
    expect(oldOwn).toEqual([]);
  });

  it('refuses a template change without updating lines while a line inherits an attachment', async () => {
    await seedLanguage(db(), 'SVE');
    await seedTemplate(db(), { code: 'IA-1', languageCodeDefault: 'SVE', languages: [{ code: 'SVE', attachment: 'brev' }] });
    await seedTemplate(db(), { code: 'IA-2' });
    await seedContact(db(), { no: 'IA-C' });
    await env().api('POST', '/api/v1/segments', { body: { no: 'IA', interactionTemplateCode: 'IA-1' } });
    const line = await env().api('POST', '/api/v1/segments/IA/lines', { body: { contactNo: 'IA-C' } });
    expect(line.body.attachmentSource).toBe('inherited');
    const res = await env().api('PATCH', '/api/v1/segments/IA?applyToLines=false', {
      body: { interactionTemplateCode: 'IA-2', description: 'changed' },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('inherited_attachments_would_break');
    const unchanged = await env().api('GET', '/api/v1/segments/IA');
    expect(unchanged.body).toMatchObject({ interactionTemplateCode: 'IA-1', description: null, languageCodeDefault: 'SVE' });

    await seedContact(db(), { no: 'IA-D' });
    await env().api('POST', '/api/v1/segments', { body: { no: 'IA-FREE', interactionTemplateCode: 'IA-2' } });
    await env().api('POST', '/api/v1/segments/IA-FREE/lines', { body: { contactNo: 'IA-D' } });
    const ok = await env().api('PATCH', '/api/v1/segments/IA-FREE?applyToLines=false', { body: { interactionTemplateCode: 'IA-1' } });
    expect(ok.status).toBe(200);
    expect((await env().api('GET', '/api/v1/segments/IA-FREE/lines/10000')).body.interactionTemplateCode).toBe('IA-2');
  });

  it('clears the template-derived values when the template is removed, keeping the campaign', async () => {
    await seedCampaign(db(), 'CP-CLR');
    await seedTemplate(db(), { code: 'CLR', unitCostCents: 300, informationFlow: 'inbound', campaignNo: 'CP-CLR' });
    await env().api('POST', '/api/v1/segments', { body: { no: 'CLR', interactionTemplateCode: 'CLR' } });
    const res = await env().api('PATCH', '/api/v1/segments/CLR', { body: { interactionTemplateCode: null } });
    expect(res.body).toMatchObject({
      interactionTemplateCode: null,
      interactionGroupCode: null,
      unitCostLcy: 0,
      informationFlow: null,
      correspondenceTypeDefault: null,
      campaignNo: 'CP-CLR',
    });
  });

  it('deletes a segment with its lines, language rows, criteria actions and their attachments', async () => {
    await seedLanguage(db(), 'ITA');
    await seedTemplate(db(), { code: 'DEL', languageCodeDefault: 'ITA', languages: [{ code: 'ITA', attachment: 'lettera' }] });
    await seedContact(db(), { no: 'DEL-C' });
    await env().api('POST', '/api/v1/segments', { body: { no: 'DEL', interactionTemplateCode: 'DEL' } });
    await env().api('POST', '/api/v1/segments/DEL/add-contacts', { body: { contactFilter: { q: 'contact del-c' } } });
    const row = (await env().api('GET', '/api/v1/segments/DEL/languages/ITA')).body;
    expect((await env().api('DELETE', '/api/v1/segments/DEL')).status).toBe(204);
    const gone = await env().api('GET', '/api/v1/segments/DEL');
    expect([gone.status, gone.body.code]).toEqual([404, 'segment_not_found']);
    for (const table of ['segment_lines', 'segment_languages', 'criteria_actions', 'criteria_action_contacts'] as const)
      expect(await db().selectFrom(table).select('segment_no').where('segment_no', '=', 'DEL').execute()).toEqual([]);
    expect(await db().selectFrom('attachments').select('id').where('id', '=', row.attachmentId).execute()).toEqual([]);
    expect((await env().api('DELETE', '/api/v1/segments/DEL')).body.code).toBe('segment_not_found');
  });

  it('lets viewers read segments but not change them', async () => {
    const viewer = await env().tokenFor('viewer');
    expect((await env().api('GET', '/api/v1/segments', { token: viewer })).status).toBe(200);
    const res = await env().api('POST', '/api/v1/segments', { token: viewer, body: { description: 'x' } });
    expect([res.status, res.body.code]).toEqual([403, 'forbidden']);
  });

  it('keeps the default-language row and the default subject in step', async () => {
    await seedLanguage(db(), 'FIN');
    await seedLanguage(db(), 'NOR');
    await seedContact(db(), { no: 'DL-1', languageCode: 'NOR' });
    await seedContact(db(), { no: 'DL-2' });
    await env().api('POST', '/api/v1/segments', { body: { no: 'DL', description: 'Default language' } });
    await env().api('POST', '/api/v1/segments/DL/lines', { body: { contactNo: 'DL-1' } });
    await env().api('POST', '/api/v1/segments/DL/lines', { body: { contactNo: 'DL-2' } });
    const res = await env().api('PATCH', '/api/v1/segments/DL', { body: { languageCodeDefault: 'fin', subjectDefault: 'Hei' } });
    expect(res.body).toMatchObject({ languageCodeDefault: 'FIN', subjectDefault: 'Hei' });
    expect((await env().api('GET', '/api/v1/segments/DL/languages/FIN')).body).toEqual({
      languageCode: 'FIN',
      description: 'Default language',
      subject: 'Hei',
      attachmentId: null,
    });
    // the first row reaches every line; a later row only the lines whose contact speaks it
    const lines = (await env().api('GET', '/api/v1/segments/DL/lines')).body.items;
    expect(lines.map((l: { languageCode: string; subject: string }) => [l.languageCode, l.subject])).toEqual([
      ['FIN', 'Hei'],
      ['FIN', 'Hei'],
    ]);
    await env().api('POST', '/api/v1/segments/DL/languages', { body: { languageCode: 'NOR', subject: 'Hallo' } });
    const after = (await env().api('GET', '/api/v1/segments/DL/lines')).body.items;
    expect(after.map((l: { languageCode: string; subject: string }) => [l.languageCode, l.subject])).toEqual([
      ['NOR', 'Hallo'],
      ['FIN', 'Hei'],
    ]);
  });
});
