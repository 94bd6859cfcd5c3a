import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect, type TestEnv } from '../support/test-app';

const T = '/api/v1/interaction-templates';

async function seed(env: TestEnv, groups: string[], campaigns: string[] = []) {
  const db = env.app.database.db;
  for (const code of groups)
    await db
      .insertInto('interaction_groups')
      .values({ code, description: `Group ${code}` })
      .onConflict((oc) => oc.doNothing())
      .execute();
  for (const no of campaigns)
    await db
      .insertInto('campaigns')
      .values({ no, description: null, starting_date: null, ending_date: null, salesperson_code: null })
      .onConflict((oc) => oc.doNothing())
      .execute();
}

async function language(env: TestEnv, code: string) {
  await env.api('POST', '/api/v1/languages', { body: { code, name: code } });
}

describeEachDialect('interaction templates', (env) => {
  it('creates a template with the documented defaults, codes upper-cased, and reads it back', async () => {
    await seed(env(), ['SALES']);
    const res = await env().api('POST', T, { body: { code: ' call ', interactionGroupCode: 'sales' } });
    expect(res.status).toBe(201);
    expect(res.headers['location']).toBe(`${T}/CALL`);
    const expected = {
      code: 'CALL',
      interactionGroupCode: 'SALES',
      description: null,
      unitCostLcy: 0,
      unitDurationMin: 0,
      informationFlow: null,
      initiatedBy: null,
      campaignNo: null,
      campaignTarget: false,
      campaignResponse: false,
      correspondenceTypeDefault: 'email',
      ignoreContactCorrespondenceType: false,
      languageCodeDefault: null,
      wizardAction: null,
      attachmentId: null,
    };
    expect(res.body).toEqual(expected);
    expect(Object.keys(res.body)).toEqual(Object.keys(expected));
    expect((await env().api('GET', `${T}/call`)).body).toEqual(expected);
  });

  it('stores every given field, money as exact cents, and a null correspondence type suppresses the default', async () => {
    await seed(env(), ['SALES'], ['CP00001']);
    await language(env(), 'ENU');
    const body = {
      code: 'MEET',
      interactionGroupCode: 'SALES',
      description: 'Meeting',
      unitCostLcy: 12.5,
      unitDurationMin: 45,
      informationFlow: 'outbound',
      initiatedBy: 'us',
      campaignNo: 'cp00001',
      campaignTarget: true,
      campaignResponse: true,
      correspondenceTypeDefault: null,
      ignoreContactCorrespondenceType: true,
      languageCodeDefault: 'enu',
      wizardAction: 'open',
    };
    const res = await env().api('POST', T, { body });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ ...body, campaignNo: 'CP00001', languageCodeDefault: 'ENU', attachmentId: null });
    const row = await env()
      .app.database.db.selectFrom('interaction_templates')
      .select('unit_cost_cents')
      .where('code', '=', 'MEET')
      .executeTakeFirstOrThrow();
    expect(Number(row.unit_cost_cents)).toBe(1250);
  });

  it('refuses invalid money, durations, read-only and unknown fields with field paths', async () => {
    await seed(env(), ['SALES']);
    const bad = async (body: Record<string, unknown>) => {
      const res = await env().api('POST', T, { body: { code: 'BAD', interactionGroupCode: 'SALES', ...body } });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      return res.body.errors.map((e: { path: string }) => e.path);
    };
    expect(await bad({ unitCostLcy: -1 })).toEqual(['unitCostLcy']);
    expect(await bad({ unitCostLcy: 1.234 })).toEqual(['unitCostLcy']);
    expect(await bad({ unitCostLcy: null })).toEqual(['unitCostLcy']);
    expect(await bad({ unitDurationMin: -5 })).toEqual(['unitDurationMin']);
    expect(await bad({ unitDurationMin: 1.5 })).toEqual(['unitDurationMin']);
    expect(await bad({ attachmentId: 7 })).toEqual(['attachmentId']);
    expect(await bad({ wizardAction: 'print' })).toEqual(['wizardAction']);
    expect(await bad({ correspondenceTypeDefault: 'fax' })).toEqual(['correspondenceTypeDefault']);
    expect(await bad({ colour: 'red' })).toEqual(['colour']);
    expect(await bad({ code: 'ABCDEFGHIJK' })).toEqual(['code']);
    expect(await bad({ interactionGroupCode: null })).toEqual(['interactionGroupCode']);
    expect((await env().api('GET', `${T}/BAD`)).status).toBe(404);
  });

  it('checks the group, campaign and language exist, then the duplicate code', async () => {
    await seed(env(), ['SALES']);
    const post = (body: Record<string, unknown>) => env().api('POST', T, { body: { code: 'REF', interactionGroupCode: 'SALES', ...body } });
    const noGroup = await post({ interactionGroupCode: 'NOPE', campaignNo: 'NOPE' });
    expect([noGroup.status, noGroup.body.code]).toEqual([404, 'interaction_group_not_found']);
    const noCampaign = await post({ campaignNo: 'NOPE', languageCodeDefault: 'XX' });
    expect([noCampaign.status, noCampaign.body.code]).toEqual([404, 'campaign_not_found']);
    const noLanguage = await post({ languageCodeDefault: 'XX' });
    expect([noLanguage.status, noLanguage.body.code]).toEqual([404, 'language_not_found']);
    expect((await post({})).status).toBe(201);
    const again = await post({ description: 'other' });
    expect([again.status, again.body.code]).toEqual([409, 'duplicate_code']);
    expect((await env().api('GET', `${T}/REF`)).body.description).toBeNull();
  });

  it('answers duplicate_code, never an internal error, to concurrent creates of one code', async () => {
    await seed(env(), ['RACEGRP']);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => env().api('POST', T, { body: { code: 'RACE', interactionGroupCode: 'RACEGRP' } })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.code)).toEqual(Array(5).fill('duplicate_code'));
  });

  it('creates the default language row with the template description and resets a stored merge (R57)', async () => {
    await seed(env(), ['SALES']);
    await language(env(), 'DEU');
    await language(env(), 'FRA');
    const created = await env().api('POST', T, {
      body: { code: 'LETTER', interactionGroupCode: 'SALES', description: 'Letter', wizardAction: 'merge' },
    });
    expect(created.body.wizardAction).toBe('merge');
    const patched = await env().api('PATCH', `${T}/LETTER`, { body: { languageCodeDefault: 'deu' } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ languageCodeDefault: 'DEU', wizardAction: null });
    const rows = await env().api('GET', `${T}/LETTER/languages`);
    expect(rows.body.items).toEqual([{ languageCode: 'DEU', description: 'Letter', attachmentId: null }]);

    // an existing row is kept as it is
    await env().api('POST', `${T}/LETTER/languages`, { body: { languageCode: 'FRA', description: 'Lettre' } });
    await env().api('PATCH', `${T}/LETTER`, { body: { languageCodeDefault: 'FRA', description: 'Letter (new)' } });
    expect((await env().api('GET', `${T}/LETTER/languages/FRA`)).body.description).toBe('Lettre');
  });

  it('refuses wizard action merge while the default language has a row (R58), changing nothing', async () => {
    await seed(env(), ['SALES']);
    await language(env(), 'ENU');
    await env().api('POST', T, { body: { code: 'MAIL', interactionGroupCode: 'SALES', languageCodeDefault: 'ENU', wizardAction: 'open' } });
    const res = await env().api('PATCH', `${T}/MAIL`, { body: { wizardAction: 'merge', description: 'changed' } });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('wizard_action_not_allowed');
    expect(res.body.detail).toContain('MAIL');
    expect((await env().api('GET', `${T}/MAIL`)).body).toMatchObject({ wizardAction: 'open', description: null });

    const both = await env().api('POST', T, {
      body: { code: 'MAIL2', interactionGroupCode: 'SALES', languageCodeDefault: 'ENU', wizardAction: 'merge' },
    });
    expect([both.status, both.body.code]).toEqual([422, 'wizard_action_not_allowed']);
    expect((await env().api('GET', `${T}/MAIL2`)).status).toBe(404);
    const rows = await env().app.database.db.selectFrom('template_languages').selectAll().where('template_code', '=', 'MAIL2').execute();
    expect(rows).toEqual([]);

    // without a default language, merge is accepted
    const plain = await env().api('PATCH', `${T}/MAIL`, { body: { languageCodeDefault: null, wizardAction: 'merge' } });
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({ languageCodeDefault: null, wizardAction: 'merge' });
  });

  it('patches only the fields given and refuses the key, read-only fields and missing references', async () => {
    await seed(env(), ['SALES', 'SERVICE']);
    await env().api('POST', T, { body: { code: 'VISIT', interactionGroupCode: 'SALES', description: 'Visit', unitCostLcy: 10 } });
    const ok = await env().api('PATCH', `${T}/visit`, { body: { interactionGroupCode: 'service', unitCostLcy: 0.1, description: null } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      interactionGroupCode: 'SERVICE',
      unitCostLcy: 0.1,
      description: null,
      correspondenceTypeDefault: 'email',
    });
    expect((await env().api('PATCH', `${T}/VISIT`, { body: {} })).body).toEqual(ok.body);

    const key = await env().api('PATCH', `${T}/VISIT`, { body: { code: 'OTHER', attachmentId: 1 } });
    expect(key.status).toBe(400);
    expect(key.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['attachmentId', 'code']);
    const group = await env().api('PATCH', `${T}/VISIT`, { body: { interactionGroupCode: 'NOPE' } });
    expect([group.status, group.body.code]).toEqual([404, 'interaction_group_not_found']);
    const campaign = await env().api('PATCH', `${T}/VISIT`, { body: { campaignNo: 'NOPE' } });
    expect([campaign.status, campaign.body.code]).toEqual([404, 'campaign_not_found']);
    const missing = await env().api('PATCH', `${T}/NOPE`, { body: { description: 'x' } });
    expect([missing.status, missing.body.code]).toEqual([404, 'template_not_found']);
    expect((await env().api('GET', `${T}/VISIT`)).body.interactionGroupCode).toBe('SERVICE');
  });

  it('lists by code, filters by group and pages with a cursor bound to the filter', async () => {
    await seed(env(), ['LG1', 'LG2']);
    for (const [code, group] of [
      ['LA', 'LG1'],
      ['LB', 'LG2'],
      ['LC', 'LG1'],
      ['LD', 'LG1'],
    ] as const)
      await env().api('POST', T, { body: { code, interactionGroupCode: group } });
    const first = await env().api('GET', `${T}?interactionGroupCode=lg1&limit=2`);
    expect(first.body.items.map((t: { code: string }) => t.code)).toEqual(['LA', 'LC']);
    const next = await env().api('GET', `${T}?interactionGroupCode=LG1&limit=2&cursor=${first.body.nextCursor}`);
    expect(next.body).toMatchObject({ items: [{ code: 'LD' }], nextCursor: null });
    const other = await env().api('GET', `${T}?interactionGroupCode=LG2&cursor=${first.body.nextCursor}`);
    expect(other.status).toBe(400);
    expect(other.body.errors[0].path).toBe('query.cursor');
    const all = await env().api('GET', `${T}?limit=500`);
    const codes = all.body.items.map((t: { code: string }) => t.code);
    expect(codes).toEqual([...codes].sort());
    expect((await env().api('GET', `${T}?colour=red`)).status).toBe(400);
  });

  it('refuses to delete a template used by a postponed entry, a segment, a segment line or a setup slot (decision b)', async () => {
    await seed(env(), ['SALES']);
    for (const code of ['U1', 'U2', 'U3', 'U4']) await env().api('POST', T, { body: { code, interactionGroupCode: 'SALES' } });
    const db = env().app.database.db;
    await sql`insert into interaction_log_entries (user_id, created_at, origin, interaction_template_code, postponed) values ('admin', '2026-11-28T10:00:00.000Z', 'interaction', 'U1', 1)`.execute(
      db,
    );
    await sql`insert into segments (no, interaction_template_code) values ('SM90001', 'U2')`.execute(db);
    await sql`insert into segments (no) values ('SM90002')`.execute(db);
    await sql`insert into segment_lines (segment_no, line_no, contact_no, interaction_template_code) values ('SM90002', 10000, 'CT1', 'U3')`.execute(
      db,
    );
    expect((await env().api('PATCH', '/api/v1/interaction-template-setup', { body: { salesInvoices: 'U4' } })).status).toBe(200);
    for (const code of ['U1', 'U2', 'U3', 'U4']) {
      const res = await env().api('DELETE', `${T}/${code}`);
      expect([res.status, res.body.code]).toEqual([409, 'template_in_use']);
      expect((await env().api('GET', `${T}/${code}`)).status).toBe(200);
    }
    await env().api('PATCH', '/api/v1/interaction-template-setup', { body: { salesInvoices: null } });
    expect((await env().api('DELETE', `${T}/U4`)).status).toBe(204);
    const gone = await env().api('GET', `${T}/U4`);
    expect([gone.status, gone.body.code]).toEqual([404, 'template_not_found']);
    expect((await env().api('DELETE', `${T}/U4`)).status).toBe(404);
  });

  it('deletes an unused template with its language rows and their attachments that are not read-only', async () => {
    await seed(env(), ['SALES']);
    await language(env(), 'ENU');
    await language(env(), 'DEU');
    await env().api('POST', T, { body: { code: 'GONE', interactionGroupCode: 'SALES', languageCodeDefault: 'ENU' } });
    await env().api('POST', `${T}/GONE/languages`, { body: { languageCode: 'DEU' } });
    const put = (lang: string) =>
      env().api('PUT', `${T}/GONE/languages/${lang}/attachment?fileName=${lang}.txt`, {
        payload: Buffer.from(lang),
        headers: { 'content-type': 'text/plain' },
      });
    const enu = (await put('ENU')).body.attachmentId as number;
    const deu = (await put('DEU')).body.attachmentId as number;
    // as when an interaction uses it: the file stays for that interaction
    await env().app.database.db.updateTable('attachments').set({ read_only: 1 }).where('id', '=', deu).execute();
    expect((await env().api('DELETE', `${T}/GONE`)).status).toBe(204);
    expect((await env().api('GET', `${T}/GONE/languages`)).body.code).toBe('template_not_found');
    const rows = await env().app.database.db.selectFrom('template_languages').selectAll().where('template_code', '=', 'GONE').execute();
    expect(rows).toEqual([]);
    expect((await env().api('GET', `/api/v1/attachments/${enu}`)).status).toBe(404);
    expect((await env().api('GET', `/api/v1/attachments/${deu}`)).body).toMatchObject({ id: deu, readOnly: true });
  });

  it('lets viewers read templates and only admins change them', async () => {
    await seed(env(), ['SALES']);
    const viewer = await env().tokenFor('viewer');
    const user = await env().tokenFor('user');
    expect((await env().api('GET', T, { token: viewer })).status).toBe(200);
    const post = await env().api('POST', T, { token: user, body: { code: 'X1', interactionGroupCode: 'SALES' } });
    expect([post.status, post.body.code]).toEqual([403, 'forbidden']);
    expect((await env().api('DELETE', `${T}/CALL`, { token: user })).status).toBe(403);
    expect((await env().api('GET', T, { token: null })).status).toBe(401);
  });
});
