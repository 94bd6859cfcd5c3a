import { expect, it } from 'vitest';
import type { NewLogEntry } from '../../src/domain/interaction-log/interaction-log';
import { seeder, unique } from '../support/seed';
import { seedEntries } from '../support/seed-entries';
import { describeEachDialect, type TestEnv } from '../support/test-app';

function helpers(env: () => TestEnv) {
  const db = () => env().app.database.db;
  const seed = () => seeder(db());
  /** Entries of one template (and its group) unless an entry says otherwise. */
  const entries = async (base: Partial<NewLogEntry>, rows: Partial<NewLogEntry>[]) =>
    seedEntries(
      db(),
      rows.map((r) => ({ ...base, ...r })),
    );
  const get = (url: string, token?: string) => env().api('GET', url, token === undefined ? {} : { token });
  return { db, seed, entries, get };
}

describeEachDialect('statistics', (env) => {
  const { db, seed, entries, get } = helpers(env);

  it("counts a person's active entries: canceled and postponed ones are left out", async () => {
    const company = await seed().contact({ type: 'company' });
    const person = await seed().contact({ type: 'person', companyNo: company });
    const other = await seed().contact({ type: 'person', companyNo: company });
    await entries({ contactNo: person, contactCompanyNo: company }, [
      { costCents: 1250, durationMin: 15 },
      { costCents: 250, durationMin: 5 },
      { costCents: 9900, durationMin: 99, canceled: true },
      { costCents: 8800, durationMin: 88, postponed: true, date: null, description: null },
      { contactNo: other, costCents: 700, durationMin: 7 },
    ]);
    const res = await get(`/api/v1/contacts/${person.toLowerCase()}/statistics`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      noOfInteractions: 2,
      costLcy: 15,
      durationMin: 20,
      dateOfLastInteraction: '2026-11-28',
      lastDateAttempted: '2026-11-28',
    });
  });

  it("includes a company's persons' entries in the company's figures (R28)", async () => {
    // a company's statistics include its persons': the triggers and the service agree (docs/decisions/0012-rule-homes.md)
    const company = await seed().contact({ type: 'company' });
    const anna = await seed().contact({ type: 'person', companyNo: company });
    const ben = await seed().contact({ type: 'person', companyNo: company });
    const elsewhere = await seed().contact({ type: 'company' });
    await entries({}, [
      { contactNo: company, contactCompanyNo: company, costCents: 100, durationMin: 1 },
      { contactNo: anna, contactCompanyNo: company, costCents: 200, durationMin: 2 },
      { contactNo: ben, contactCompanyNo: company, costCents: 300, durationMin: 3 },
      { contactNo: ben, contactCompanyNo: company, costCents: 5000, durationMin: 50, canceled: true },
      { contactNo: elsewhere, contactCompanyNo: elsewhere, costCents: 4000, durationMin: 40 },
    ]);
    const res = await get(`/api/v1/contacts/${company}/statistics`);
    expect(res.body).toMatchObject({ noOfInteractions: 3, costLcy: 6, durationMin: 6 });
    expect((await get(`/api/v1/contacts/${anna}/statistics`)).body).toMatchObject({ noOfInteractions: 1, costLcy: 2, durationMin: 2 });
  });

  it('applies an inclusive date range to counts and sums but not to the last dates', async () => {
    const contact = await seed().contact();
    await entries({ contactNo: contact, contactCompanyNo: contact, initiatedBy: 'us' }, [
      { date: '2026-10-31', costCents: 1 },
      { date: '2026-11-01', costCents: 10 },
      { date: '2026-11-15', costCents: 100 },
      { date: '2026-11-30', costCents: 1000 },
      { date: '2026-12-01', costCents: 10000 },
    ]);
    const url = `/api/v1/contacts/${contact}/statistics`;
    expect((await get(`${url}?dateFrom=2026-11-01&dateTo=2026-11-30`)).body).toEqual({
      noOfInteractions: 3,
      costLcy: 11.1,
      durationMin: 0,
      dateOfLastInteraction: '2026-12-01',
      lastDateAttempted: '2026-12-01',
    });
    expect((await get(`${url}?dateFrom=2026-11-30`)).body).toMatchObject({ noOfInteractions: 2, costLcy: 110 });
    expect((await get(`${url}?dateTo=2026-11-01`)).body).toMatchObject({ noOfInteractions: 2, costLcy: 0.11 });
    expect((await get(`${url}?dateFrom=2026-11-15&dateTo=2026-11-15`)).body).toMatchObject({ noOfInteractions: 1, costLcy: 1 });
    expect((await get(`${url}?dateFrom=2027-01-01`)).body).toMatchObject({
      noOfInteractions: 0,
      costLcy: 0,
      dateOfLastInteraction: '2026-12-01',
    });
  });

  it('takes the last interaction from entries without a failed attempt, canceled ones included (R29)', async () => {
    const contact = await seed().contact();
    const base = { contactNo: contact, contactCompanyNo: contact, initiatedBy: 'them' as const };
    await entries(base, [
      { date: '2026-11-10' },
      { date: '2026-11-20', canceled: true },
      { date: '2026-11-25', attemptFailed: true },
      { date: '2026-11-27', postponed: true },
    ]);
    expect((await get(`/api/v1/contacts/${contact}/statistics`)).body).toEqual({
      noOfInteractions: 2,
      costLcy: 0,
      durationMin: 0,
      dateOfLastInteraction: '2026-11-20',
      lastDateAttempted: null,
    });
  });

  it('takes the last attempt from entries initiated by us, canceled and failed ones included (R29)', async () => {
    const company = await seed().contact({ type: 'company' });
    const person = await seed().contact({ type: 'person', companyNo: company });
    await entries({ contactNo: person, contactCompanyNo: company }, [
      { date: '2026-11-01', initiatedBy: 'us' },
      { date: '2026-11-12', initiatedBy: 'us', canceled: true, attemptFailed: true },
      { date: '2026-11-14', initiatedBy: 'them' },
      { date: '2026-11-20', initiatedBy: 'us', postponed: true },
      { date: '2026-11-22', initiatedBy: null, attemptFailed: true },
    ]);
    for (const no of [person, company])
      expect((await get(`/api/v1/contacts/${no}/statistics`)).body).toMatchObject({
        dateOfLastInteraction: '2026-11-14',
        lastDateAttempted: '2026-11-12',
      });
  });

  it('answers zeros and null dates for a contact without entries', async () => {
    const contact = await seed().contact();
    expect((await get(`/api/v1/contacts/${contact}/statistics`)).body).toEqual({
      noOfInteractions: 0,
      costLcy: 0,
      durationMin: 0,
      dateOfLastInteraction: null,
      lastDateAttempted: null,
    });
  });

  it("sums a template's active entries in the date range (R30)", async () => {
    const template = await seed().template();
    const other = await seed().template();
    await entries({ interactionTemplateCode: template, interactionGroupCode: 'G' }, [
      { costCents: 1999, durationMin: 30, date: '2026-11-01' },
      { costCents: 1, durationMin: 1, date: '2026-11-02' },
      { costCents: 500, durationMin: 5, canceled: true },
      { costCents: 600, durationMin: 6, postponed: true },
      { costCents: 700, durationMin: 7, interactionTemplateCode: other },
    ]);
    const url = `/api/v1/interaction-templates/${template.toLowerCase()}/statistics`;
    expect((await get(url)).body).toEqual({ noOfInteractions: 2, costLcy: 20, durationMin: 31 });
    expect((await get(`${url}?dateTo=2026-11-01`)).body).toEqual({ noOfInteractions: 1, costLcy: 19.99, durationMin: 30 });
  });

  it('counts a group by the group stored on each entry, not by the templates it has now (R30)', async () => {
    const group = await seed().group();
    const template = await seed().template({ group });
    const movedAway = await seed().template();
    await entries({ interactionTemplateCode: template, interactionGroupCode: group }, [
      { costCents: 100, durationMin: 10 },
      { costCents: 200, durationMin: 20, interactionTemplateCode: movedAway },
      { costCents: 300, durationMin: 30, interactionGroupCode: 'OTHER' },
      { costCents: 400, durationMin: 40, canceled: true },
    ]);
    expect((await get(`/api/v1/interaction-groups/${group}/statistics`)).body).toEqual({
      noOfInteractions: 2,
      costLcy: 3,
      durationMin: 30,
    });
  });

  it("averages a salesperson's cost and duration per interaction, rounding half away from zero (R30)", async () => {
    const sp = await seed().salesperson();
    await entries({ salespersonCode: sp }, [
      { costCents: 1, durationMin: 1 },
      { costCents: 0, durationMin: 0 },
      { costCents: 9999, durationMin: 99, canceled: true },
    ]);
    const res = await get(`/api/v1/salespeople/${sp}/statistics`);
    expect(res.body).toEqual({
      noOfInteractions: 2,
      costLcy: 0.01,
      avgCostPerInteraction: 0.01,
      durationMin: 1,
      avgDurationPerInteraction: 0.5,
    });
    expect(Object.keys(res.body)).toEqual([
      'noOfInteractions',
      'costLcy',
      'avgCostPerInteraction',
      'durationMin',
      'avgDurationPerInteraction',
    ]);

    const thirds = await seed().salesperson();
    await entries({ salespersonCode: thirds }, [
      { costCents: 1000, durationMin: 1 },
      { costCents: 1000, durationMin: 2 },
      { costCents: 0, durationMin: 2 },
    ]);
    // 20.00 / 3 = 6.666…, 5 / 3 = 1.666…
    expect((await get(`/api/v1/salespeople/${thirds}/statistics`)).body).toMatchObject({
      avgCostPerInteraction: 6.67,
      avgDurationPerInteraction: 1.67,
    });
  });

  it('answers 0 averages for a salesperson without interactions', async () => {
    const sp = await seed().salesperson();
    await entries({ salespersonCode: sp }, [{ costCents: 500, durationMin: 5, canceled: true }]);
    expect((await get(`/api/v1/salespeople/${sp}/statistics`)).body).toEqual({
      noOfInteractions: 0,
      costLcy: 0,
      avgCostPerInteraction: 0,
      durationMin: 0,
      avgDurationPerInteraction: 0,
    });
  });

  it('computes targets, responses, the response rate and the averages per response of a campaign (R31)', async () => {
    const campaign = await seed().campaign();
    const target = { campaignNo: campaign, campaignTarget: true };
    await entries({}, [
      ...Array.from({ length: 15 }, () => ({ ...target, costCents: 100, durationMin: 1 })),
      { ...target, campaignResponse: true, costCents: 105, durationMin: 4 },
      { campaignNo: campaign, campaignResponse: true, costCents: 0, durationMin: 0 },
      { ...target, campaignResponse: true, canceled: true, costCents: 7777 },
      { ...target, campaignResponse: true, postponed: true, costCents: 8888 },
    ]);
    const res = await get(`/api/v1/campaigns/${campaign.toLowerCase()}/statistics`);
    // 2 responses / 16 targets = 12.5 %; 16.05 / 2 = 8.025 → 8.03; 19 / 2 = 9.5
    expect(res.body).toEqual({
      targetContactsContacted: 16,
      contactsResponded: 2,
      responseRatePct: 12.5,
      costLcy: 16.05,
      avgCostPerResponse: 8.03,
      durationMin: 19,
      avgDurationPerResponse: 9.5,
    });
    expect(Object.keys(res.body)).toEqual([
      'targetContactsContacted',
      'contactsResponded',
      'responseRatePct',
      'costLcy',
      'avgCostPerResponse',
      'durationMin',
      'avgDurationPerResponse',
    ]);
  });

  it('rounds the response rate half away from zero to 0.1 and counts entries, not contacts', async () => {
    const campaign = await seed().campaign();
    const contact = await seed().contact();
    await entries({ campaignNo: campaign, campaignTarget: true, contactNo: contact, contactCompanyNo: contact }, [
      ...Array.from({ length: 15 }, () => ({})),
      { campaignResponse: true },
    ]);
    // 1 / 16 = 6.25 % → 6.3 %
    expect((await get(`/api/v1/campaigns/${campaign}/statistics`)).body).toMatchObject({
      targetContactsContacted: 16,
      contactsResponded: 1,
      responseRatePct: 6.3,
    });

    const thirds = await seed().campaign();
    await entries({ campaignNo: thirds, campaignTarget: true }, [{ campaignResponse: true }, { campaignResponse: true }, {}]);
    expect((await get(`/api/v1/campaigns/${thirds}/statistics`)).body).toMatchObject({ responseRatePct: 66.7 });
  });

  it('answers 0 for the rate and the averages when nothing was targeted or answered', async () => {
    const campaign = await seed().campaign();
    await entries({ campaignNo: campaign }, [{ costCents: 250, durationMin: 3 }]);
    expect((await get(`/api/v1/campaigns/${campaign}/statistics`)).body).toEqual({
      targetContactsContacted: 0,
      contactsResponded: 0,
      responseRatePct: 0,
      costLcy: 2.5,
      avgCostPerResponse: 0,
      durationMin: 3,
      avgDurationPerResponse: 0,
    });
  });

  it('applies the date range to salesperson and campaign figures', async () => {
    const sp = await seed().salesperson();
    const campaign = await seed().campaign();
    await entries({ salespersonCode: sp, campaignNo: campaign, campaignTarget: true, campaignResponse: true }, [
      { date: '2026-01-01', costCents: 100, durationMin: 1 },
      { date: '2026-06-30', costCents: 300, durationMin: 3 },
      { date: '2026-12-31', costCents: 500, durationMin: 5 },
    ]);
    const range = '?dateFrom=2026-06-01&dateTo=2026-12-31';
    expect((await get(`/api/v1/salespeople/${sp}/statistics${range}`)).body).toMatchObject({
      noOfInteractions: 2,
      costLcy: 8,
      avgCostPerInteraction: 4,
    });
    expect((await get(`/api/v1/campaigns/${campaign}/statistics${range}`)).body).toMatchObject({
      targetContactsContacted: 2,
      contactsResponded: 2,
      costLcy: 8,
      avgDurationPerResponse: 4,
    });
  });

  it('answers the code of the missing record with 404', async () => {
    const cases: [string, string][] = [
      ['/api/v1/contacts/NOPE/statistics', 'contact_not_found'],
      ['/api/v1/interaction-templates/NOPE/statistics', 'template_not_found'],
      ['/api/v1/interaction-groups/NOPE/statistics', 'interaction_group_not_found'],
      ['/api/v1/salespeople/NOPE/statistics', 'salesperson_not_found'],
      ['/api/v1/campaigns/NOPE/statistics', 'campaign_not_found'],
    ];
    // entries that still carry the code do not make the record exist
    await entries(
      {
        contactNo: 'NOPE',
        contactCompanyNo: 'NOPE',
        interactionTemplateCode: 'NOPE',
        interactionGroupCode: 'NOPE',
        salespersonCode: 'NOPE',
        campaignNo: 'NOPE',
      },
      [{ costCents: 100 }],
    );
    for (const [url, code] of cases) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(res.body.code, url).toBe(code);
      expect(res.body.detail, url).toContain('NOPE');
    }
  });

  it('refuses a range whose start is after its end, a malformed date and unknown parameters', async () => {
    const contact = await seed().contact();
    const reversed = await get(`/api/v1/contacts/${contact}/statistics?dateFrom=2026-12-01&dateTo=2026-11-01`);
    expect(reversed.status).toBe(400);
    expect(reversed.body.code).toBe('validation_failed');
    expect(reversed.body.errors).toEqual([{ path: 'query.dateFrom', message: 'must not be greater than dateTo' }]);
    const template = await seed().template();
    const bad = await get(`/api/v1/interaction-templates/${template}/statistics?dateTo=2026-02-30`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('query.dateTo');
    const unknown = await get(`/api/v1/campaigns/${await seed().campaign()}/statistics?from=2026-01-01`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: 'query.from', message: 'unknown field' }]);
    const tooLong = await get('/api/v1/interaction-groups/ABCDEFGHIJK/statistics');
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].path).toBe('params.code');
  });

  it('lets a viewer read statistics and refuses anonymous callers', async () => {
    const viewer = await env().tokenFor('viewer');
    const sp = await seed().salesperson();
    expect((await get(`/api/v1/salespeople/${sp}/statistics`, viewer)).status).toBe(200);
    const anonymous = await env().api('GET', `/api/v1/salespeople/${sp}/statistics`, { token: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('unauthenticated');
  });

  it('describes every statistics request in the OpenAPI document', async () => {
    const doc = await env().api('GET', '/openapi.json', { token: null });
    for (const path of [
      '/api/v1/contacts/{no}/statistics',
      '/api/v1/interaction-templates/{code}/statistics',
      '/api/v1/interaction-groups/{code}/statistics',
      '/api/v1/salespeople/{code}/statistics',
      '/api/v1/campaigns/{no}/statistics',
    ])
      expect(doc.body.paths[path]?.get, path).toBeDefined();
  });

  it('follows later changes to the entries: cancel, cost patch, re-pointing and deletion', async () => {
    const company = await seed().contact({ type: 'company' });
    const person = await seed().contact({ type: 'person', companyNo: company });
    const [a, b] = await entries({ contactNo: person, contactCompanyNo: company }, [{ costCents: 100 }, { costCents: 200 }]);
    const stats = async (no: string) => (await get(`/api/v1/contacts/${no}/statistics`)).body;
    expect(await stats(person)).toMatchObject({ noOfInteractions: 2, costLcy: 3 });
    await db().updateTable('interaction_log_entries').set({ canceled: 1 }).where('entry_no', '=', a!).execute();
    await db().updateTable('interaction_log_entries').set({ cost_cents: 250 }).where('entry_no', '=', b!).execute();
    expect(await stats(person)).toMatchObject({ noOfInteractions: 1, costLcy: 2.5 });
    // as BC when a person is deleted: its entries move to its company
    await db().updateTable('interaction_log_entries').set({ contact_no: company }).where('contact_no', '=', person).execute();
    expect(await stats(person)).toMatchObject({ noOfInteractions: 0, costLcy: 0, dateOfLastInteraction: null });
    expect(await stats(company)).toMatchObject({ noOfInteractions: 1, costLcy: 2.5, dateOfLastInteraction: '2026-11-28' });
    await db().deleteFrom('interaction_log_entries').where('entry_no', 'in', [a!, b!]).execute();
    expect(await stats(company)).toMatchObject({ noOfInteractions: 0, costLcy: 0, dateOfLastInteraction: null });
  });

  it('sums 1,000,000 entries of 0.10 to exactly 100000.00', { timeout: 600_000 }, async () => {
    const template = unique('MONEY');
    const sp = await seed().salesperson();
    await seed().template({ code: template });
    const row = {
      date: '2026-11-28',
      search: '',
      interaction_template_code: template,
      interaction_group_code: 'MONEY',
      salesperson_code: sp,
      cost_cents: 10,
      duration_min: 1,
      user_id: 'admin',
      created_at: '2026-11-28T10:15:01.000Z',
      origin: 'interaction',
      campaign_target: 0,
      campaign_response: 0,
      attempt_failed: 0,
      canceled: 0,
      postponed: 0,
      version_no: 0,
      doc_no_occurrence: 0,
      has_comments: 0,
      email_logged: 0,
    };
    await db()
      .transaction()
      .execute(async (trx) => {
        const statement = trx
          .insertInto('interaction_log_entries')
          .values(Array.from({ length: 1000 }, () => row))
          .compile();
        for (let done = 0; done < 1_000_000; done += 1000) await trx.executeQuery(statement);
      });
    const res = await get(`/api/v1/interaction-templates/${template}/statistics`);
    expect(res.body).toEqual({ noOfInteractions: 1_000_000, costLcy: 100000, durationMin: 1_000_000 });
    expect((await get(`/api/v1/salespeople/${sp}/statistics`)).body).toMatchObject({
      costLcy: 100000,
      avgCostPerInteraction: 0.1,
      avgDurationPerInteraction: 1,
    });
    const total = await db()
      .selectFrom('interaction_log_entries')
      .select((eb) => eb.fn.sum<number>('cost_cents').as('cents'))
      .where('interaction_template_code', '=', template)
      .executeTakeFirstOrThrow();
    expect(Number(total.cents)).toBe(10_000_000);
  });
});
