import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// Segments are searched by description (`q`); the folded text is stored, as for contacts and
// entries, so SQLite and PostgreSQL answer alike for non-ASCII text.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('segments')
    .addColumn('search', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`update segments set search = lower(coalesce(description, ''))`.execute(db);
}
