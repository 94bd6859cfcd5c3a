import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/test-app';
import { seedCampaign, seedContact, seedEntry, seedLanguage, seedManyContacts, seedSalesperson } from '../support/seed-segments';

describeEachDialect('segment criteria', (env) => {
  const db = () => env().app.database.db;
  const api = (...a: Parameters<ReturnType<typeof env>['api']>) => env().api(...a);
  let seq = 0;

  /** A fresh segment; answers its number. */
  const segment = async (body: Record<string, unknown> = {}) => {
    const no = `CR${++seq}`;
    expect((await api('POST', '/api/v1/segments', { body: { no, description: 'criteria', ...body } })).status).toBe(201);
    return no;
  };
  const contactsOf = async (no: string) =>
    (await api('GET', `/api/v1/segments/${no}/lines?limit=500`)).body.items.map((l: { contactNo: string }) => l.contactNo);
  /** The contacts an add-contacts with this body puts on a fresh segment. */
  const added = async (body: Record<string, unknown>) => {
    const no = await segment();
    const res = await api('POST', `/api/v1/segments/${no}/add-contacts`, { body });
    expect(res.status).toBe(200);
    return contactsOf(no);
  };

  beforeAll(async () => {
    const d = env().app.database.db;
    await seedLanguage(d, 'ENU');
    await seedLanguage(d, 'DEU');
    await seedSalesperson(d, 'SP-A');
    await seedSalesperson(d, 'SP-B');
    await seedCampaign(d, 'CPX');
    await seedContact(d, {
      no: 'CW-C1',
      name: 'CW Alpha Co',
      salespersonCode: 'SP-A',
      languageCode: 'ENU',
      countryCode: 'DE',
      territoryCode: 'NORTH',
      postCode: '10115',
      industryGroupCodes: ['IG1'],
      businessRelationCodes: ['BR1'],
      mailingGroupCodes: ['MG1'],
    });
    await seedContact(d, { no: 'CW-C2', name: 'CW Beta Co', countryCode: 'SE', postCode: '20000', excludeFromSegment: true });
    await seedContact(d, { no: 'CW-C3', name: 'CW Gamma Co', privacyBlocked: true });
    await seedContact(d, {
      no: 'CW-P1',
      type: 'person',
      name: 'CW Anna',
      companyNo: 'CW-C1',
      email: 'anna@cw.example',
      countryCode: 'DE',
      postCode: '10200',
      industryGroupCodes: ['IG2'],
    });
    await seedContact(d, { no: 'CW-P2', type: 'person', name: 'CW Bert', companyNo: 'CW-C1', mailingGroupCodes: ['MG1'] });
    await seedContact(d, { no: 'CW-P3', type: 'person', name: 'CW Cleo', companyNo: 'CW-C3' });
    await seedContact(d, { no: 'CW-P4', type: 'person', name: 'CW Dora', languageCode: 'DEU', postCode: '99999' });
    await seedEntry(d, {
      contactNo: 'CW-P1',
      contactCompanyNo: 'CW-C1',
      interactionTemplateCode: 'T1',
      interactionGroupCode: 'G1',
      date: '2026-05-01',
      evaluation: 'positive',
      campaignNo: 'CPX',
      salespersonCode: 'SP-A',
    });
    await seedEntry(d, {
      contactNo: 'CW-P4',
      contactCompanyNo: null,
      interactionTemplateCode: 'T2',
      interactionGroupCode: 'G2',
      date: '2026-07-01',
      canceled: true,
      salespersonCode: 'SP-B',
    });
    await seedEntry(d, {
      contactNo: 'CW-C2',
      interactionTemplateCode: 'T1',
      interactionGroupCode: 'G1',
      date: '2026-05-01',
      postponed: true,
    });
  });

  it('adds every contact that is neither excluded nor privacy-blocked, in contact order, and records the action', async () => {
    const no = await segment();
    const res = await api('POST', `/api/v1/segments/${no}/add-contacts`, { body: {} });
    expect(res.body).toEqual({ added: 4, noOfLines: 4 });
    const lines = (await api('GET', `/api/v1/segments/${no}/lines`)).body.items;
    expect(lines.map((l: { lineNo: number; contactNo: string }) => [l.lineNo, l.contactNo])).toEqual([
      [10000, 'CW-C1'],
      [20000, 'CW-P1'],
      [30000, 'CW-P2'],
      [40000, 'CW-P4'],
    ]);
    const criteria = await api('GET', `/api/v1/segments/${no}/criteria`);
    expect(criteria.body.items).toEqual([
      {
        actionNo: 1,
        kind: 'add',
        contactFilter: {
          type: null,
          companyNo: null,
          salespersonCode: null,
          languageCode: null,
          countryCode: null,
          territoryCode: null,
          postCodeFrom: null,
          postCodeTo: null,
          industryGroupCodes: [],
          businessRelationCodes: [],
          mailingGroupCodes: [],
          q: null,
        },
        interactionFilter: {
          interactionTemplateCode: null,
          interactionGroupCode: null,
          dateFrom: null,
          dateTo: null,
          evaluation: null,
          campaignNo: null,
          salespersonCode: null,
          canceled: null,
        },
        options: { allowExistingContacts: false, expandCompanies: false, allowRelatedCompanies: false, ignoreExclusion: false },
        affected: 4,
        createdAt: '2026-11-28T10:15:01.000Z',
      },
    ]);
    expect(criteria.body.nextCursor).toBeNull();
  });

  it('filters by every contact criterion', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ type: 'person' }, ['CW-P1', 'CW-P2', 'CW-P4']],
      [{ companyNo: 'cw-c1' }, ['CW-C1', 'CW-P1', 'CW-P2']],
      [{ salespersonCode: 'SP-A' }, ['CW-C1']],
      [{ languageCode: 'DEU' }, ['CW-P4']],
      [{ countryCode: 'DE' }, ['CW-C1', 'CW-P1']],
      [{ territoryCode: 'NORTH' }, ['CW-C1']],
      [{ postCodeFrom: '10000', postCodeTo: '10199' }, ['CW-C1']],
      [{ postCodeFrom: '10116' }, ['CW-P1', 'CW-P4']],
      [{ industryGroupCodes: ['IG1', 'IG2'] }, ['CW-C1', 'CW-P1']],
      [{ businessRelationCodes: ['BR1'] }, ['CW-C1']],
      [{ mailingGroupCodes: ['mg1'] }, ['CW-C1', 'CW-P2']],
      [{ industryGroupCodes: [], type: 'company' }, ['CW-C1']],
      [{ q: 'ANNA@CW' }, ['CW-P1']],
      [{ q: 'dora' }, ['CW-P4']],
      [{ type: 'person', countryCode: 'DE' }, ['CW-P1']],
    ];
    for (const [contactFilter, expected] of cases)
      expect([contactFilter, await added({ contactFilter })]).toEqual([contactFilter, expected]);
  });

  it('filters by interactions: at least one non-postponed entry of the contact meeting every criterion', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ interactionTemplateCode: 'T1' }, ['CW-P1']],
      [{ interactionGroupCode: 'G2' }, ['CW-P4']],
      [{ dateFrom: '2026-06-01' }, ['CW-P4']],
      [{ dateTo: '2026-06-01' }, ['CW-P1']],
      [{ evaluation: 'positive' }, ['CW-P1']],
      [{ campaignNo: 'CPX' }, ['CW-P1']],
      [{ salespersonCode: 'SP-B' }, ['CW-P4']],
      [{ canceled: true }, ['CW-P4']],
      [{ canceled: false }, ['CW-P1']],
      [{ dateFrom: '2026-01-01', canceled: null }, ['CW-P1', 'CW-P4']],
      [{ interactionTemplateCode: 'T1', evaluation: 'negative' }, []],
      [{ interactionTemplateCode: null }, ['CW-C1', 'CW-P1', 'CW-P2', 'CW-P4']],
    ];
    for (const [interactionFilter, expected] of cases)
      expect([interactionFilter, await added({ interactionFilter })]).toEqual([interactionFilter, expected]);
    // a postponed entry does not count, even for a contact let in by ignoreExclusion
    expect(await added({ interactionFilter: { interactionTemplateCode: 'T1' }, options: { ignoreExclusion: true } })).toEqual(['CW-P1']);
  });

  it('expands companies, adds related companies, honours exclusion and never adds privacy-blocked contacts', async () => {
    expect(await added({ contactFilter: { q: 'alpha' }, options: { expandCompanies: true } })).toEqual(['CW-C1', 'CW-P1', 'CW-P2']);
    expect(await added({ contactFilter: { q: 'anna' }, options: { allowRelatedCompanies: true } })).toEqual(['CW-C1', 'CW-P1']);
    expect(await added({ contactFilter: { q: 'beta' } })).toEqual([]);
    expect(await added({ contactFilter: { q: 'beta' }, options: { ignoreExclusion: true } })).toEqual(['CW-C2']);
    expect(
      await added({ contactFilter: { q: 'cw' }, options: { ignoreExclusion: true, expandCompanies: true, allowRelatedCompanies: true } }),
    ).toEqual(['CW-C1', 'CW-C2', 'CW-P1', 'CW-P2', 'CW-P4']);
    expect(await added({ contactFilter: { q: 'cleo' }, options: { allowRelatedCompanies: true } })).toEqual([]);
  });

  it('skips contacts already on a line unless allowExistingContacts', async () => {
    const no = await segment();
    await api('POST', `/api/v1/segments/${no}/add-contacts`, { body: { contactFilter: { type: 'company' } } });
    const again = await api('POST', `/api/v1/segments/${no}/add-contacts`, { body: { contactFilter: { companyNo: 'CW-C1' } } });
    expect(again.body).toEqual({ added: 2, noOfLines: 3 });
    const twice = await api('POST', `/api/v1/segments/${no}/add-contacts`, {
      body: { contactFilter: { companyNo: 'CW-C1' }, options: { allowExistingContacts: true } },
    });
    expect(twice.body).toEqual({ added: 3, noOfLines: 6 });
    expect(await contactsOf(no)).toEqual(['CW-C1', 'CW-P1', 'CW-P2', 'CW-C1', 'CW-P1', 'CW-P2']);
  });

  it('reduces and refines by the same filters and goes back one action at a time', async () => {
    const no = await segment();
    await api('POST', `/api/v1/segments/${no}/add-contacts`, { body: {} });
    const reduced = await api('POST', `/api/v1/segments/${no}/reduce-contacts`, {
      body: { contactFilter: { type: 'person' }, interactionFilter: { canceled: true } },
    });
    expect(reduced.body).toEqual({ removed: 1, noOfLines: 3 });
    const refined = await api('POST', `/api/v1/segments/${no}/refine-contacts`, {
      body: { contactFilter: { companyNo: 'CW-C1' }, options: { expandCompanies: true } },
    });
    expect(refined.body).toEqual({ kept: 3, noOfLines: 3 });
    const refinedMore = await api('POST', `/api/v1/segments/${no}/refine-contacts`, { body: { contactFilter: { type: 'person' } } });
    expect(refinedMore.body).toEqual({ kept: 2, noOfLines: 2 });
    expect(await contactsOf(no)).toEqual(['CW-P1', 'CW-P2']);
    const history = (await api('GET', `/api/v1/segments/${no}/criteria`)).body.items;
    expect(history.map((a: { actionNo: number; kind: string; affected: number }) => [a.actionNo, a.kind, a.affected])).toEqual([
      [1, 'add', 4],
      [2, 'reduce', 1],
      [3, 'refine', 3],
      [4, 'refine', 2],
    ]);
    expect(history[2].options.expandCompanies).toBe(true);

    // undoing the last refine brings the removed company back on its old line
    const back1 = await api('POST', `/api/v1/segments/${no}/go-back`);
    expect(back1.body).toEqual({ undoneActionNo: 4, noOfLines: 3 });
    const lines = (await api('GET', `/api/v1/segments/${no}/lines`)).body.items;
    expect(lines.map((l: { lineNo: number; contactNo: string }) => [l.lineNo, l.contactNo])).toEqual([
      [10000, 'CW-C1'],
      [20000, 'CW-P1'],
      [30000, 'CW-P2'],
    ]);
    expect((await api('POST', `/api/v1/segments/${no}/go-back`)).body).toEqual({ undoneActionNo: 3, noOfLines: 3 });
    expect((await api('POST', `/api/v1/segments/${no}/go-back`)).body).toEqual({ undoneActionNo: 2, noOfLines: 4 });
    expect((await api('POST', `/api/v1/segments/${no}/go-back`)).body).toEqual({ undoneActionNo: 1, noOfLines: 0 });
    expect((await api('POST', `/api/v1/segments/${no}/go-back`)).body).toEqual({ undoneActionNo: null, noOfLines: 0 });
    expect((await api('GET', `/api/v1/segments/${no}`)).body.noOfCriteriaActions).toBe(0);
  });

  it('removes only the lines the undone add made, and puts removed contacts on a new line when their number was taken', async () => {
    const no = await segment();
    await api('POST', `/api/v1/segments/${no}/add-contacts`, { body: { contactFilter: { q: 'alpha' } } });
    await api('POST', `/api/v1/segments/${no}/lines`, { body: { contactNo: 'CW-P1' } });
    await api('POST', `/api/v1/segments/${no}/add-contacts`, { body: { contactFilter: { q: 'bert' } } });
    expect((await api('POST', `/api/v1/segments/${no}/go-back`)).body).toEqual({ undoneActionNo: 2, noOfLines: 2 });
    expect(await contactsOf(no)).toEqual(['CW-C1', 'CW-P1']);
    await api('POST', `/api/v1/segments/${no}/reduce-contacts`, { body: { contactFilter: { type: 'person' } } });
    await api('POST', `/api/v1/segments/${no}/lines`, { body: { contactNo: 'CW-P4' } });
    expect((await api('POST', `/api/v1/segments/${no}/go-back`)).body).toEqual({ undoneActionNo: 2, noOfLines: 3 });
    const lines = (await api('GET', `/api/v1/segments/${no}/lines`)).body.items;
    expect(lines.map((l: { lineNo: number; contactNo: string }) => [l.lineNo, l.contactNo])).toEqual([
      [10000, 'CW-C1'],
      [20000, 'CW-P4'],
      [30000, 'CW-P1'],
    ]);
  });

  it('refines away contacts whose value for a criterion is blank', async () => {
    const no = await segment();
    await api('POST', `/api/v1/segments/${no}/add-contacts`, { body: {} });
    const refined = await api('POST', `/api/v1/segments/${no}/refine-contacts`, { body: { contactFilter: { postCodeTo: '10199' } } });
    expect(refined.body).toEqual({ kept: 1, noOfLines: 1 });
    expect(await contactsOf(no)).toEqual(['CW-C1']);
  });

  it('refuses invalid filters with their paths and unknown segments', async () => {
    const no = await segment();
    const bad = await api('POST', `/api/v1/segments/${no}/add-contacts`, {
      body: {
        contactFilter: { postCodeFrom: 'B', postCodeTo: 'A', colour: 'red' },
        interactionFilter: { dateFrom: '2026-02-01', dateTo: '2026-01-01' },
        options: { expandCompanies: null },
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'contactFilter.colour',
      'contactFilter.postCodeFrom',
      'interactionFilter.dateFrom',
      'options.expandCompanies',
    ]);
    expect((await api('GET', `/api/v1/segments/${no}`)).body.noOfCriteriaActions).toBe(0);
    const missing = await api('POST', '/api/v1/segments/NOPE/add-contacts', { body: {} });
    expect([missing.status, missing.body.code]).toEqual([404, 'segment_not_found']);
    expect((await api('POST', '/api/v1/segments/NOPE/go-back')).body.code).toBe('segment_not_found');
    expect((await api('GET', '/api/v1/segments/NOPE/criteria')).body.code).toBe('segment_not_found');
  });

  it('adds thousands of contacts in one statement with consecutive line numbers', async () => {
    await seedManyContacts(db(), 'BULK', 3000, { countryCode: 'BULK' });
    const no = await segment();
    const res = await api('POST', `/api/v1/segments/${no}/add-contacts`, { body: { contactFilter: { countryCode: 'BULK' } } });
    expect(res.body).toEqual({ added: 3000, noOfLines: 3000 });
    const last = await db()
      .selectFrom('segment_lines')
      .select(['line_no', 'contact_no'])
      .where('segment_no', '=', no)
      .orderBy('line_no', 'desc')
      .executeTakeFirstOrThrow();
    expect([Number(last.line_no), last.contact_no]).toEqual([30_000_000, 'BULK002999']);
    const reduced = await api('POST', `/api/v1/segments/${no}/reduce-contacts`, { body: { contactFilter: { countryCode: 'BULK' } } });
    expect(reduced.body).toEqual({ removed: 3000, noOfLines: 0 });
    expect((await api('POST', `/api/v1/segments/${no}/go-back`)).body).toEqual({ undoneActionNo: 2, noOfLines: 3000 });
  });
});
