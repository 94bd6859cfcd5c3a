import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// `entry_stats` (migration 0002) gets a stripe, `slot`, in its key: on PostgreSQL a writer adds to
// the stripe of its server process, so concurrent transactions logging for the same template,
// salesperson or day update different rows instead of queueing on one row lock until each
// commits. Readers sum the slots as they sum the days. SQLite has one writer at a time and always
// uses slot 0. The table and its triggers are made anew (the triggers' conflict target changes)
// and the active entries summed once; the rules of 0002 are unchanged.

type Dialect = 'sqlite' | 'postgres';

/** Dimension name and the entry column that keys it; a null key contributes nothing. */
const DIMS = [
  ['contact', 'contact_no'],
  ['company', 'contact_company_no'],
  ['template', 'interaction_template_code'],
  ['group', 'interaction_group_code'],
  ['salesperson', 'salesperson_code'],
  ['campaign', 'campaign_no'],
] as const;

/** Stripes per (dim, key, date) on PostgreSQL: a writer uses the one of its server process. */
const SLOTS = 16;

/** The entry columns a contribution is made of. */
const FIGURES = ['date', 'cost_cents', 'duration_min', 'campaign_target', 'campaign_response'];
const CONTRIBUTION = [...FIGURES, ...DIMS.map(([, col]) => col)];
/** The columns whose change moves an entry's contribution. */
const TRACKED = ['canceled', 'postponed', ...CONTRIBUTION];

const active = (row: string) => `${row}.canceled = 0 AND ${row}.postponed = 0 AND ${row}.date IS NOT NULL`;
const dimValues = (row: string) => DIMS.map(([dim, col]) => `('${dim}', ${row}.${col})`).join(', ');
const addExcluded = (table: string) =>
  ['n', 'cost_cents', 'duration_min', 'n_target', 'n_response'].map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);

  // SQLite runs a migration without a transaction: IF EXISTS lets a run cut short be started again
  if (dialect === 'sqlite') for (const t of ['insert', 'update', 'delete']) await run(`DROP TRIGGER IF EXISTS entry_stats_${t}`);
  else {
    for (const t of ['insert', 'update', 'delete', 'truncate']) await run(`DROP TRIGGER entry_stats_${t} ON interaction_log_entries`);
    for (const t of ['insert', 'update', 'delete', 'truncate']) await run(`DROP FUNCTION entry_stats_after_${t}()`);
  }
  const text = dialect === 'postgres' ? sql`text collate "C"` : 'text';
  const big = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0);
  await db.schema.dropTable('entry_stats').ifExists().execute();
  await db.schema
    .createTable('entry_stats')
    .addColumn('dim', text, (c) => c.notNull())
    .addColumn('key', text, (c) => c.notNull())
    .addColumn('date', text, (c) => c.notNull())
    .addColumn('slot', 'integer', big)
    .addColumn('n', 'bigint', big)
    .addColumn('cost_cents', 'bigint', big)
    .addColumn('duration_min', 'bigint', big)
    .addColumn('n_target', 'bigint', big)
    .addColumn('n_response', 'bigint', big)
    .addPrimaryKeyConstraint('entry_stats_pk', ['dim', 'key', 'date', 'slot'])
    .execute();

  if (dialect === 'sqlite') await sqliteTriggers(run);
  else await postgresTriggers(run);

  // The entries written so far are summed once, in slot 0.
  await run(`
    INSERT INTO entry_stats (dim, key, date, n, cost_cents, duration_min, n_target, n_response)
    SELECT x.dim, x.key, x.date, count(*), sum(x.cost_cents), sum(x.duration_min),
           sum(CASE WHEN x.campaign_target <> 0 THEN 1 ELSE 0 END), sum(CASE WHEN x.campaign_response <> 0 THEN 1 ELSE 0 END)
    FROM (${DIMS.map(
      ([dim, col]) => `SELECT '${dim}' AS dim, e.${col} AS key, ${FIGURES.map((c) => `e.${c}`).join(', ')}
          FROM interaction_log_entries e WHERE ${active('e')}`,
    ).join(' UNION ALL ')}) x
    WHERE x.key IS NOT NULL
    GROUP BY x.dim, x.key, x.date`);
}

async function sqliteTriggers(run: (s: string) => Promise<unknown>): Promise<void> {
  // One upsert of up to six rows per contribution; `sign` is +1 to add a row's share, -1 to remove it.
  const upsert = (row: 'new' | 'old', sign: 1 | -1) => `
    INSERT INTO entry_stats (dim, key, date, n, cost_cents, duration_min, n_target, n_response)
    SELECT d.dim, d.key, ${row}.date, ${sign}, ${sign} * ${row}.cost_cents, ${sign} * ${row}.duration_min,
           ${sign} * (${row}.campaign_target <> 0), ${sign} * (${row}.campaign_response <> 0)
    FROM (${DIMS.map(([dim, col]) => `SELECT '${dim}' AS dim, ${row}.${col} AS key`).join(' UNION ALL ')}) AS d
    WHERE d.key IS NOT NULL AND ${active(row)}
    ON CONFLICT (dim, key, date, slot) DO UPDATE SET ${addExcluded('entry_stats')};`;
  const changed = TRACKED.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ');

  await run(`CREATE TRIGGER entry_stats_insert AFTER INSERT ON interaction_log_entries
    WHEN ${active('new')}
    BEGIN ${upsert('new', 1)} END`);
  // UPDATE OF: SQLite builds the trigger into an UPDATE only when it sets one of these columns, so
  // the frequent updates of other columns (has_comments, evaluation, …) neither run nor compile it.
  await run(`CREATE TRIGGER entry_stats_update AFTER UPDATE OF ${TRACKED.join(', ')} ON interaction_log_entries
    WHEN ((${active('old')}) OR (${active('new')})) AND (${changed})
    BEGIN ${upsert('old', -1)} ${upsert('new', 1)} END`);
  // Deleting canceled or postponed entries (the bulk "delete canceled") fires no work.
  await run(`CREATE TRIGGER entry_stats_delete AFTER DELETE ON interaction_log_entries
    WHEN ${active('old')}
    BEGIN ${upsert('old', -1)} END`);
}

async function postgresTriggers(run: (s: string) => Promise<unknown>): Promise<void> {
  // Inserts and updates are summed per statement from the transition tables: a multi-row insert
  // (segment logging, bulk cancel) upserts each (dim, key, date) once, in key order, so concurrent
  // writers lock the shared rows in the same order.
  const upsertDeltas = (source: string) => `
    INSERT INTO entry_stats AS s (dim, key, date, slot, n, cost_cents, duration_min, n_target, n_response)
    SELECT d.dim, d.key, x.date, pg_backend_pid() % ${SLOTS}, sum(x.sign), sum(x.sign * x.cost_cents), sum(x.sign * x.duration_min),
           sum(x.sign * (x.campaign_target <> 0)::int), sum(x.sign * (x.campaign_response <> 0)::int)
    FROM (${source}) x
    CROSS JOIN LATERAL (VALUES ${dimValues('x')}) AS d(dim, key)
    WHERE d.key IS NOT NULL
    GROUP BY d.dim, d.key, x.date
    HAVING sum(x.sign) <> 0 OR sum(x.sign * x.cost_cents) <> 0 OR sum(x.sign * x.duration_min) <> 0
        OR sum(x.sign * (x.campaign_target <> 0)::int) <> 0 OR sum(x.sign * (x.campaign_response <> 0)::int) <> 0
    ORDER BY d.dim, d.key, x.date
    ON CONFLICT (dim, key, date, slot) DO UPDATE SET ${addExcluded('s')};`;
  const changed = TRACKED.map((c) => `o.${c} IS DISTINCT FROM n.${c}`).join(' OR ');
  const columns = (row: string) => CONTRIBUTION.map((c) => `${row}.${c}`).join(', ');

  await run(`CREATE FUNCTION entry_stats_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${upsertDeltas(`SELECT 1 AS sign, ${columns('e')} FROM new_rows e WHERE ${active('e')}`)}
      RETURN NULL;
    END $$`);
  await run(`CREATE FUNCTION entry_stats_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${upsertDeltas(`
        WITH moved AS (SELECT o.entry_no FROM old_rows o JOIN new_rows n USING (entry_no) WHERE ${changed})
        SELECT -1 AS sign, ${columns('o')} FROM old_rows o JOIN moved USING (entry_no) WHERE ${active('o')}
        UNION ALL
        SELECT 1 AS sign, ${columns('n')} FROM new_rows n JOIN moved USING (entry_no) WHERE ${active('n')}`)}
      RETURN NULL;
    END $$`);
  await run(`CREATE FUNCTION entry_stats_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      ${upsertDeltas(`SELECT -1 AS sign, ${CONTRIBUTION.map((c) => `OLD.${c} AS ${c}`).join(', ')}`)}
      RETURN NULL;
    END $$`);

  await run(`CREATE TRIGGER entry_stats_insert AFTER INSERT ON interaction_log_entries
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entry_stats_after_insert()`);
  await run(`CREATE TRIGGER entry_stats_update AFTER UPDATE ON interaction_log_entries
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entry_stats_after_update()`);
  // Row by row with a WHEN clause, so that deleting canceled or postponed entries (the bulk
  // "delete canceled") neither captures a transition table nor calls the function.
  await run(`CREATE TRIGGER entry_stats_delete AFTER DELETE ON interaction_log_entries
    FOR EACH ROW WHEN (${active('OLD')}) EXECUTE FUNCTION entry_stats_after_delete()`);
  // TRUNCATE fires no row triggers; emptying the log empties the sums.
  await run(`CREATE FUNCTION entry_stats_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM entry_stats;
      RETURN NULL;
    END $$`);
  await run(`CREATE TRIGGER entry_stats_truncate AFTER TRUNCATE ON interaction_log_entries
    FOR EACH STATEMENT EXECUTE FUNCTION entry_stats_after_truncate()`);
}
