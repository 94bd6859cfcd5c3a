import { closeRaw, openRaw, type Dialect, type Raw } from '../lib/databases';
import { COMPANIES, contactNo, TEMPLATES } from '../lib/dataset';
import { datasetUrl } from '../lib/large-dataset';
import { sample } from '../lib/measure';
import { ms, type Row } from '../lib/report';
import { getJson, startServer } from '../lib/server';
import { NOT_AVAILABLE, perDialect, type BenchOptions, type Scenario } from './scenario';

// (b) Contact and template statistics over HTTP (median of 50, a different record each call),
// beside the raw driver running the same reads of the maintained sums and the last-date seeks,
// and, for scale, the template figures counted from the entries without the maintained sums.

const RANGE = { from: '2026-01-01', to: '2026-12-31' };
/** Alternately a company (its persons' entries included) and a person. */
const contactFor = (i: number) => contactNo(i % 2 ? 1 + ((i * 37) % COMPANIES) : COMPANIES + 1 + ((i * 313) % 16_000));
const templateFor = (i: number) => TEMPLATES[i % TEMPLATES.length]!;

type Reader = {
  contact(no: string): Promise<unknown>;
  template(code: string): Promise<unknown>;
  scan(code: string): Promise<unknown>;
};

function rawReader(raw: Raw): Reader {
  const sums = (p: (n: number) => string, range: boolean) =>
    `select coalesce(sum(n), 0) as n, coalesce(sum(cost_cents), 0) as cost, coalesce(sum(duration_min), 0) as duration
     from entry_stats where dim = ${p(1)} and key = ${p(2)}${range ? ` and date >= ${p(3)} and date <= ${p(4)}` : ''}`;
  const last = (p: (n: number) => string, column: string) =>
    `select (select date from interaction_log_entries where ${column} = ${p(1)} and postponed = 0 and date is not null and attempt_failed = 0 order by date desc limit 1) as last_interaction,
            (select date from interaction_log_entries where ${column} = ${p(1)} and postponed = 0 and date is not null and initiated_by = 'us' order by date desc limit 1) as last_attempted`;
  const scan = (p: (n: number) => string) =>
    `select count(*) as n, coalesce(sum(cost_cents), 0) as cost, coalesce(sum(duration_min), 0) as duration from interaction_log_entries
     where interaction_template_code = ${p(1)} and canceled = 0 and postponed = 0 and date >= ${p(2)} and date <= ${p(3)}`;
  if (raw.dialect === 'sqlite') {
    const db = raw.db;
    const type = db.prepare('select type from contacts where no = ?');
    const template = db.prepare('select code from interaction_templates where code = ?');
    const all = db.prepare(sums(() => '?', false));
    const ranged = db.prepare(sums(() => '?', true));
    const lastOf = { contact: db.prepare(last(() => '?', 'contact_no')), company: db.prepare(last(() => '?', 'contact_company_no')) };
    const scanned = db.prepare(scan(() => '?'));
    return {
      async contact(no) {
        const dim = (type.get(no) as { type: string }).type === 'company' ? 'company' : 'contact';
        return [all.get(dim, no), lastOf[dim].get(no, no)];
      },
      async template(code) {
        return [template.get(code), ranged.get('template', code, RANGE.from, RANGE.to)];
      },
      async scan(code) {
        return scanned.get(code, RANGE.from, RANGE.to);
      },
    };
  }
  const pool = raw.pool;
  const p = (n: number) => `$${n}`;
  return {
    async contact(no) {
      const { rows } = await pool.query('select type from contacts where no = $1', [no]);
      const dim = rows[0].type === 'company' ? 'company' : 'contact';
      return Promise.all([
        pool.query(sums(p, false), [dim, no]),
        pool.query(last(p, dim === 'company' ? 'contact_company_no' : 'contact_no'), [no]),
      ]);
    },
    template: (code) =>
      Promise.all([
        pool.query('select code from interaction_templates where code = $1', [code]),
        pool.query(sums(p, true), ['template', code, RANGE.from, RANGE.to]),
      ]),
    scan: (code) => pool.query(scan(p), [code, RANGE.from, RANGE.to]),
  };
}

async function runDialect(dialect: Dialect, o: BenchOptions): Promise<{ rows: Row[]; skipped?: string }> {
  const url = datasetUrl(dialect);
  const server = await startServer(url, o.serverFlags);
  const range = `?dateFrom=${RANGE.from}&dateTo=${RANGE.to}`;
  let contact: { median: number; p95: number };
  let template: { median: number; p95: number };
  let floor: { median: number; p95: number };
  try {
    const probe = await getJson(server, `/api/v1/contacts/${contactFor(1)}/statistics`);
    if (probe.status === 404 && probe.body?.code === 'not_found') return { rows: [], skipped: NOT_AVAILABLE };
    if (probe.status !== 200) throw new Error(`contact statistics answered ${probe.status}`);
    contact = await sample(50, (i) => getJson(server, `/api/v1/contacts/${contactFor(i)}/statistics`));
    template = await sample(50, (i) => getJson(server, `/api/v1/interaction-templates/${templateFor(i)}/statistics${range}`));
    floor = await sample(50, () => getJson(server, '/api/v1/auth/me'));
  } finally {
    await server.stop();
  }
  const raw = openRaw(url);
  const read = rawReader(raw);
  const rawContact = await sample(50, (i) => read.contact(contactFor(i)));
  const rawTemplate = await sample(50, (i) => read.template(templateFor(i)));
  const scan = await sample(10, (i) => read.scan(templateFor(i)), 1);
  await closeRaw(raw);
  return {
    rows: [
      {
        dialect,
        measure: 'GET /contacts/{no}/statistics (median of 50)',
        rapport: ms(contact.median),
        raw: ms(rawContact.median),
        target: '≤ 5 ms',
        note: `p95 ${ms(contact.p95)}`,
      },
      {
        dialect,
        measure: 'GET /interaction-templates/{code}/statistics for one year (median of 50)',
        rapport: ms(template.median),
        raw: ms(rawTemplate.median),
        target: '≤ 5 ms',
        note: `p95 ${ms(template.p95)}; counting the entries instead of the maintained sums: ${ms(scan.median)}`,
      },
      {
        dialect,
        measure: 'GET /auth/me: authentication alone, the floor of every request (median of 50)',
        rapport: ms(floor.median),
        raw: '',
        note: `p95 ${ms(floor.p95)}`,
      },
    ],
  };
}

export const statistics: Scenario = {
  name: 'statistics',
  title: 'Contact and template statistics',
  needsDataset: true,
  run(o) {
    return perDialect(o, this, (dialect) => runDialect(dialect, o));
  },
};
