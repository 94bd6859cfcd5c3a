import { expect, it } from 'vitest';
import type { NewLogEntry } from '../../src/domain/interaction-log/interaction-log';
import { seedContact, seedEntries, seedEntry, unique } from '../support/seed-entries';
import { describeEachDialect, type TestEnv } from '../support/test-app';

type Item = { entryNo: number; date: string; [k: string]: unknown };

async function all(env: TestEnv, query: string, limit = 500): Promise<Item[]> {
  const out: Item[] = [];
  let cursor: string | null = null;
  do {
    const res = await env.api('GET', `/api/v1/interaction-log-entries?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    out.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

describeEachDialect('interaction log entries: list', (env) => {
  it('lists newest first with current contact and company names, never postponed entries', async () => {
    const db = env().app.database.db;
    const company = unique('LC');
    const person = unique('LP');
    await seedContact(db, { no: company, name: 'Nordic Tools AB' });
    await seedContact(db, { no: person, name: 'Anna Berg', type: 'person', companyNo: company });
    const [first, second] = await seedEntries(db, [
      { contactNo: person, contactCompanyNo: company },
      { contactNo: company, contactCompanyNo: company },
    ]);
    await seedEntry(db, { contactNo: person, contactCompanyNo: company, postponed: true, date: null, description: null });

    const res = await env().api('GET', `/api/v1/interaction-log-entries?contactCompanyNo=${company}`);
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items.map((e: Item) => e.entryNo)).toEqual([second, first]);
    expect(res.body.items[1]).toMatchObject({
      contactNo: person,
      contactName: 'Anna Berg',
      contactCompanyName: 'Nordic Tools AB',
      postponed: false,
    });
    expect(Object.keys(res.body.items[0])).toHaveLength(42);
  });

  it('combines every filter with AND', async () => {
    const db = env().app.database.db;
    const company = unique('FC');
    const other = unique('FC');
    await seedContact(db, { no: company, name: 'Filter Co' });
    await seedContact(db, { no: other, name: 'Other Co' });
    const base = { contactNo: company, contactCompanyNo: company };
    const specs: Partial<NewLogEntry>[] = [
      {
        ...base,
        date: '2026-01-10',
        interactionTemplateCode: 'LETTER',
        interactionGroupCode: 'MAIL',
        salespersonCode: 'JO',
        campaignNo: 'CP00001',
        campaignEntryNo: 7,
        evaluation: 'positive',
        correspondenceType: 'email',
        origin: 'interaction',
      },
      {
        ...base,
        date: '2026-02-10',
        canceled: true,
        attemptFailed: true,
        segmentNo: 'SM00001',
        loggedSegmentEntryNo: 3,
        origin: 'segment',
        informationFlow: 'inbound',
        initiatedBy: 'them',
      },
      {
        ...base,
        date: '2026-03-10',
        documentType: 'sales_invoice',
        documentNo: 'INV-1',
        origin: 'document',
        deliveryStatus: 'error',
        salespersonCode: 'JO',
      },
      {
        ...base,
        date: '2026-04-10',
        opportunityNo: 'OP000001',
        taskNo: 'TD000001',
        evaluation: 'negative',
        correspondenceType: 'hard_copy',
        origin: 'phone_call',
      },
      { contactNo: other, contactCompanyNo: other, date: '2026-02-10', salespersonCode: 'JO' },
    ];
    const nos = await seedEntries(db, specs);
    const seeded = specs.map((s, i) => ({ ...s, entryNo: nos[i]! }));

    const cases: [string, (e: (typeof seeded)[number]) => boolean][] = [
      ['interactionTemplateCode=letter', (e) => e.interactionTemplateCode === 'LETTER'],
      ['interactionGroupCode=MAIL', (e) => e.interactionGroupCode === 'MAIL'],
      ['salespersonCode=jo', (e) => e.salespersonCode === 'JO'],
      ['campaignNo=CP00001', (e) => e.campaignNo === 'CP00001'],
      ['campaignEntryNo=7', (e) => e.campaignEntryNo === 7],
      ['segmentNo=SM00001', (e) => e.segmentNo === 'SM00001'],
      ['loggedSegmentEntryNo=3', (e) => e.loggedSegmentEntryNo === 3],
      ['canceled=true', (e) => e.canceled === true],
      ['canceled=false', (e) => e.canceled !== true],
      ['attemptFailed=true', (e) => e.attemptFailed === true],
      ['evaluation=negative', (e) => e.evaluation === 'negative'],
      ['documentType=sales_invoice', (e) => e.documentType === 'sales_invoice'],
      ['documentNo=inv-1', (e) => e.documentNo === 'INV-1'],
      ['dateFrom=2026-02-10', (e) => e.date! >= '2026-02-10'],
      ['dateTo=2026-02-10', (e) => e.date! <= '2026-02-10'],
      ['dateFrom=2026-02-01&dateTo=2026-03-31', (e) => e.date! >= '2026-02-01' && e.date! <= '2026-03-31'],
      [`entryNoFrom=${nos[1]}&entryNoTo=${nos[2]}`, (e) => e.entryNo >= nos[1]! && e.entryNo <= nos[2]!],
      ['opportunityNo=OP000001', (e) => e.opportunityNo === 'OP000001'],
      ['taskNo=TD000001', (e) => e.taskNo === 'TD000001'],
      ['correspondenceType=email', (e) => e.correspondenceType === 'email'],
      ['deliveryStatus=error', (e) => e.deliveryStatus === 'error'],
      ['informationFlow=inbound', (e) => e.informationFlow === 'inbound'],
      ['initiatedBy=them', (e) => e.initiatedBy === 'them'],
      ['origin=document', (e) => e.origin === 'document'],
      ['salespersonCode=JO&evaluation=positive', (e) => e.salespersonCode === 'JO' && e.evaluation === 'positive'],
    ];
    for (const [query, keep] of cases) {
      for (const scope of [`contactNo=${company}`, `contactCompanyNo=${company}`]) {
        const got = (await all(env(), `${scope}&${query}`)).map((e) => e.entryNo);
        const want = seeded
          .filter((e) => e.contactNo === company && keep(e))
          .map((e) => e.entryNo)
          .reverse();
        expect(got, `${scope}&${query}`).toEqual(want);
      }
    }
  });

  it('searches description and subject case-insensitively, with % and _ as plain characters', async () => {
    const db = env().app.database.db;
    const company = unique('QC');
    await seedContact(db, { no: company, name: 'Search Co' });
    const [quote, subject, percent, underscore] = await seedEntries(db, [
      { contactNo: company, contactCompanyNo: company, description: 'Follow-up on QUOTE', subject: 'x' },
      { contactNo: company, contactCompanyNo: company, description: 'Visit', subject: 'Ärger über Preise' },
      { contactNo: company, contactCompanyNo: company, description: 'Discount 10% agreed', subject: null },
      { contactNo: company, contactCompanyNo: company, description: 'file_name sent', subject: null },
      { contactNo: company, contactCompanyNo: company, description: 'Discount 10 percent', subject: 'filename' },
    ]);
    const q = async (text: string) => (await all(env(), `contactNo=${company}&q=${encodeURIComponent(text)}`)).map((e) => e.entryNo);
    expect(await q('quote')).toEqual([quote]);
    expect(await q('ärger')).toEqual([subject]);
    expect(await q('ÄRGER ÜBER')).toEqual([subject]);
    expect(await q('10%')).toEqual([percent]);
    expect(await q('e_n')).toEqual([underscore]);
    expect(await q('nothing like this')).toEqual([]);
  });

  it('sorts by entryNo and date both ways, date ties broken by entryNo in the same direction', async () => {
    const db = env().app.database.db;
    const company = unique('SC');
    await seedContact(db, { no: company, name: 'Sort Co' });
    const dates = ['2026-05-02', '2026-05-01', '2026-05-02', '2026-04-30', '2026-05-01'];
    const nos = await seedEntries(
      db,
      dates.map((date) => ({ contactNo: company, contactCompanyNo: company, date })),
    );
    const rows = nos.map((entryNo, i) => ({ entryNo, date: dates[i]! }));
    const asc = [...rows].sort((a, b) => a.date.localeCompare(b.date) || a.entryNo - b.entryNo).map((r) => r.entryNo);
    for (const limit of [500, 2]) {
      expect((await all(env(), `contactNo=${company}&sort=entryNo`, limit)).map((e) => e.entryNo)).toEqual(nos);
      expect((await all(env(), `contactNo=${company}&sort=-entryNo`, limit)).map((e) => e.entryNo)).toEqual([...nos].reverse());
      expect((await all(env(), `contactNo=${company}&sort=date`, limit)).map((e) => e.entryNo)).toEqual(asc);
      expect((await all(env(), `contactNo=${company}&sort=-date`, limit)).map((e) => e.entryNo)).toEqual([...asc].reverse());
    }
  });

  it('pages by keyset without repeating or skipping rows while entries are inserted between pages', async () => {
    const db = env().app.database.db;
    const company = unique('PC');
    await seedContact(db, { no: company, name: 'Paging Co' });
    const dates = Array.from({ length: 9 }, (_, i) => `2026-06-0${(i % 3) + 1}`);
    const original = await seedEntries(
      db,
      dates.map((date) => ({ contactNo: company, contactCompanyNo: company, date })),
    );
    for (const sort of ['-entryNo', 'entryNo', '-date', 'date']) {
      const seen: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: { body: { items: Item[]; nextCursor: string | null } } = await env().api(
          'GET',
          `/api/v1/interaction-log-entries?contactNo=${company}&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...res.body.items.map((e) => e.entryNo));
        cursor = res.body.nextCursor;
        // new entries land on both sides of the cursor: an early date and a late one
        if (++pages <= 3)
          await seedEntries(db, [
            { contactNo: company, contactCompanyNo: company, date: '2026-06-01' },
            { contactNo: company, contactCompanyNo: company, date: '2026-06-09' },
          ]);
      } while (cursor);
      expect(seen, sort).toEqual([...new Set(seen)]);
      for (const n of original) expect(seen, sort).toContain(n);
    }
  });

  it('binds a cursor to its filters and sort and validates the query', async () => {
    const db = env().app.database.db;
    const company = unique('VC');
    await seedContact(db, { no: company, name: 'Validation Co' });
    await seedEntries(db, [
      { contactNo: company, contactCompanyNo: company },
      { contactNo: company, contactCompanyNo: company },
    ]);
    const first = await env().api('GET', `/api/v1/interaction-log-entries?contactNo=${company}&limit=1`);
    const cursor = first.body.nextCursor as string;
    expect(cursor).toEqual(expect.any(String));
    expect((await env().api('GET', `/api/v1/interaction-log-entries?contactNo=${company}&limit=1&cursor=${cursor}`)).status).toBe(200);
    for (const other of [`contactNo=${company}&sort=date`, `contactNo=${company}&canceled=false`, 'limit=1']) {
      const res = await env().api('GET', `/api/v1/interaction-log-entries?${other}&cursor=${cursor}`);
      expect(res.status, other).toBe(400);
      expect(res.body.errors[0].path).toBe('query.cursor');
    }
    const bad: [string, string][] = [
      ['dateFrom=2026-02-01&dateTo=2026-01-31', 'query.dateFrom'],
      ['entryNoFrom=5&entryNoTo=4', 'query.entryNoFrom'],
      ['limit=0', 'query.limit'],
      ['limit=501', 'query.limit'],
      ['canceled=yes', 'query.canceled'],
      ['sort=contactNo', 'query.sort'],
      ['evaluation=great', 'query.evaluation'],
      ['dateFrom=2026-02-30', 'query.dateFrom'],
      ['colour=red', 'query.colour'],
    ];
    for (const [query, path] of bad) {
      const res = await env().api('GET', `/api/v1/interaction-log-entries?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(
        res.body.errors.map((e: { path: string }) => e.path),
        query,
      ).toContain(path);
    }
  });

  it('lets a viewer read the log but requires sign-in', async () => {
    const viewer = await env().tokenFor('viewer');
    expect((await env().api('GET', '/api/v1/interaction-log-entries', { token: viewer })).status).toBe(200);
    const anonymous = await env().api('GET', '/api/v1/interaction-log-entries', { token: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('unauthenticated');
  });
});
