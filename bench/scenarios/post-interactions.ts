import { benchUrl, closeRaw, freshDatabase, openRaw, type Dialect, type Raw } from '../lib/databases';
import { contactNo, COMPANIES, PERSONS, seedMasters } from '../lib/dataset';
import { now, random } from '../lib/measure';
import { perSecond, type Row } from '../lib/report';
import { startBareServer } from '../lib/bare-server';
import { startServer, type RunningServer } from '../lib/server';
import { NOT_AVAILABLE, perDialect, type BenchOptions, type Scenario } from './scenario';

// (a) POST /interactions over real HTTP: a server process, and concurrent fetch from this one.
// The raw driver does the same database work per request: read the contact, the template and the
// salesperson, insert the entry and read it back, in one transaction; so does a bare Fastify route
// (bench/bare-fastify-server.ts), to show what HTTP alone takes from the raw driver's rate.

const TEMPLATE = 'T05';
const SALESPERSON = 'SP03';

async function drive(
  server: Pick<RunningServer, 'base'> & { readonly token?: string },
  total: number,
  concurrency: number,
): Promise<{ seconds: number; statuses: Map<number, number> }> {
  const rnd = random(42);
  const statuses = new Map<number, number>();
  let issued = 0;
  const worker = async () => {
    while (issued < total) {
      issued++;
      const contact = contactNo(1 + rnd.int(COMPANIES + PERSONS));
      const res = await fetch(`${server.base}/api/v1/interactions`, {
        method: 'POST',
        headers: { ...(server.token && { authorization: `Bearer ${server.token}` }), 'content-type': 'application/json' },
        body: JSON.stringify({
          contactNo: contact,
          interactionTemplateCode: TEMPLATE,
          description: 'Bench call',
          comments: ['Wants a demo'],
        }),
      });
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
  };
  const start = now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { seconds: (now() - start) / 1000, statuses };
}

const ENTRY_INSERT = `insert into interaction_log_entries (contact_no, contact_company_no, date, time_of_interaction, description, subject, search,
    interaction_template_code, interaction_group_code, cost_cents, duration_min, user_id, salesperson_code, created_at, origin, has_comments)`;

const entryValues = (no: string, company: string) => [
  no,
  company,
  '2026-11-28',
  '10:16:00',
  'Bench call',
  'Bench call',
  'bench call',
  TEMPLATE,
  'EMAIL',
  125,
  5,
  'bench',
  SALESPERSON,
  '2026-11-28T10:15:01.000Z',
];

/**
 * The raw driver's work for one interaction: read the contact, the template and the salesperson,
 * insert the entry and its comment, read the entry back, in one transaction. Also run by the bare
 * Fastify route (bench/bare-fastify-server.ts).
 */
export function rawLogger(raw: Raw): (contactNo: string) => Promise<unknown> {
  if (raw.dialect === 'sqlite') {
    const db = raw.db;
    const contact = db.prepare('select no, company_no, salesperson_code, privacy_blocked from contacts where no = ?');
    const template = db.prepare('select * from interaction_templates where code = ?');
    const salesperson = db.prepare('select code, blocked from salespeople where code = ?');
    const add = db.prepare(`${ENTRY_INSERT} values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'interaction', 1)`);
    const comment = db.prepare(
      `insert into entry_comments (entry_no, line_no, date, comment) values (?, 10000, '2026-11-28', 'Wants a demo')`,
    );
    const read = db.prepare('select * from interaction_log_entries where entry_no = ?');
    const log = db.transaction((no: string) => {
      const c = contact.get(no) as { company_no: string };
      template.get(TEMPLATE);
      salesperson.get(SALESPERSON);
      const { lastInsertRowid } = add.run(...entryValues(no, c.company_no));
      comment.run(lastInsertRowid);
      return read.get(lastInsertRowid);
    });
    return async (no) => log(no);
  }
  const pool = raw.pool;
  return async (no) => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const c = await client.query('select no, company_no, salesperson_code, privacy_blocked from contacts where no = $1', [no]);
      await client.query('select * from interaction_templates where code = $1', [TEMPLATE]);
      await client.query('select code, blocked from salespeople where code = $1', [SALESPERSON]);
      const added = await client.query(
        `${ENTRY_INSERT} values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'interaction', 1) returning entry_no`,
        entryValues(no, c.rows[0].company_no),
      );
      await client.query(`insert into entry_comments (entry_no, line_no, date, comment) values ($1, 10000, '2026-11-28', 'Wants a demo')`, [
        added.rows[0].entry_no,
      ]);
      const read = await client.query('select * from interaction_log_entries where entry_no = $1', [added.rows[0].entry_no]);
      await client.query('commit');
      return read.rows[0];
    } finally {
      client.release();
    }
  };
}

async function rawLogging(raw: Raw, total: number, concurrency: number): Promise<number> {
  const rnd = random(43);
  const log = rawLogger(raw);
  const start = now();
  if (raw.dialect === 'sqlite') {
    for (let i = 0; i < total; i++) await log(contactNo(1 + rnd.int(COMPANIES + PERSONS)));
  } else {
    let issued = 0;
    const worker = async () => {
      while (issued < total) {
        issued++;
        await log(contactNo(1 + rnd.int(COMPANIES + PERSONS)));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }
  return total / ((now() - start) / 1000);
}

async function runDialect(dialect: Dialect, o: BenchOptions): Promise<{ rows: Row[]; skipped?: string }> {
  const handle = await freshDatabase(dialect, 'post');
  await seedMasters(handle.db);
  await handle.close();
  const url = benchUrl(dialect, 'post');
  const server = await startServer(url, o.serverFlags, SALESPERSON);
  let run: Awaited<ReturnType<typeof drive>>;
  try {
    const probe = await drive(server, 1, 1);
    const status = [...probe.statuses.keys()][0];
    if (status !== 201) return { rows: [], skipped: status === 404 ? NOT_AVAILABLE : `POST /interactions answered ${status}` };
    o.log(`  ${dialect}: warm-up`);
    await drive(server, Math.min(500, o.requests), o.concurrency);
    o.log(`  ${dialect}: ${o.requests} requests, ${o.concurrency} at a time`);
    run = await drive(server, o.requests, o.concurrency);
  } finally {
    await server.stop();
  }
  const failed = [...run.statuses].filter(([s]) => s !== 201);
  o.log(`  ${dialect}: the same on a bare Fastify route doing the raw driver's work`);
  const bare = await startBareServer(url, o.serverFlags);
  let bareRun: Awaited<ReturnType<typeof drive>>;
  try {
    await drive(bare, Math.min(500, o.requests), o.concurrency);
    bareRun = await drive(bare, o.requests, o.concurrency);
  } finally {
    await bare.stop();
  }
  const raw = openRaw(url);
  const rawRate = await rawLogging(raw, o.requests, o.concurrency);
  await closeRaw(raw);
  return {
    rows: [
      {
        dialect,
        measure: `POST /interactions, ${o.concurrency} concurrent`,
        rapport: perSecond(o.requests / run.seconds),
        raw: perSecond(rawRate),
        target: dialect === 'sqlite' ? '≥ 2,000/s' : '',
        note: `${failed.length ? `non-201 answers: ${failed.map(([s, n]) => `${n}×${s}`).join(', ')}` : `${o.requests} × 201`}; ${Math.round((100 * o.requests) / run.seconds / rawRate)} % of the raw driver`,
      },
      {
        dialect,
        measure: `same work on a bare Fastify route (the raw driver behind one route, no authentication), ${o.concurrency} concurrent`,
        rapport: '',
        raw: perSecond(o.requests / bareRun.seconds),
        target: '',
        note: `Rapport ${Math.round((100 * bareRun.seconds) / run.seconds)} % of it; the bare route ${Math.round((100 * o.requests) / bareRun.seconds / rawRate)} % of the raw driver`,
      },
    ],
  };
}

export const postInteractions: Scenario = {
  name: 'post-interactions',
  title: 'POST /interactions throughput over HTTP',
  needsDataset: false,
  run(o) {
    return perDialect(o, this, (dialect) => runDialect(dialect, o));
  },
};
