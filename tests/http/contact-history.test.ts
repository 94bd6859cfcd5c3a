import { expect, it } from 'vitest';
import { seedContact, seedEntries, seedSalesperson, seedTemplate, unique } from '../support/seed-entries';
import { describeEachDialect } from '../support/test-app';

type HistoryItem = { entryNo: number; title: string; canceled: boolean; contactNo: string; [k: string]: unknown };

describeEachDialect('contact history', (env) => {
  it("lists a person's own entries and a company's with its persons', canceled included, never postponed", async () => {
    const db = env().app.database.db;
    const company = unique('HC');
    const anna = unique('HP');
    const ben = unique('HP');
    await seedContact(db, { no: company, name: 'History AB' });
    await seedContact(db, { no: anna, name: 'Anna', type: 'person', companyNo: company });
    await seedContact(db, { no: ben, name: 'Ben', type: 'person', companyNo: company });
    const [own, annas, bens, canceled] = await seedEntries(db, [
      { contactNo: company, contactCompanyNo: company },
      { contactNo: anna, contactCompanyNo: company },
      { contactNo: ben, contactCompanyNo: company },
      { contactNo: anna, contactCompanyNo: company, canceled: true },
      { contactNo: anna, contactCompanyNo: company, postponed: true, date: null },
    ]);
    const ofCompany = await env().api('GET', `/api/v1/contacts/${company.toLowerCase()}/history`);
    expect(ofCompany.status).toBe(200);
    expect(ofCompany.body.items.map((e: HistoryItem) => e.entryNo)).toEqual([canceled, bens, annas, own]);
    expect(ofCompany.body.nextCursor).toBeNull();
    const ofAnna = await env().api('GET', `/api/v1/contacts/${anna}/history`);
    expect(ofAnna.body.items.map((e: HistoryItem) => e.entryNo)).toEqual([canceled, annas]);
    expect(ofAnna.body.items[0]).toMatchObject({
      canceled: true,
      contactName: 'Anna',
      contactCompanyName: 'History AB',
      title: expect.any(String),
    });
    expect(Object.keys(ofAnna.body.items[0])).toHaveLength(43);
  });

  it('titles outbound entries by salesperson, else user full name, else user id; inbound by contact', async () => {
    const db = env().app.database.db;
    const company = unique('TC');
    await seedContact(db, { no: company, name: 'Title Co' });
    const template = unique('T');
    const bare = unique('T');
    await seedTemplate(db, { code: template, groupCode: 'PHONE', description: 'Phone call' });
    await seedTemplate(db, { code: bare, groupCode: 'PHONE', description: null });
    const sp = unique('SP');
    await seedSalesperson(db, sp, 'Otis Sales');
    const named = unique('named');
    const plain = unique('plain');
    await env().app.services.account.createUser({ username: named, password: 'password-123', role: 'user', fullName: 'Nora Named' });
    await env().app.services.account.createUser({ username: plain, password: 'password-123', role: 'user' });
    const base = { contactNo: company, contactCompanyNo: company, interactionTemplateCode: template };
    const nos = await seedEntries(db, [
      { ...base, informationFlow: 'outbound', salespersonCode: sp, userId: named },
      { ...base, informationFlow: 'outbound', salespersonCode: null, userId: named },
      { ...base, informationFlow: 'outbound', salespersonCode: null, userId: plain },
      { ...base, informationFlow: 'outbound', salespersonCode: 'GONE', userId: 'deleted-user' },
      { ...base, informationFlow: 'inbound', salespersonCode: sp },
      { ...base, informationFlow: null, salespersonCode: sp },
      { ...base, interactionTemplateCode: bare, informationFlow: null },
    ]);
    const res = await env().api('GET', `/api/v1/contacts/${company}/history?sort=entryNo`);
    const titles = new Map(res.body.items.map((e: HistoryItem) => [e.entryNo, e.title]));
    expect(nos.map((n) => titles.get(n))).toEqual([
      'Phone call - by Otis Sales',
      'Phone call - by Nora Named',
      `Phone call - by ${plain}`,
      'Phone call - by deleted-user',
      'Phone call - from Title Co',
      'Phone call',
      bare,
    ]);
  });

  it('filters by canceled and date, sorts, pages and validates', async () => {
    const db = env().app.database.db;
    const person = unique('FP');
    await seedContact(db, { no: person, name: 'Filtered Person', type: 'person' });
    const specs = [
      { date: '2026-01-05', canceled: false },
      { date: '2026-02-05', canceled: true },
      { date: '2026-03-05', canceled: false },
      { date: '2026-01-20', canceled: false },
    ];
    const nos = await seedEntries(
      db,
      specs.map((s) => ({ ...s, contactNo: person })),
    );
    const url = (q: string) => `/api/v1/contacts/${person}/history?${q}`;
    const ids = async (q: string) => (await env().api('GET', url(q))).body.items.map((e: HistoryItem) => e.entryNo);
    expect(await ids('canceled=false')).toEqual([nos[3], nos[2], nos[0]]);
    expect(await ids('canceled=true')).toEqual([nos[1]]);
    expect(await ids('dateFrom=2026-01-10&dateTo=2026-02-28')).toEqual([nos[3], nos[1]]);
    expect(await ids('sort=date')).toEqual([nos[0], nos[3], nos[1], nos[2]]);
    expect(await ids('sort=-date')).toEqual([nos[2], nos[1], nos[3], nos[0]]);

    const first = await env().api('GET', url('sort=date&limit=3'));
    expect(first.body.items).toHaveLength(3);
    const second = await env().api('GET', url(`sort=date&limit=3&cursor=${first.body.nextCursor}`));
    expect(second.body.items.map((e: HistoryItem) => e.entryNo)).toEqual([nos[2]]);
    expect(second.body.nextCursor).toBeNull();
    const wrongScope = await env().api('GET', url(`sort=-date&limit=3&cursor=${first.body.nextCursor}`));
    expect(wrongScope.status).toBe(400);
    expect(wrongScope.body.errors[0].path).toBe('query.cursor');

    for (const [q, path] of [
      ['dateFrom=2026-03-01&dateTo=2026-02-01', 'query.dateFrom'],
      ['contactNo=CT1', 'query.contactNo'],
      ['limit=600', 'query.limit'],
    ]) {
      const res = await env().api('GET', url(q!));
      expect(res.status, q).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
  });

  it('answers contact_not_found for a missing contact and lets viewers read', async () => {
    const res = await env().api('GET', '/api/v1/contacts/NOPE999/history');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('contact_not_found');
    expect(res.body.detail).toBe('Contact NOPE999 does not exist.');
    const db = env().app.database.db;
    const company = unique('VC');
    await seedContact(db, { no: company, name: 'Viewer Co' });
    const viewer = await env().tokenFor('viewer');
    const ok = await env().api('GET', `/api/v1/contacts/${company}/history`, { token: viewer });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ items: [], nextCursor: null });
  });
});
