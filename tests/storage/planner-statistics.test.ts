import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { seedManyContacts, seedSalesperson, seedTemplate } from '../support/seed-segments';
import { describeEachDialect } from '../support/test-app';

/** More rows than ANALYZE_MIN_ROWS (src/storage/kysely/written-rows.ts). */
const BULK = 6000;

// Planner statistics are refreshed on PostgreSQL only: SQLite's entry queries steer its planner
// themselves (interaction-log.kysely-store.ts), and gathering statistics there would change its
// choices. The SQLite half of this suite checks that no statistics are gathered.
describeEachDialect('planner statistics after bulk writes', (env, dialect) => {
  const db = () => env().app.database.db;
  const api = (method: string, url: string, body: unknown) => env().api(method, url, { body });

  /** When each table was last analyzed by a command (autovacuum's own runs are not counted). */
  async function analyzed(): Promise<Record<string, string | null>> {
    if (dialect === 'sqlite') {
      const stat = await sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(db());
      return { sqlite_stat1: Number(stat.rows[0]?.n) ? 'present' : null };
    }
    const r = await sql<{ relname: string; last_analyze: Date | null }>`select relname, last_analyze from pg_stat_user_tables`.execute(
      db(),
    );
    return Object.fromEntries(r.rows.map((t) => [t.relname, t.last_analyze?.toISOString() ?? null]));
  }
  const csv = (rows: number, prefix: string) =>
    ['no,name,type', ...Array.from({ length: rows }, (_, i) => `${prefix}${String(i).padStart(5, '0')},Contact ${i},company`)].join(
      '\r\n',
    ) + '\r\n';
  const importContacts = (body: string) =>
    env().api('POST', '/api/v1/contacts/import', { payload: body, headers: { 'content-type': 'text/csv' } });

  it('leaves statistics alone after a small write', async () => {
    expect((await importContacts(csv(20, 'SMALL'))).body).toMatchObject({ imported: 20 });
    expect(await analyzed()).toEqual(
      dialect === 'sqlite' ? { sqlite_stat1: null } : expect.objectContaining({ contacts: null, contact_codes: null }),
    );
  });

  it('refreshes the statistics of the tables a contact import, a segment log, a cancel and a delete of canceled entries wrote', async () => {
    expect((await importContacts(csv(BULK, 'BULK'))).body).toMatchObject({ imported: BULK });
    const afterImport = await analyzed();

    await seedSalesperson(db(), 'SP');
    await seedTemplate(db(), { code: 'MAIL', description: 'Letter' });
    await seedManyContacts(db(), 'ST', BULK, { salespersonCode: 'SP' });
    expect(
      (
        await api('POST', '/api/v1/segments', {
          no: 'STATS',
          description: 'Statistics',
          interactionTemplateCode: 'MAIL',
          salespersonCode: 'SP',
        })
      ).status,
    ).toBe(201);
    expect((await api('POST', '/api/v1/segments/STATS/add-contacts', { contactFilter: { salespersonCode: 'SP' } })).body.added).toBe(BULK);
    const afterLines = await analyzed();
    const logged = await api('POST', '/api/v1/segments/STATS/log', {});
    expect(logged.body.noOfInteractions).toBe(BULK);
    const afterLog = await analyzed();

    expect((await api('POST', '/api/v1/logged-segments/cancel', { entryNos: [logged.body.loggedSegmentEntryNo] })).status).toBe(200);
    const afterCancel = await analyzed();
    expect((await api('POST', '/api/v1/interaction-log-entries/delete-canceled', {})).body).toEqual({ deleted: BULK });
    const afterDelete = await analyzed();

    if (dialect === 'sqlite') {
      expect(afterDelete).toEqual({ sqlite_stat1: null });
      return;
    }
    expect(afterImport.contacts).not.toBeNull();
    expect(afterImport.interaction_log_entries).toBeNull();
    expect(afterLines.segment_lines).not.toBeNull();
    expect(afterLog.interaction_log_entries).not.toBeNull();
    expect(afterLog.entry_stats).not.toBeNull();
    expect(afterLog.segment_lines! > afterLines.segment_lines!).toBe(true);
    expect(afterCancel.interaction_log_entries! > afterLog.interaction_log_entries!).toBe(true);
    expect(afterDelete.interaction_log_entries! > afterCancel.interaction_log_entries!).toBe(true);
  }, 120_000);
});
