import { closeRaw, openRaw, type Dialect, type Raw } from '../lib/databases';
import { entryRowAt, ROWS_PER_STATEMENT } from '../lib/dataset';
import { datasetUrl, generateDataset } from '../lib/large-dataset';
import { now } from '../lib/measure';
import { perSecond, type Row } from '../lib/report';
import { perDialect, type Scenario } from './scenario';

// (b) Bulk generation of the data set through Rapport's storage layer (Kysely, multi-row inserts,
// the maintained-sum triggers firing), beside the raw driver inserting the same rows. The raw
// driver also measures what the 0002 last-date indexes and the triggers cost an insert: each
// variant runs in a transaction that is rolled back.

const SAMPLE = 50_000;

type Variant = 'full schema' | 'without the 0002 last-date indexes' | 'without the entry_stats triggers';

async function rawInsertRate(raw: Raw, from: number, total: number, variant: Variant): Promise<number> {
  const columns = Object.keys(entryRowAt(0, total));
  const rowsOf = (start: number) => {
    const values: unknown[] = [];
    for (let i = start; i < start + ROWS_PER_STATEMENT; i++) values.push(...Object.values(entryRowAt(i, total)));
    return values;
  };
  const insertSql = (placeholder: (n: number) => string) =>
    `insert into interaction_log_entries (${columns.join(', ')}) values ${Array.from(
      { length: ROWS_PER_STATEMENT },
      (_, r) => `(${columns.map((_c, c) => placeholder(r * columns.length + c + 1)).join(', ')})`,
    ).join(', ')}`;
  const drop =
    variant === 'without the 0002 last-date indexes'
      ? ['drop index entries_contact_date', 'drop index entries_company_date']
      : variant === 'without the entry_stats triggers'
        ? raw.dialect === 'sqlite'
          ? ['drop trigger entry_stats_insert']
          : ['alter table interaction_log_entries disable trigger entry_stats_insert']
        : [];
  if (raw.dialect === 'sqlite') {
    const db = raw.db;
    db.exec('begin');
    for (const s of drop) db.exec(s);
    const insert = db.prepare(insertSql(() => '?'));
    const start = now();
    for (let i = from; i < from + SAMPLE; i += ROWS_PER_STATEMENT) insert.run(...rowsOf(i));
    const seconds = (now() - start) / 1000;
    db.exec('rollback');
    return SAMPLE / seconds;
  }
  const client = await raw.pool.connect();
  try {
    await client.query('begin');
    for (const s of drop) await client.query(s);
    const text = insertSql((n) => `$${n}`);
    const start = now();
    for (let i = from; i < from + SAMPLE; i += ROWS_PER_STATEMENT) await client.query(text, rowsOf(i));
    const seconds = (now() - start) / 1000;
    await client.query('rollback');
    return SAMPLE / seconds;
  } finally {
    client.release();
  }
}

async function runDialect(dialect: Dialect, entries: number, log: (m: string) => void): Promise<Row[]> {
  log(`  ${dialect}: generating ${entries.toLocaleString('en-US')} entries`);
  const seconds = await generateDataset(dialect, entries, log);
  const raw = openRaw(datasetUrl(dialect));
  const rows: Row[] = [];
  try {
    const rates: Partial<Record<Variant, number>> = {};
    for (const variant of ['full schema', 'without the 0002 last-date indexes', 'without the entry_stats triggers'] as const) {
      log(`  ${dialect}: raw insert of ${SAMPLE.toLocaleString('en-US')} entries, ${variant}`);
      rates[variant] = await rawInsertRate(raw, entries, entries, variant);
    }
    const full = rates['full schema']!;
    rows.push({
      dialect,
      measure: `insert ${entries.toLocaleString('en-US')} entries, ${ROWS_PER_STATEMENT} rows per statement`,
      rapport: `${perSecond(entries / seconds)} (${seconds.toFixed(0)} s)`,
      raw: `${perSecond(full)} (sample of ${SAMPLE.toLocaleString('en-US')}, on top of the data set)`,
    });
    for (const variant of ['without the 0002 last-date indexes', 'without the entry_stats triggers'] as const) {
      const rate = rates[variant]!;
      rows.push({
        dialect,
        measure: `raw insert ${variant}`,
        rapport: '',
        raw: perSecond(rate),
        note: `the full schema takes ${(((1 / full - 1 / rate) / (1 / rate)) * 100).toFixed(0)} % more time per entry`,
      });
    }
  } finally {
    await closeRaw(raw);
  }
  return rows;
}

export const generate: Scenario = {
  name: 'generate',
  title: 'Bulk generation of the entries',
  needsDataset: false,
  run(o) {
    return perDialect(o, this, async (dialect) => ({ rows: await runDialect(dialect, o.entries, o.log) }));
  },
};
