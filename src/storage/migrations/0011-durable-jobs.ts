import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// Jobs become durable (decision 0011): a job row keeps its payload (everything needed to run it
// again), its attempts, when it may start, and which instance runs it with the time that instance
// last reported (its lease). SQLite also keeps the cron schedules here; on PostgreSQL pg-boss keeps
// them in its own schema. Written to be run again after a run cut short: SQLite runs a migration
// outside a transaction, so every step checks whether it is already done.

type Dialect = 'sqlite' | 'postgres';

const COLUMNS: readonly (readonly [string, string])[] = [
  ['payload', 'text'],
  ['attempts', 'integer not null default 0'],
  ['max_attempts', 'integer not null default 3'],
  ['run_after', 'text'],
  ['owner', 'text'],
  ['heartbeat_at', 'text'],
  ['started_at', 'text'],
];

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  if (dialect === 'postgres') {
    for (const [name, type] of COLUMNS) await run(`alter table jobs add column if not exists ${name} ${type}`);
  } else {
    const existing = new Set((await sql<{ name: string }>`select name from pragma_table_info('jobs')`.execute(db)).rows.map((r) => r.name));
    for (const [name, type] of COLUMNS) if (!existing.has(name)) await run(`alter table jobs add column ${name} ${type}`);
    await run(
      'create table if not exists job_schedules (name text primary key, cron text not null, kind text not null, payload text not null, next_run_at text not null)',
    );
  }
  // the admin list pages newest first within a status; the runners look for due queued jobs
  await run('create index if not exists jobs_status_created on jobs (status, created_at, id)');
  await run('create index if not exists jobs_created on jobs (created_at, id)');
}
