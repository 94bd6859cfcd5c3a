import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/test-app';

describeEachDialect('contacts', (env) => {
  const db = () => env().app.database.db;
  const post = (body: unknown, token?: string) => env().api('POST', '/api/v1/contacts', { body, ...(token && { token }) });
  const get = (no: string) => env().api('GET', `/api/v1/contacts/${encodeURIComponent(no)}`);
  const patch = (no: string, body: unknown) => env().api('PATCH', `/api/v1/contacts/${encodeURIComponent(no)}`, { body });
  const list = async (qs: string) => {
    const res = await env().api('GET', `/api/v1/contacts?${qs}`);
    expect(res.status).toBe(200);
    return res.body as { items: { no: string; name: string }[]; nextCursor: string | null };
  };
  const salesperson = (code: string, blocked = false) =>
    db()
      .insertInto('salespeople')
      .values({ code, name: `Salesperson ${code}`, email: null, phone_no: null, blocked: blocked ? 1 : 0 })
      .execute();
  const language = (code: string) => env().api('POST', '/api/v1/languages', { body: { code, name: code } });

  it('numbers a new contact from the CT series and answers every field with its defaults', async () => {
    const res = await post({ name: 'Adatum Corporation' });
    expect(res.status).toBe(201);
    expect(res.headers['location']).toBe('/api/v1/contacts/CT000001');
    expect(res.body).toEqual({
      no: 'CT000001',
      type: 'company',
      name: 'Adatum Corporation',
      companyNo: 'CT000001',
      companyName: 'Adatum Corporation',
      email: null,
      phoneNo: null,
      mobilePhoneNo: null,
      salespersonCode: null,
      languageCode: null,
      correspondenceType: null,
      excludeFromSegment: false,
      privacyBlocked: false,
      address: null,
      postCode: null,
      city: null,
      countryCode: null,
      territoryCode: null,
      industryGroupCodes: [],
      businessRelationCodes: [],
      mailingGroupCodes: [],
      customerNo: null,
      vendorNo: null,
    });
    expect((await post({ name: 'Trey Research' })).body.no).toBe('CT000002');
    expect((await get('ct000001')).body.name).toBe('Adatum Corporation');
  });

  it('continues the series after the highest number given by hand', async () => {
    expect((await post({ no: 'ct000050', name: 'Manual' })).body.no).toBe('CT000050');
    expect((await post({ no: 'CT-X', name: 'Other pattern' })).status).toBe(201);
    expect((await post({ name: 'Next' })).body.no).toBe('CT000051');
  });

  it('stores every field, trims and upper-cases codes, and keeps code lists distinct and sorted', async () => {
    await salesperson('JO');
    await language('ENU');
    const res = await post({
      no: ' c-100 ',
      type: 'company',
      name: 'Fabrikam',
      email: 'info@fabrikam.example',
      phoneNo: '+1 425 555 0100',
      mobilePhoneNo: '+1 425 555 0101',
      salespersonCode: 'jo',
      languageCode: 'enu',
      correspondenceType: 'email',
      excludeFromSegment: true,
      privacyBlocked: true,
      address: '1 Main Street',
      postCode: '98052',
      city: 'Redmond',
      countryCode: 'us',
      territoryCode: ' west ',
      industryGroupCodes: ['retail', 'MANU', 'Retail'],
      businessRelationCodes: ['cust'],
      mailingGroupCodes: ['xmas', 'news', 'xmas'],
      customerNo: 'c-10000',
      vendorNo: 'v-20000',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      no: 'C-100',
      companyNo: 'C-100',
      salespersonCode: 'JO',
      languageCode: 'ENU',
      correspondenceType: 'email',
      excludeFromSegment: true,
      privacyBlocked: true,
      countryCode: 'US',
      territoryCode: 'WEST',
      industryGroupCodes: ['MANU', 'RETAIL'],
      businessRelationCodes: ['CUST'],
      mailingGroupCodes: ['NEWS', 'XMAS'],
      customerNo: 'C-10000',
      vendorNo: 'V-20000',
    });
    const stored = await db()
      .selectFrom('contact_codes')
      .select(['kind', 'code'])
      .where('contact_no', '=', 'C-100')
      .orderBy('kind')
      .orderBy('code')
      .execute();
    expect(stored).toEqual([
      { kind: 'business_relation', code: 'CUST' },
      { kind: 'industry_group', code: 'MANU' },
      { kind: 'industry_group', code: 'RETAIL' },
      { kind: 'mailing_group', code: 'NEWS' },
      { kind: 'mailing_group', code: 'XMAS' },
    ]);
    const row = await db().selectFrom('contacts').select(['search', 'privacy_blocked']).where('no', '=', 'C-100').executeTakeFirstOrThrow();
    expect(row).toEqual({ search: 'fabrikam\ninfo@fabrikam.example', privacy_blocked: 1 });
  });

  it('refuses a number that already exists', async () => {
    await post({ no: 'DUP1', name: 'First' });
    const res = await post({ no: 'dup1', name: 'Second' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('duplicate_code');
    expect((await get('DUP1')).body.name).toBe('First');
  });

  it('rejects invalid input with field paths: name, e-mail, lengths, codes, enums, read-only and unknown fields', async () => {
    const res = await post({
      email: 'not an address',
      phoneNo: 'x'.repeat(31),
      countryCode: 'TOOLONGCODE',
      salespersonCode: 'bad!',
      type: 'robot',
      companyName: 'Computed',
      colour: 'red',
      industryGroupCodes: 'RETAIL',
      excludeFromSegment: null,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    const paths = res.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual([
      'colour',
      'companyName',
      'countryCode',
      'email',
      'excludeFromSegment',
      'industryGroupCodes',
      'name',
      'phoneNo',
      'salespersonCode',
      'type',
    ]);
    expect(res.body.errors.find((e: { path: string }) => e.path === 'colour').message).toBe('unknown field');
    expect(res.body.errors.find((e: { path: string }) => e.path === 'companyName').message).toBe('is computed');
    expect((await post({ name: '   ' })).status).toBe(400);
  });

  it("keeps a company's companyNo its own number and refuses another", async () => {
    expect((await post({ no: 'CO-OWN', name: 'Own', companyNo: 'co-own' })).body.companyNo).toBe('CO-OWN');
    expect((await post({ no: 'CO-NULL', name: 'Null', companyNo: null })).body.companyNo).toBe('CO-NULL');
    const res = await post({ no: 'CO-OTHER', name: 'Other', companyNo: 'CO-OWN' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('companyNo');
    expect((await get('CO-OTHER')).status).toBe(404);
  });

  it('links a person to an existing company only', async () => {
    await post({ no: 'ACME', name: 'Acme' });
    const person = await post({ no: 'P-ANNA', type: 'person', name: 'Anna', companyNo: 'acme' });
    expect(person.status).toBe(201);
    expect(person.body).toMatchObject({ type: 'person', companyNo: 'ACME', companyName: 'Acme' });
    const loner = await post({ no: 'P-LONE', type: 'person', name: 'Lone' });
    expect(loner.body).toMatchObject({ companyNo: null, companyName: null });

    const missing = await post({ no: 'P-X', type: 'person', name: 'X', companyNo: 'NOPE' });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('contact_not_found');
    const toPerson = await post({ no: 'P-Y', type: 'person', name: 'Y', companyNo: 'P-ANNA' });
    expect(toPerson.status).toBe(400);
    expect(toPerson.body.errors[0].path).toBe('companyNo');
    expect((await get('P-Y')).status).toBe(404);
  });

  it("gives a new person its company's salesperson, language and address for each field the request omits (R61)", async () => {
    await salesperson('INH');
    await language('DEU');
    await post({
      no: 'PARENT',
      name: 'Parent',
      salespersonCode: 'INH',
      languageCode: 'DEU',
      address: 'Hauptstrasse 1',
      postCode: '10115',
      city: 'Berlin',
      countryCode: 'DE',
      territoryCode: 'EU',
      email: 'parent@example.com',
      phoneNo: '030 1234',
      correspondenceType: 'hard_copy',
    });
    const child = await post({ no: 'CHILD1', type: 'person', name: 'Child', companyNo: 'PARENT', city: 'Potsdam', address: null });
    expect(child.body).toMatchObject({
      salespersonCode: 'INH',
      languageCode: 'DEU',
      address: null,
      postCode: '10115',
      city: 'Potsdam',
      countryCode: 'DE',
      territoryCode: 'EU',
      email: null,
      phoneNo: null,
      correspondenceType: null,
    });
    // a company only names its own number: it inherits nothing
    const company = await post({ no: 'NOINH', name: 'No inheritance' });
    expect(company.body).toMatchObject({ salespersonCode: null, city: null });
  });

  it("does not pass on a company's blocked salesperson", async () => {
    await salesperson('BLK');
    await post({ no: 'BLKCO', name: 'Blocked salesperson company', salespersonCode: 'BLK', city: 'Oslo' });
    await db().updateTable('salespeople').set({ blocked: 1 }).where('code', '=', 'BLK').execute();
    const person = await post({ no: 'BLKP', type: 'person', name: 'Person', companyNo: 'BLKCO' });
    expect(person.status).toBe(201);
    expect(person.body).toMatchObject({ salespersonCode: null, city: 'Oslo' });
  });

  it('checks salesperson and language references', async () => {
    await salesperson('STOP', true);
    const noSp = await post({ name: 'X', salespersonCode: 'GHOST' });
    expect(noSp.status).toBe(404);
    expect(noSp.body.code).toBe('salesperson_not_found');
    const blocked = await post({ name: 'X', salespersonCode: 'stop' });
    expect(blocked.status).toBe(422);
    expect(blocked.body.code).toBe('salesperson_blocked');
    const noLang = await post({ name: 'X', languageCode: 'XXX' });
    expect(noLang.status).toBe(404);
    expect(noLang.body.code).toBe('language_not_found');
    const count = await db()
      .selectFrom('contacts')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('name', '=', 'X')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('answers contact_not_found for a missing contact', async () => {
    const res = await get('NOBODY');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('contact_not_found');
    expect((await patch('NOBODY', { name: 'X' })).body.code).toBe('contact_not_found');
    expect((await env().api('DELETE', '/api/v1/contacts/NOBODY')).body.code).toBe('contact_not_found');
  });

  it('changes only the fields a PATCH names and refuses the key and computed fields', async () => {
    await salesperson('PSP');
    await salesperson('PBL', true);
    await post({ no: 'PAT', name: 'Patch me', email: 'a@b.example', industryGroupCodes: ['A'], mailingGroupCodes: ['M'] });
    const res = await patch('pat', {
      name: 'Patched',
      city: 'Paris',
      email: null,
      industryGroupCodes: ['c', 'b', 'c'],
      salespersonCode: 'psp',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Patched',
      city: 'Paris',
      email: null,
      industryGroupCodes: ['B', 'C'],
      mailingGroupCodes: ['M'],
      salespersonCode: 'PSP',
    });
    const row = await db().selectFrom('contacts').select('search').where('no', '=', 'PAT').executeTakeFirstOrThrow();
    expect(row.search).toBe('patched');

    const empty = await patch('PAT', {});
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual(res.body);

    const key = await patch('PAT', { no: 'OTHER', companyName: 'X' });
    expect(key.status).toBe(400);
    expect(key.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['companyName', 'no']);
    expect((await patch('PAT', { name: null })).status).toBe(400);
    expect((await patch('PAT', { privacyBlocked: null })).status).toBe(400);

    const blocked = await patch('PAT', { salespersonCode: 'PBL' });
    expect(blocked.status).toBe(422);
    expect(blocked.body.code).toBe('salesperson_blocked');
    const missing = await patch('PAT', { languageCode: 'NOLANG' });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('language_not_found');
    expect((await get('PAT')).body.salespersonCode).toBe('PSP');
  });

  it('keeps a salesperson the contact already has after it was blocked', async () => {
    await salesperson('LATER');
    await post({ no: 'KEEP', name: 'Keep', salespersonCode: 'LATER' });
    await db().updateTable('salespeople').set({ blocked: 1 }).where('code', '=', 'LATER').execute();
    const res = await patch('KEEP', { salespersonCode: 'LATER', city: 'Rome' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ salespersonCode: 'LATER', city: 'Rome' });
  });

  it("shows a company's current name on its persons", async () => {
    await post({ no: 'RENAME', name: 'Old name' });
    await post({ no: 'RENAME-P', type: 'person', name: 'Person', companyNo: 'RENAME' });
    await patch('RENAME', { name: 'New name' });
    expect((await get('RENAME-P')).body.companyName).toBe('New name');
    expect((await get('RENAME')).body.companyName).toBe('New name');
  });

  it('lists by number in binary order and filters by type, company, salesperson and search text', async () => {
    await salesperson('LSP');
    await post({ no: 'L-CO', name: 'Lister Holding', salespersonCode: 'LSP' });
    await post({ no: 'L-P1', type: 'person', name: 'Zoë Ärger', companyNo: 'L-CO', email: 'zoe@lister.example' });
    await post({ no: 'L-P2', type: 'person', name: '100% Sure_Thing', companyNo: 'L-CO', salespersonCode: null });
    await post({ no: 'L-OTHER', type: 'person', name: 'Other person' });

    const all = await list('limit=500');
    expect(all.items.map((c) => c.no)).toEqual([...all.items.map((c) => c.no)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect((await list('companyNo=l-co')).items.map((c) => c.no)).toEqual(['L-CO', 'L-P1', 'L-P2']);
    expect((await list('companyNo=L-CO&type=person')).items.map((c) => c.no)).toEqual(['L-P1', 'L-P2']);
    // the person inherited the company's salesperson; the other one blanked it
    expect((await list('salespersonCode=lsp')).items.map((c) => c.no)).toEqual(['L-CO', 'L-P1']);
    expect((await list('q=ärger')).items.map((c) => c.no)).toEqual(['L-P1']);
    expect((await list('q=LISTER.EXAMPLE')).items.map((c) => c.no)).toEqual(['L-P1']);
    expect((await list(`q=${encodeURIComponent('0% s')}`)).items.map((c) => c.no)).toEqual(['L-P2']);
    expect((await list(`q=${encodeURIComponent('e_t')}`)).items.map((c) => c.no)).toEqual(['L-P2']);
    expect((await list('q=%25')).items.map((c) => c.no)).toEqual(['L-P2']);
    expect((await list('type=company&q=zoe')).items).toEqual([]);

    const bad = await env().api('GET', '/api/v1/contacts?type=robot&colour=red');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['query.colour', 'query.type']);
  });

  it('pages by keyset without repeating or skipping, and binds the cursor to its filters', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const p: { items: { no: string }[]; nextCursor: string | null } = await list(`limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(p.items.length).toBeLessThanOrEqual(3);
      seen.push(...p.items.map((c) => c.no));
      cursor = p.nextCursor;
    } while (cursor);
    const all = await list('limit=500');
    expect(seen).toEqual(all.items.map((c) => c.no));

    const first = await list('limit=1');
    const other = await env().api('GET', `/api/v1/contacts?limit=1&type=person&cursor=${first.nextCursor}`);
    expect(other.status).toBe(400);
    expect(other.body.errors[0].path).toBe('query.cursor');
  });

  it('answers the code lists of every contact on a list page', async () => {
    await post({ no: 'Q-1', name: 'Codes one', industryGroupCodes: ['I1'], businessRelationCodes: ['B1'] });
    await post({ no: 'Q-2', name: 'Codes two', mailingGroupCodes: ['M2', 'M1'] });
    const p = await env().api('GET', '/api/v1/contacts?q=codes');
    expect(
      p.body.items.map((c: { no: string; industryGroupCodes: string[]; mailingGroupCodes: string[] }) => [
        c.no,
        c.industryGroupCodes,
        c.mailingGroupCodes,
      ]),
    ).toEqual([
      ['Q-1', ['I1'], []],
      ['Q-2', [], ['M1', 'M2']],
    ]);
  });

  it('lets viewers read, users write, and removes the code lists with the contact', async () => {
    const viewer = await env().tokenFor('viewer');
    expect((await env().api('GET', '/api/v1/contacts', { token: viewer })).status).toBe(200);
    const refused = await post({ name: 'By viewer' }, viewer);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
    const user = await env().tokenFor('user');
    const created = await post({ no: 'BYUSER', name: 'By user', industryGroupCodes: ['X'] }, user);
    expect(created.status).toBe(201);
    expect((await env().api('PATCH', '/api/v1/contacts/BYUSER', { token: viewer, body: { name: 'X' } })).status).toBe(403);
    expect((await env().api('DELETE', '/api/v1/contacts/BYUSER', { token: viewer })).status).toBe(403);
    expect((await env().api('DELETE', '/api/v1/contacts/BYUSER', { token: user })).status).toBe(204);
    expect((await get('BYUSER')).status).toBe(404);
    const codes = await db().selectFrom('contact_codes').select('code').where('contact_no', '=', 'BYUSER').execute();
    expect(codes).toEqual([]);
  });
});
