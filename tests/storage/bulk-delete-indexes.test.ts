import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { seedEntries } from '../support/seed-entries';
import { describeEachDialect } from '../support/test-app';

/** Above the size from which a delete of canceled entries sets the contact-ordered indexes aside on SQLite (50,000). */
const CANCELED = 60_000;

describeEachDialect('delete of canceled entries in bulk', (env, dialect) => {
  const db = () => env().app.database.db;
  const indexes = async () =>
    dialect === 'sqlite'
      ? (
          await sql`select name, sql from sqlite_master where type = 'index' and tbl_name = 'interaction_log_entries' order by name`.execute(
            db(),
          )
        ).rows
      : (await sql`select indexname, indexdef from pg_indexes where tablename = 'interaction_log_entries' order by indexname`.execute(db()))
          .rows;

  it('deletes them all and leaves every index of the log as it was, in use for the entries that stay', async () => {
    const contact = (i: number) => `BD${String(i % 100).padStart(4, '0')}`;
    await seedEntries(
      db(),
      Array.from({ length: CANCELED }, (_, i) => ({ contactNo: contact(i), canceled: true })),
    );
    const kept = await seedEntries(
      db(),
      Array.from({ length: 10 }, (_, i) => ({ contactNo: contact(i), date: `2026-01-${String(i + 10)}` })),
    );
    const before = await indexes();
    expect(before.length).toBeGreaterThan(4);

    const res = await env().api('POST', '/api/v1/interaction-log-entries/delete-canceled', { body: {} });
    expect(res.body).toEqual({ deleted: CANCELED });
    expect(await indexes()).toEqual(before);
    // the contact-ordered indexes answer the contact's last date again (R29)
    const list = await env().api('GET', `/api/v1/interaction-log-entries?contactNo=${contact(3)}`);
    expect(list.body.items.map((e: { entryNo: number }) => e.entryNo)).toEqual([kept[3]]);
  }, 120_000);
});
