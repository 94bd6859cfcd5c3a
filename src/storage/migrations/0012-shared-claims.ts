import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// What several server processes on one database must share: an idempotency key is claimed by a
// row in the `in_progress` state before its request runs (`claim` names the claimant, so only it
// completes or releases the row), and failed sign-ins are rows, not per-process memory.
// Written to be run again after a cut-short run: every step checks what is there first.

type Dialect = 'sqlite' | 'postgres';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const text = dialect === 'postgres' ? sql`text collate "C"` : 'text';
  const tables = await db.introspection.getTables();
  const columns = new Set(tables.find((t) => t.name === 'idempotency_keys')?.columns.map((c) => c.name) ?? []);

  // rows written before this migration are finished responses
  if (!columns.has('state'))
    await db.schema
      .alterTable('idempotency_keys')
      .addColumn('state', text, (c) => c.notNull().defaultTo('done'))
      .execute();
  if (!columns.has('claim')) await db.schema.alterTable('idempotency_keys').addColumn('claim', text).execute();

  await db.schema
    .createTable('login_failures')
    .ifNotExists()
    .addColumn('subject', text, (c) => c.notNull())
    .addColumn('failed_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failures_subject').ifNotExists().on('login_failures').columns(['subject', 'failed_at']).execute();
  await db.schema.createIndex('login_failures_failed_at').ifNotExists().on('login_failures').column('failed_at').execute();
}
