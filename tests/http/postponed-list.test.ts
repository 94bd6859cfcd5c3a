import { expect, it } from 'vitest';
import type { NewLogEntry } from '../../src/domain/interaction-log/interaction-log';
import { LOG_ENTRY_FIELDS } from '../../src/edge/json/interaction-log';
import { seedContact, seedEntries, unique } from '../support/seed-entries';
import { describeEachDialect, type TestEnv } from '../support/test-app';

const BASE = '/api/v1/postponed-interactions';
const LOG = '/api/v1/interaction-log-entries';

type Item = { entryNo: number; date: string | null; postponed: boolean; [k: string]: unknown };
type PageBody = { items: Item[]; nextCursor: string | null };

/** Follows nextCursor to the end and answers the entry numbers in the order received. */
async function all(env: TestEnv, url: string, query: string, limit = 500): Promise<number[]> {
  const out: number[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: PageBody } = await env.api(
      'GET',
      `${url}?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.status, query).toBe(200);
    out.push(...res.body.items.map((e) => e.entryNo));
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

/** The first cell of each CSV record after the header (the entry numbers); texts here hold no commas or quotes. */
const csvEntryNos = (text: string) =>
  text
    .split('\r\n')
    .slice(1, -1)
    .map((line) => Number(line.split(',')[0]));

describeEachDialect('postponed interactions: list and download', (env) => {
  const db = () => env().app.database.db;

  it('combines every filter of the log with AND and shows postponed entries only, the log never', async () => {
    const company = unique('PF');
    const other = unique('PF');
    await seedContact(db(), { no: company, name: 'Postponed Filter Co' });
    await seedContact(db(), { no: other, name: 'Other Co' });
    const base = { contactNo: company, contactCompanyNo: company };
    const specs: Partial<NewLogEntry>[] = [
      {
        ...base,
        date: '2026-01-10',
        interactionTemplateCode: 'LETTER',
        interactionGroupCode: 'MAIL',
        salespersonCode: 'JO',
        campaignNo: 'CP00001',
        evaluation: 'positive',
        correspondenceType: 'email',
        description: 'Quarterly review',
      },
      {
        ...base,
        date: '2026-02-10',
        attemptFailed: true,
        segmentNo: 'SM00001',
        informationFlow: 'inbound',
        initiatedBy: 'them',
        subject: 'Price 50% off',
      },
      { ...base, date: null, documentType: 'sales_invoice', documentNo: 'INV-1', salespersonCode: 'JO' },
      { ...base, date: '2026-04-10', opportunityNo: 'OP000001', taskNo: 'TD000001', evaluation: 'negative', origin: 'phone_call' },
      { contactNo: other, contactCompanyNo: other, date: '2026-02-10', salespersonCode: 'JO' },
    ];
    // each postponed entry has a logged twin with the same values
    const postponedNos = await seedEntries(
      db(),
      specs.map((s) => ({ ...s, postponed: true, date: s.date ?? null })),
    );
    const loggedNos = await seedEntries(
      db(),
      specs.map((s) => ({ ...s, date: s.date ?? '2026-03-10' })),
    );
    const postponed = specs.map((s, i) => ({ ...s, entryNo: postponedNos[i]! }));

    const cases: [string, (e: (typeof postponed)[number]) => boolean][] = [
      ['', () => true],
      ['interactionTemplateCode=letter', (e) => e.interactionTemplateCode === 'LETTER'],
      ['interactionGroupCode=MAIL', (e) => e.interactionGroupCode === 'MAIL'],
      ['salespersonCode=jo', (e) => e.salespersonCode === 'JO'],
      ['campaignNo=CP00001', (e) => e.campaignNo === 'CP00001'],
      ['segmentNo=SM00001', (e) => e.segmentNo === 'SM00001'],
      ['attemptFailed=true', (e) => e.attemptFailed === true],
      ['canceled=false', () => true],
      ['canceled=true', () => false],
      ['evaluation=negative', (e) => e.evaluation === 'negative'],
      ['documentType=sales_invoice&documentNo=inv-1', (e) => e.documentNo === 'INV-1'],
      ['opportunityNo=OP000001&taskNo=TD000001', (e) => e.opportunityNo === 'OP000001'],
      ['correspondenceType=email', (e) => e.correspondenceType === 'email'],
      ['informationFlow=inbound&initiatedBy=them', (e) => e.informationFlow === 'inbound'],
      ['origin=phone_call', (e) => e.origin === 'phone_call'],
      ['q=REVIEW', (e) => e.description === 'Quarterly review'],
      ['q=50%25', (e) => e.subject === 'Price 50% off'],
      ['dateFrom=2026-02-01', (e) => e.date !== null && e.date! >= '2026-02-01'],
      // as BC: a blank date is the lowest date, inside every range that has no lower bound
      ['dateTo=2026-02-10', (e) => e.date === null || e.date! <= '2026-02-10'],
      ['dateFrom=2026-02-01&dateTo=2026-03-31', (e) => e.date === '2026-02-10'],
      [
        `entryNoFrom=${postponedNos[1]}&entryNoTo=${postponedNos[2]}`,
        (e) => e.entryNo === postponedNos[1] || e.entryNo === postponedNos[2],
      ],
      ['salespersonCode=JO&evaluation=positive', (e) => e.salespersonCode === 'JO' && e.evaluation === 'positive'],
    ];
    for (const [query, keep] of cases) {
      for (const scope of [`contactNo=${company}`, `contactCompanyNo=${company}`]) {
        const want = postponed
          .filter((e) => e.contactNo === company && keep(e))
          .map((e) => e.entryNo)
          .reverse();
        expect(await all(env(), BASE, `${scope}&${query}`), `${scope}&${query}`).toEqual(want);
      }
    }
    const list = await env().api('GET', `${BASE}?contactNo=${company}`);
    expect(list.body.items.every((e: Item) => e.postponed)).toBe(true);
    expect(list.body.items[0]).toMatchObject({ contactName: 'Postponed Filter Co', contactCompanyName: 'Postponed Filter Co' });
    // the log answers the logged twins and none of the postponed entries
    expect(await all(env(), LOG, `contactCompanyNo=${company}&sort=entryNo`)).toEqual(loggedNos.slice(0, 4));
  });

  it('sorts by entryNo and date both ways, an undated entry first ascending, date ties by entryNo', async () => {
    const company = unique('PS');
    await seedContact(db(), { no: company, name: 'Sort Co' });
    const base = { contactNo: company, contactCompanyNo: company, postponed: true };
    const [a, b, c, d] = await seedEntries(db(), [
      { ...base, date: '2026-11-03' },
      { ...base, date: '2026-11-01' },
      { ...base, date: null },
      { ...base, date: '2026-11-01' },
    ]);
    for (const limit of [1, 2, 500]) {
      expect(await all(env(), BASE, `contactNo=${company}`, limit)).toEqual([d, c, b, a]);
      expect(await all(env(), BASE, `contactNo=${company}&sort=-entryNo`, limit)).toEqual([d, c, b, a]);
      expect(await all(env(), BASE, `contactNo=${company}&sort=entryNo`, limit)).toEqual([a, b, c, d]);
      expect(await all(env(), BASE, `contactNo=${company}&sort=date`, limit)).toEqual([c, b, d, a]);
      expect(await all(env(), BASE, `contactNo=${company}&sort=-date`, limit)).toEqual([a, d, b, c]);
    }
  });

  it('pages by keyset without repeating or skipping rows while entries are added between pages', async () => {
    const company = unique('PK');
    await seedContact(db(), { no: company, name: 'Paging Co' });
    const base = { contactNo: company, contactCompanyNo: company, postponed: true };
    const original = await seedEntries(
      db(),
      Array.from({ length: 9 }, (_, i) => ({ ...base, date: i % 3 === 0 ? null : `2026-06-0${i % 3}` })),
    );
    for (const sort of ['-entryNo', 'entryNo', '-date', 'date']) {
      const seen: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: { status: number; body: PageBody } = await env().api(
          'GET',
          `${BASE}?contactNo=${company}&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((e) => e.entryNo));
        cursor = res.body.nextCursor;
        // new entries land on both sides of the cursor: undated, and a late date
        if (++pages <= 3)
          await seedEntries(db(), [
            { ...base, date: null },
            { ...base, date: '2026-06-09' },
          ]);
      } while (cursor);
      expect(seen, sort).toEqual([...new Set(seen)]);
      for (const n of original) expect(seen, sort).toContain(n);
    }
  });

  it('binds a cursor to its list, filters and sort and validates the query as the log does', async () => {
    const company = unique('PV');
    await seedContact(db(), { no: company, name: 'Validation Co' });
    await seedEntries(db(), [
      { contactNo: company, contactCompanyNo: company, postponed: true },
      { contactNo: company, contactCompanyNo: company, postponed: true },
      { contactNo: company, contactCompanyNo: company },
      { contactNo: company, contactCompanyNo: company },
    ]);
    const first = await env().api('GET', `${BASE}?contactNo=${company}&limit=1`);
    const cursor = first.body.nextCursor as string;
    expect(cursor).toEqual(expect.any(String));
    expect((await env().api('GET', `${BASE}?contactNo=${company}&limit=1&cursor=${cursor}`)).status).toBe(200);
    const logFirst = await env().api('GET', `${LOG}?contactNo=${company}&limit=1`);
    const refused: [string, string][] = [
      [BASE, `contactNo=${company}&sort=date&cursor=${cursor}`],
      [BASE, `contactNo=${company}&canceled=false&cursor=${cursor}`],
      [LOG, `contactNo=${company}&limit=1&cursor=${cursor}`],
      [BASE, `contactNo=${company}&limit=1&cursor=${logFirst.body.nextCursor}`],
    ];
    for (const [url, query] of refused) {
      const res = await env().api('GET', `${url}?${query}`);
      expect(res.status, `${url}?${query}`).toBe(400);
      expect(res.body.errors[0].path).toBe('query.cursor');
    }
    const bad: [string, string][] = [
      ['dateFrom=2026-02-01&dateTo=2026-01-31', 'query.dateFrom'],
      ['entryNoFrom=5&entryNoTo=4', 'query.entryNoFrom'],
      ['limit=501', 'query.limit'],
      ['sort=contactNo', 'query.sort'],
      ['origin=fax', 'query.origin'],
      ['format=xml', 'query.format'],
      ['colour=red', 'query.colour'],
    ];
    for (const [query, path] of bad) {
      const res = await env().api('GET', `${BASE}?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(
        res.body.errors.map((e: { path: string }) => e.path),
        query,
      ).toContain(path);
    }
  });

  it('downloads CSV and JSON named postponed-interactions: the whole filtered, sorted set, limit and cursor ignored', async () => {
    const company = unique('PX');
    await seedContact(db(), { no: company, name: 'Export Co' });
    // more than one read batch, undated entries among them, and logged entries that must stay out
    const dates = Array.from({ length: 1234 }, (_, i) => (i % 5 === 0 ? null : `2026-0${(i % 9) + 1}-15`));
    const nos = await seedEntries(
      db(),
      dates.map((date, i) => ({ contactNo: company, contactCompanyNo: company, postponed: true, date, costCents: i === 1 ? 1250 : 0 })),
    );
    await seedEntries(db(), [
      { contactNo: company, contactCompanyNo: company, date: '2026-05-15' },
      { contactNo: company, contactCompanyNo: company, date: '2026-01-15' },
    ]);
    const expected = nos
      .map((entryNo, i) => ({ entryNo, date: dates[i] ?? '' }))
      .sort((x, y) => y.date.localeCompare(x.date) || y.entryNo - x.entryNo)
      .map((r) => r.entryNo);

    const first = await env().api('GET', `${BASE}?contactNo=${company}&sort=-date&limit=5`);
    expect(first.body.items.map((e: Item) => e.entryNo)).toEqual(expected.slice(0, 5));
    const csv = await env().api('GET', `${BASE}?contactNo=${company}&sort=-date&format=csv&limit=5&cursor=${first.body.nextCursor}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="postponed-interactions.csv"');
    expect(csv.text.startsWith(`${LOG_ENTRY_FIELDS.join(',')}\r\n`)).toBe(true);
    expect(csvEntryNos(csv.text)).toEqual(expected);
    const header = LOG_ENTRY_FIELDS as readonly string[];
    const second = csv.text
      .split('\r\n')
      .find((line) => line.startsWith(`${nos[1]},`))!
      .split(',');
    expect(second[header.indexOf('costLcy')]).toBe('12.50');
    expect(second[header.indexOf('postponed')]).toBe('true');
    const undated = csv.text
      .split('\r\n')
      .find((line) => line.startsWith(`${nos[0]},`))!
      .split(',');
    expect(undated[header.indexOf('date')]).toBe('');

    const json = await env().api('GET', `${BASE}?contactNo=${company}&sort=date&format=json&cursor=${first.body.nextCursor}`);
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.headers['content-disposition']).toBe('attachment; filename="postponed-interactions.json"');
    expect(json.body.map((e: Item) => e.entryNo)).toEqual(
      nos
        .map((entryNo, i) => ({ entryNo, date: dates[i] ?? '' }))
        .sort((x, y) => x.date.localeCompare(y.date) || x.entryNo - y.entryNo)
        .map((r) => r.entryNo),
    );
    const page = await env().api('GET', `${BASE}?contactNo=${company}&dateFrom=2026-09-01&sort=entryNo&limit=500`);
    const filtered = await env().api('GET', `${BASE}?contactNo=${company}&dateFrom=2026-09-01&sort=entryNo&format=json`);
    expect(filtered.body).toEqual(page.body.items);
    expect(filtered.body.length).toBeGreaterThan(0);
    const empty = await env().api('GET', `${BASE}?contactNo=${unique('NONE')}&format=csv`);
    expect(empty.text).toBe(`${LOG_ENTRY_FIELDS.join(',')}\r\n`);
  });

  it('lets a viewer read and download the list but requires sign-in', async () => {
    const viewer = await env().tokenFor('viewer');
    expect((await env().api('GET', BASE, { token: viewer })).status).toBe(200);
    expect((await env().api('GET', `${BASE}?format=json`, { token: viewer })).status).toBe(200);
    const anonymous = await env().api('GET', `${BASE}?format=csv`, { token: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('unauthenticated');
  });
});
