import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// Saved criteria (Business Central's "Save Criteria" / "Reuse Criteria"): a named copy of a
// segment's criteria actions, numbered 1..n, that can be re-applied to any segment. The filters
// and options are stored as JSON text, as in `criteria_actions` (0001).

type Dialect = 'sqlite' | 'postgres';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  // codes compare and sort in binary order on both databases, as in 0001
  const text = dialect === 'postgres' ? sql`text collate "C"` : 'text';

  await db.schema
    .createTable('saved_criteria')
    .addColumn('code', text, (c) => c.primaryKey())
    .addColumn('description', text)
    .addColumn('user_id', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('saved_criteria_actions')
    .addColumn('code', text, (c) => c.notNull().references('saved_criteria.code').onDelete('cascade'))
    .addColumn('action_no', 'integer', (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('contact_filter', text, (c) => c.notNull())
    .addColumn('interaction_filter', text, (c) => c.notNull())
    .addColumn('options', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('saved_criteria_actions_pk', ['code', 'action_no'])
    .execute();
}
