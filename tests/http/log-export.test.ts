import { expect, it } from 'vitest';
import { LOG_ENTRY_FIELDS } from '../../src/edge/json/interaction-log';
import { seedContact, seedEntries, seedEntry, unique } from '../support/seed-entries';
import { describeEachDialect } from '../support/test-app';

const BASE = '/api/v1/interaction-log-entries';

/** A small RFC 4180 reader for the assertions: records of cells, CRLF line ends. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      cells.push(cell);
      records.push(cells);
      cells = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  expect(cell).toBe('');
  return records;
}

describeEachDialect('interaction log entries: export', (env) => {
  it('downloads CSV with a header row in field order, CRLF, booleans, empty nulls and 2-decimal money', async () => {
    const db = env().app.database.db;
    const company = unique('XC');
    await seedContact(db, { no: company, name: 'Export, "Quoted" AB' });
    const [a, b] = await seedEntries(db, [
      { contactNo: company, contactCompanyNo: company, costCents: 50, durationMin: 5, canceled: true, description: 'Plain' },
      {
        contactNo: company,
        contactCompanyNo: company,
        costCents: 1200,
        description: 'Line one\nline two',
        subject: null,
        evaluation: 'positive',
      },
    ]);
    const res = await env().api('GET', `${BASE}?contactNo=${company}&format=csv&sort=entryNo&limit=1`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="interaction-log-entries.csv"');
    expect(res.text.startsWith(`${LOG_ENTRY_FIELDS.join(',')}\r\n`)).toBe(true);
    expect(res.text.endsWith('\r\n')).toBe(true);

    const [header, ...rows] = parseCsv(res.text);
    expect(header).toEqual([...LOG_ENTRY_FIELDS]);
    expect(rows).toHaveLength(2);
    const record = (i: number) => Object.fromEntries(header!.map((f, j) => [f, rows[i]![j]]));
    expect(record(0)).toMatchObject({
      entryNo: String(a),
      contactName: 'Export, "Quoted" AB',
      costLcy: '0.50',
      durationMin: '5',
      canceled: 'true',
      postponed: 'false',
      evaluation: '',
      timeOfInteraction: '10:16:00',
      versionNo: '0',
      attachmentId: '',
    });
    expect(record(1)).toMatchObject({
      entryNo: String(b),
      costLcy: '12.00',
      description: 'Line one\nline two',
      subject: '',
      evaluation: 'positive',
    });
    expect(res.text).toContain('"Export, ""Quoted"" AB"');
  });

  it('prefixes text cells that a spreadsheet would read as a formula, codes included', async () => {
    const db = env().app.database.db;
    const company = `-${unique('F')}`;
    await seedContact(db, { no: company, name: '=HYPERLINK("http://x")' });
    const texts = ['=1+1', '+49 30 1234', '-minus', '@SUM(A1)', '\ttabbed', '\rreturn', 'safe'];
    await seedEntries(
      db,
      texts.map((description) => ({ contactNo: company, contactCompanyNo: company, description, subject: 'plain' })),
    );
    const res = await env().api('GET', `${BASE}?contactNo=${encodeURIComponent(company)}&format=csv&sort=entryNo`);
    const [header, ...rows] = parseCsv(res.text);
    const at = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => r[at('description')])).toEqual([
      "'=1+1",
      "'+49 30 1234",
      "'-minus",
      "'@SUM(A1)",
      "'\ttabbed",
      "'\rreturn",
      'safe',
    ]);
    expect(rows.every((r) => r[at('contactNo')] === `'${company}`)).toBe(true);
    expect(rows[0]![at('contactName')]).toBe(`'=HYPERLINK("http://x")`);
    expect(rows[0]![at('date')]).toBe('2026-11-28');
  });

  it('streams the whole filtered, sorted set across read batches, ignoring limit and cursor', async () => {
    const db = env().app.database.db;
    const company = unique('BX');
    await seedContact(db, { no: company, name: 'Bulk Export' });
    const dates = Array.from({ length: 2345 }, (_, i) => `2026-0${(i % 9) + 1}-15`);
    const nos = await seedEntries(
      db,
      dates.map((date) => ({ contactNo: company, contactCompanyNo: company, date })),
    );
    await seedEntry(db, { contactNo: company, contactCompanyNo: company, postponed: true, date: null });
    const expected = nos
      .map((entryNo, i) => ({ entryNo, date: dates[i]! }))
      .sort((x, y) => y.date.localeCompare(x.date) || y.entryNo - x.entryNo)
      .map((r) => String(r.entryNo));

    const first = await env().api('GET', `${BASE}?contactNo=${company}&sort=-date&limit=5`);
    const csv = await env().api('GET', `${BASE}?contactNo=${company}&sort=-date&format=csv&limit=5&cursor=${first.body.nextCursor}`);
    const [, ...rows] = parseCsv(csv.text);
    expect(rows.map((r) => r[0])).toEqual(expected);

    const json = await env().api('GET', `${BASE}?contactNo=${company}&sort=-date&format=json`);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.headers['content-disposition']).toBe('attachment; filename="interaction-log-entries.json"');
    expect(Array.isArray(json.body)).toBe(true);
    expect(json.body.map((e: { entryNo: number }) => String(e.entryNo))).toEqual(expected);
  });

  it('downloads JSON as one array of the same items the list answers', async () => {
    const db = env().app.database.db;
    const company = unique('JX');
    await seedContact(db, { no: company, name: 'Json Export' });
    await seedEntries(db, [
      { contactNo: company, contactCompanyNo: company, costCents: 5 },
      { contactNo: company, contactCompanyNo: company, canceled: true },
    ]);
    const list = await env().api('GET', `${BASE}?contactNo=${company}&canceled=true`);
    const json = await env().api('GET', `${BASE}?contactNo=${company}&canceled=true&format=json`);
    expect(json.body).toEqual(list.body.items);
    const empty = await env().api('GET', `${BASE}?contactNo=${unique('NONE')}&format=json`);
    expect(empty.body).toEqual([]);
    const emptyCsv = await env().api('GET', `${BASE}?contactNo=${unique('NONE')}&format=csv`);
    expect(emptyCsv.text).toBe(`${LOG_ENTRY_FIELDS.join(',')}\r\n`);
    const bad = await env().api('GET', `${BASE}?format=xml`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('query.format');
  });
});
