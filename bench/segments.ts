import { createServices } from '../src/app/services';
import { NO_CONTACT_FILTER, NO_INTERACTION_FILTER, DEFAULT_OPTIONS } from '../src/domain/segment/criteria';
import { createClock } from '../src/domain/shared/clock';
import { fold } from '../src/storage/kysely/codec';
import { createUnitOfWork } from '../src/storage/kysely/stores';
import { benchUrl, closeRaw, freshDatabase, openMigrated, openRaw, type Dialect, type Raw } from './lib/databases';
import { now, round } from './lib/measure';
import type { Row, ScenarioResult } from './lib/report';
import { perDialect, type BenchOptions, type Scenario } from './scenarios/scenario';

// Segments at scale: add 100,000 contacts by criteria, preview and log a 100,000-line segment,
// then cancel the logged segment. Beside each, the raw driver does the same rows in a
// transaction it rolls back: an INSERT … SELECT for the lines, multi-row inserts of 400 entries
// for the log, one UPDATE for the cancel.

const CONTACTS = 100_000;
const CHUNK = 400;
const seconds = (ms: number) => `${round(ms / 1000, 2)} s`;

async function seed(dialect: Dialect): Promise<void> {
  const handle = await freshDatabase(dialect, 'segments');
  try {
    const db = handle.db;
    await db.insertInto('salespeople').values({ code: 'JO', name: 'John Owen', email: null, phone_no: null, blocked: 0 }).execute();
    await db.insertInto('interaction_groups').values({ code: 'LETTERS', description: 'Letters' }).execute();
    await db
      .insertInto('interaction_templates')
      .values({
        code: 'LETTER',
        interaction_group_code: 'LETTERS',
        description: 'Letter',
        unit_cost_cents: 50,
        unit_duration_min: 2,
        information_flow: 'outbound',
        initiated_by: 'us',
        campaign_no: null,
        campaign_target: 0,
        campaign_response: 0,
        correspondence_type_default: 'hard_copy',
        ignore_contact_correspondence_type: 0,
        language_code_default: null,
        wizard_action: null,
      })
      .execute();
    for (let i = 0; i < CONTACTS; i += 500) {
      const rows = [];
      for (let j = i; j < Math.min(CONTACTS, i + 500); j++) {
        const no = `CT${String(j + 1).padStart(6, '0')}`;
        const name = `Company ${j + 1}`;
        rows.push({
          no,
          type: 'company',
          name,
          search: fold(name),
          company_no: no,
          email: `c${j}@example.com`,
          phone_no: null,
          mobile_phone_no: null,
          salesperson_code: 'JO',
          language_code: null,
          correspondence_type: null,
          exclude_from_segment: 0,
          privacy_blocked: 0,
          address: null,
          post_code: String(10000 + (j % 90000)),
          city: null,
          country_code: 'DE',
          territory_code: null,
          customer_no: null,
          vendor_no: null,
        });
      }
      await db.insertInto('contacts').values(rows).execute();
    }
  } finally {
    await handle.close();
  }
}

/** The raw driver's run of a statement list inside a transaction it rolls back; answers the elapsed ms. */
async function rawRolledBack(
  raw: Raw,
  work: (run: (text: string, params?: unknown[]) => Promise<unknown[]>) => Promise<void>,
): Promise<number> {
  if (raw.dialect === 'sqlite') {
    raw.db.exec('begin');
    const start = now();
    await work(async (text, params = []) => {
      const st = raw.db.prepare(text);
      return st.reader ? st.all(...params) : (st.run(...params), []);
    });
    const ms = now() - start;
    raw.db.exec('rollback');
    return ms;
  }
  const client = await raw.pool.connect();
  try {
    await client.query('begin');
    const start = now();
    await work(async (text, params = []) => (await client.query(text, params)).rows);
    const ms = now() - start;
    await client.query('rollback');
    return ms;
  } finally {
    client.release();
  }
}

const ENTRY_COLUMNS = [
  'contact_no',
  'contact_company_no',
  'date',
  'description',
  'subject',
  'search',
  'information_flow',
  'initiated_by',
  'interaction_group_code',
  'interaction_template_code',
  'cost_cents',
  'duration_min',
  'user_id',
  'salesperson_code',
  'segment_no',
  'correspondence_type',
  'created_at',
  'origin',
];

/** Multi-row inserts of one entry per line, 400 rows a statement, as the log does. */
async function rawLog(raw: Raw, segmentNo: string): Promise<number> {
  return rawRolledBack(raw, async (run) => {
    const lines = (await run(
      `select line_no, contact_no, date, description, salesperson_code, interaction_template_code, cost_cents, duration_min, correspondence_type
       from segment_lines where segment_no = ${raw.dialect === 'postgres' ? '$1' : '?'} order by line_no`,
      [segmentNo],
    )) as {
      contact_no: string;
      date: string;
      description: string;
      salesperson_code: string;
      interaction_template_code: string;
      cost_cents: number;
      duration_min: number;
      correspondence_type: string | null;
    }[];
    const createdAt = new Date().toISOString();
    for (let i = 0; i < lines.length; i += CHUNK) {
      const chunk = lines.slice(i, i + CHUNK);
      let p = 0;
      const tuples = chunk.map(() => `(${ENTRY_COLUMNS.map(() => (raw.dialect === 'postgres' ? `$${++p}` : '?')).join(', ')})`).join(', ');
      const params = chunk.flatMap((l) => [
        l.contact_no,
        l.contact_no,
        l.date,
        l.description,
        l.description,
        fold(l.description),
        'outbound',
        'us',
        'LETTERS',
        l.interaction_template_code,
        l.cost_cents,
        l.duration_min,
        'admin',
        l.salesperson_code,
        segmentNo,
        l.correspondence_type,
        createdAt,
        'segment',
      ]);
      await run(`insert into interaction_log_entries (${ENTRY_COLUMNS.join(', ')}) values ${tuples}`, params);
    }
  });
}

async function runDialect(dialect: Dialect, o: BenchOptions): Promise<{ rows: Row[] }> {
  o.log(`seeding ${CONTACTS} contacts`);
  await seed(dialect);
  const url = benchUrl(dialect, 'segments');
  const handle = await openMigrated(url);
  const raw = openRaw(url);
  const rows: Row[] = [];
  try {
    const services = createServices({ uow: createUnitOfWork(handle.db, dialect), clock: createClock('UTC'), smtpUrl: null });
    const segments = services.segments;
    const actor = { username: 'admin', salespersonCode: null };
    await segments.headers.create(
      { no: 'BENCH', description: 'Bench mailing', interactionTemplateCode: 'LETTER', salespersonCode: 'JO' },
      actor,
    );
    const criteria = {
      contactFilter: { ...NO_CONTACT_FILTER, countryCode: 'DE' },
      interactionFilter: NO_INTERACTION_FILTER,
      options: DEFAULT_OPTIONS,
    };

    const rawAdd = await rawRolledBack(raw, async (run) => {
      await run(
        `insert into segment_lines (segment_no, line_no, contact_no, contact_company_no, description, date, salesperson_code, interaction_template_code,
           interaction_group_code, cost_cents, duration_min, correspondence_type, campaign_target, campaign_response, attempt_failed)
         select 'BENCH', 10000 * row_number() over (order by c.no), c.no, c.company_no, 'Bench mailing', '2026-11-28', 'JO', 'LETTER', 'LETTERS', 50, 2,
           coalesce(c.correspondence_type, 'hard_copy'), 0, 0, 0
         from contacts c where c.country_code = 'DE' and c.privacy_blocked = 0 and c.exclude_from_segment = 0`,
      );
    });
    o.log('adding contacts by criteria');
    let start = now();
    const added = await segments.criteria.apply('BENCH', 'add', criteria);
    rows.push({
      dialect,
      measure: `add ${added.affected} contacts by criteria`,
      rapport: seconds(now() - start),
      raw: seconds(rawAdd),
      note: 'INSERT … SELECT with R41 resolution; raw: the same insert without history',
    });

    o.log('previewing');
    start = now();
    const preview = await segments.log.preview('BENCH', false);
    rows.push({ dialect, measure: `preview ${preview.noOfEntries} lines`, rapport: seconds(now() - start), raw: '' });

    const rawLogMs = await rawLog(raw, 'BENCH');
    o.log('logging');
    start = now();
    const logged = await segments.log.log('BENCH', { sendAttachments: false, createFollowUpSegment: false }, actor);
    rows.push({
      dialect,
      measure: `log ${logged.noOfInteractions} lines`,
      rapport: seconds(now() - start),
      raw: seconds(rawLogMs),
      note: 'one transaction; raw: the same rows as multi-row inserts of 400',
    });

    const rawCancel = await rawRolledBack(raw, async (run) => {
      await run(`update interaction_log_entries set canceled = 1 where logged_segment_entry_no = ${logged.loggedSegmentEntryNo}`);
    });
    o.log('canceling the logged segment');
    start = now();
    await segments.logged.setCanceled([logged.loggedSegmentEntryNo], true);
    rows.push({
      dialect,
      measure: `cancel a logged segment of ${logged.noOfInteractions} entries`,
      rapport: seconds(now() - start),
      raw: seconds(rawCancel),
    });
  } finally {
    await closeRaw(raw);
    await handle.close();
  }
  return { rows };
}

/** The segment scenario for `npm run bench`. */
export const segmentsScenario: Scenario = {
  name: 'segments',
  title: 'Segments: 100,000 contacts added by criteria, previewed, logged and canceled',
  needsDataset: false,
  run: (o) => runSegmentBench(o),
};

export function runSegmentBench(o: BenchOptions): Promise<ScenarioResult> {
  return perDialect(o, segmentsScenario, (dialect) => runDialect(dialect, o));
}
