import { sql } from 'kysely';
import { createServices } from '../../src/app/services';
import { NO_CONTACT_FILTER, NO_INTERACTION_FILTER, DEFAULT_OPTIONS } from '../../src/domain/segment/criteria';
import { createClock } from '../../src/domain/shared/clock';
import { createUnitOfWork } from '../../src/storage/kysely/stores';
import { benchUrl, closeRaw, freshDatabase, openMigrated, openRaw, type Dialect, type Raw } from '../lib/databases';
import { now, round } from '../lib/measure';
import type { Row } from '../lib/report';
import { perDialect, type BenchOptions, type Scenario } from './scenario';

// Segments at scale: add N contacts by criteria, preview and log the N-line segment, then cancel
// the logged segment, for each N of --segment-lines (100,000 and 1,000,000 by default). Beside
// each, the raw driver does the same database work on the same tables (same columns, indexes and
// statistics triggers) in the fastest way it has: INSERT … SELECT for the lines and their history, the three
// GROUP BY reads of the preview, one INSERT … SELECT for the entries (committed, as Rapport's log
// is, then removed untimed), one UPDATE for the cancel; the others in a transaction it rolls back.
// The notes give the raw figures without the statistics triggers, to show what the sums cost.

const seconds = (ms: number) => `${round(ms / 1000, 2)} s`;
const count = (n: number) => n.toLocaleString('en-US');

async function seed(dialect: Dialect, contacts: number): Promise<void> {
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
    // companies CT000001…, numbered in SQL (ASCII names, so lower() folds them as Rapport does)
    const series =
      dialect === 'sqlite'
        ? `with recursive s(i) as (select 1 union all select i + 1 from s where i < ${contacts}) select i from s`
        : `select i from generate_series(1, ${contacts}) as i`;
    const no = dialect === 'sqlite' ? `'CT' || printf('%07d', i)` : `'CT' || lpad(i::text, 7, '0')`;
    await sql
      .raw(
        `insert into contacts (no, type, name, search, company_no, email, salesperson_code, exclude_from_segment, privacy_blocked,
           post_code, country_code)
         select ${no}, 'company', 'Company ' || i, 'company ' || i, ${no}, 'c' || i || '@example.com', 'JO', 0, 0,
           cast(10000 + i % 90000 as text), 'DE'
         from (${series}) as n`,
      )
      .execute(db);
    if (dialect === 'postgres') await sql`analyze`.execute(db);
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

/** The entries of the segment's lines, as one INSERT … SELECT: the columns segment logging writes. */
const RAW_LOG = (p: string) => `
  insert into interaction_log_entries (contact_no, contact_company_no, date, description, subject, search, information_flow, initiated_by,
    interaction_group_code, interaction_template_code, cost_cents, duration_min, user_id, salesperson_code, segment_no,
    correspondence_type, created_at, origin)
  select l.contact_no, l.contact_company_no, l.date, l.description, l.description, lower(l.description), 'outbound', 'us',
    'LETTERS', l.interaction_template_code, l.cost_cents, l.duration_min, 'admin', l.salesperson_code, 'RAW',
    l.correspondence_type, '2026-11-28T00:00:00.000Z', 'segment'
  from segment_lines l where l.segment_no = ${p} order by l.line_no`;

/** The statistics triggers, dropped inside the rolled-back transaction for the "without" figure. */
async function dropStatsTriggers(raw: Raw, run: (text: string) => Promise<unknown[]>): Promise<void> {
  for (const t of ['entry_stats_insert', 'entry_stats_update', 'entry_stats_delete'])
    await run(raw.dialect === 'sqlite' ? `drop trigger ${t}` : `drop trigger ${t} on interaction_log_entries`);
}

/** The raw figure with and without the statistics triggers, as "x s" and a note. */
/** The raw driver's run of a statement, committed; answers the elapsed ms up to the end of the commit. */
async function rawCommitted(raw: Raw, statement: string, params: unknown[]): Promise<number> {
  if (raw.dialect === 'sqlite') {
    const start = now();
    raw.db.exec('begin');
    raw.db.prepare(statement).run(...params);
    raw.db.exec('commit');
    return now() - start;
  }
  const client = await raw.pool.connect();
  try {
    const start = now();
    await client.query('begin');
    await client.query(statement, params);
    await client.query('commit');
    return now() - start;
  } finally {
    client.release();
  }
}

/**
 * Removes what the raw log committed (untimed), so that Rapport logs into the same, empty table:
 * the raw entries are the only ones, so the log and its sums are emptied at once (on SQLite with
 * the delete trigger set aside, which would otherwise subtract row by row).
 */
async function removeRawEntries(raw: Raw): Promise<void> {
  if (raw.dialect === 'sqlite') {
    const others = raw.db.prepare("select count(*) as n from interaction_log_entries where segment_no is not 'RAW'").get() as { n: number };
    if (others.n > 0) throw new Error('the bench database holds entries besides the raw ones');
    const trigger = raw.db.prepare("select sql from sqlite_master where type = 'trigger' and name = 'entry_stats_delete'").get() as {
      sql: string;
    };
    raw.db.transaction(() => {
      raw.db.exec('drop trigger entry_stats_delete');
      raw.db.exec('delete from interaction_log_entries');
      raw.db.exec('delete from entry_stats');
      raw.db.exec(trigger.sql);
    })();
    return;
  }
  const others = await raw.pool.query("select count(*) as n from interaction_log_entries where segment_no is distinct from 'RAW'");
  if (Number(others.rows[0].n) > 0) throw new Error('the bench database holds entries besides the raw ones');
  // TRUNCATE empties entry_stats too (its trigger)
  await raw.pool.query('truncate interaction_log_entries');
  await raw.pool.query('vacuum analyze entry_stats');
}

/**
 * The raw figures of a write: with the statistics triggers (committed when `committed`, then
 * undone, else rolled back) and without them (dropped inside a rolled-back transaction).
 */
async function rawPair(raw: Raw, statement: string, params: unknown[], committed: boolean): Promise<{ with: number; without: number }> {
  let withTriggers: number;
  if (committed) {
    withTriggers = await rawCommitted(raw, statement, params);
    await removeRawEntries(raw);
  } else
    withTriggers = await rawRolledBack(raw, async (run) => {
      await run(statement, params);
    });
  let without = 0;
  await rawRolledBack(raw, async (run) => {
    await dropStatsTriggers(raw, run);
    const start = now();
    await run(statement, params);
    without = now() - start;
  });
  return { with: withTriggers, without };
}

async function runSize(dialect: Dialect, size: number, o: BenchOptions): Promise<Row[]> {
  o.log(`seeding ${count(size)} contacts`);
  await seed(dialect, size);
  const url = benchUrl(dialect, 'segments');
  const handle = await openMigrated(url);
  const raw = openRaw(url);
  const rows: Row[] = [];
  const n = count(size);
  try {
    const services = createServices({ uow: createUnitOfWork(handle.db, dialect), clock: createClock('UTC') });
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
      // the criteria history that makes go back exact: one row per added line, as Rapport writes it
      await run(
        `insert into criteria_action_contacts (segment_no, action_no, change, line_no, contact_no)
         select l.segment_no, 1, 'added', l.line_no, l.contact_no from segment_lines l where l.segment_no = 'BENCH'`,
      );
    });
    o.log(`adding ${n} contacts by criteria`);
    let start = now();
    const added = await segments.criteria.apply('BENCH', 'add', criteria);
    if (added.affected !== size) throw new Error(`added ${added.affected} contacts, expected ${size}`);
    rows.push({
      dialect,
      measure: `add ${n} contacts by criteria`,
      rapport: seconds(now() - start),
      raw: seconds(rawAdd),
      note: 'Rapport resolves each line (R41) and records the step for go back; raw: the same lines and history rows by two INSERT … SELECT',
    });

    const p = raw.dialect === 'postgres' ? '$1' : '?';
    const rawPreview = await rawRolledBack(raw, async (run) => {
      for (const k of ['l.interaction_template_code', 'l.language_code', 'l.correspondence_type'])
        await run(
          `select ${k}, count(*), sum(l.cost_cents), sum(l.duration_min) from segment_lines l join contacts c on c.no = l.contact_no
           where l.segment_no = ${p} and c.privacy_blocked = 0 group by ${k}`,
          ['BENCH'],
        );
    });
    o.log('previewing');
    start = now();
    const preview = await segments.log.preview('BENCH', false);
    rows.push({
      dialect,
      measure: `preview a ${n}-line segment`,
      rapport: seconds(now() - start),
      raw: seconds(rawPreview),
      target: `≤ ${seconds(2 * rawPreview)} (50 % of raw)`,
      note: 'the figures per template, language and correspondence type, the skipped and every refused line; raw: the three groupings alone',
    });
    if (preview.noOfEntries !== size) throw new Error(`preview counted ${preview.noOfEntries} entries, expected ${size}`);

    if (dialect === 'postgres') await sql`analyze segment_lines`.execute(handle.db);
    const rawLog = await rawPair(raw, RAW_LOG(p), ['BENCH'], true);
    o.log('logging');
    start = now();
    const logged = await segments.log.log('BENCH', { sendAttachments: false, createFollowUpSegment: false }, actor);
    const logMs = now() - start;
    if (logged.noOfInteractions !== size) throw new Error(`logged ${logged.noOfInteractions} entries, expected ${size}`);
    rows.push({
      dialect,
      measure: `log a ${n}-line segment`,
      rapport: seconds(logMs),
      raw: seconds(rawLog.with),
      target: `≤ ${seconds(2 * rawLog.with)} (50 % of raw)`,
      note: `all checks, the entries, the segment deleted; raw: the entries alone (${seconds(rawLog.without)} without the statistics triggers, rolled back); both committed`,
    });

    const rawCancel = await rawPair(
      raw,
      `update interaction_log_entries set canceled = 1 where logged_segment_entry_no = ${logged.loggedSegmentEntryNo}`,
      [],
      false,
    );
    o.log('canceling the logged segment');
    start = now();
    await segments.logged.setCanceled([logged.loggedSegmentEntryNo], true);
    rows.push({
      dialect,
      measure: `cancel a logged segment of ${n} entries`,
      rapport: seconds(now() - start),
      raw: seconds(rawCancel.with),
      note: `the logged segment, its entries and campaign entries, committed; raw: the entries alone, rolled back (${seconds(rawCancel.without)} without the statistics triggers)`,
    });
  } finally {
    await closeRaw(raw);
    await handle.close();
  }
  return rows;
}

/** The segment scenario for `npm run bench`. */
export const segmentsScenario: Scenario = {
  name: 'segments',
  title: 'Segments: contacts added by criteria, the segment previewed, logged and canceled',
  needsDataset: false,
  run: (o) =>
    perDialect(o, segmentsScenario, async (dialect) => {
      const rows: Row[] = [];
      for (const size of o.segmentLines) rows.push(...(await runSize(dialect, size, o)));
      return { rows };
    }),
};
