import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import type { NewLogEntry } from '../../src/domain/interaction-log/interaction-log';
import type { Database } from '../../src/storage/kysely/database';
import * as initial from '../../src/storage/migrations/0001-initial';
import * as entryStats from '../../src/storage/migrations/0002-entry-stats';
import * as entryStatsSlots from '../../src/storage/migrations/0009-entry-stats-slots';
import { openDatabase } from '../../src/storage/open-database';
import { seedEntries } from '../support/seed-entries';
import { describeEachDialect, freshDatabase } from '../support/test-app';

// The maintained sums must equal a brute-force aggregate over the entries after any sequence of
// writes, whoever makes them: the triggers of migrations 0002 and 0009 are the only thing keeping them.

type Db = Kysely<Database>;
type Row = { dim: string; key: string; date: string; n: number; cost: number; duration: number; target: number; response: number };

const DIMS = [
  ['contact', 'contact_no'],
  ['company', 'contact_company_no'],
  ['template', 'interaction_template_code'],
  ['group', 'interaction_group_code'],
  ['salesperson', 'salesperson_code'],
  ['campaign', 'campaign_no'],
] as const;

const normalise = (rows: Record<string, unknown>[]): Row[] =>
  rows
    .map((r) => ({
      dim: String(r['dim']),
      key: String(r['key']),
      date: String(r['date']),
      n: Number(r['n']),
      cost: Number(r['cost']),
      duration: Number(r['duration']),
      target: Number(r['target']),
      response: Number(r['response']),
    }))
    .sort((a, b) => `${a.dim}|${a.key}|${a.date}`.localeCompare(`${b.dim}|${b.key}|${b.date}`));

/** Every maintained figure that is not zero, its slots summed. */
async function maintained(db: Db): Promise<Row[]> {
  const r = await sql<Record<string, unknown>>`
    select dim, key, date, sum(n) as n, sum(cost_cents) as cost, sum(duration_min) as duration, sum(n_target) as target, sum(n_response) as response
    from entry_stats group by dim, key, date
    having sum(n) <> 0 or sum(cost_cents) <> 0 or sum(duration_min) <> 0 or sum(n_target) <> 0 or sum(n_response) <> 0`.execute(db);
  return normalise(r.rows);
}

/** The same figures counted from the entries themselves. */
async function bruteForce(db: Db): Promise<Row[]> {
  const union = DIMS.map(([dim, col]) => `select '${dim}' as dim, ${col} as key, e.* from interaction_log_entries e`).join(' union all ');
  const r = await sql<Record<string, unknown>>`
    select dim, key, date, count(*) as n, sum(cost_cents) as cost, sum(duration_min) as duration,
           sum(case when campaign_target <> 0 then 1 else 0 end) as target, sum(case when campaign_response <> 0 then 1 else 0 end) as response
    from (${sql.raw(union)}) x
    where key is not null and canceled = 0 and postponed = 0 and date is not null
    group by dim, key, date`.execute(db);
  return normalise(r.rows);
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick, int: (max: number) => Math.floor(next() * (max + 1)), chance: (p: number) => next() < p };
}

describeEachDialect('entry_stats maintained by triggers', (env, dialect) => {
  const db = () => env().app.database.db;

  it('matches a brute-force aggregate after a random sequence of entry changes', { timeout: 120_000 }, async () => {
    const rnd = random(20261128);
    const companies = ['PC1', 'PC2'];
    const persons: Record<string, string> = { PP1: 'PC1', PP2: 'PC1', PP3: 'PC2' };
    const dates = ['2026-11-01', '2026-11-02', '2026-11-15', '2026-12-31'];
    const someEntryNos = async (where: (q: ReturnType<typeof entriesQuery>) => ReturnType<typeof entriesQuery>, max: number) => {
      const rows = await where(entriesQuery(db())).execute();
      const picked = rows.filter(() => rnd.chance(0.5)).slice(0, max);
      return picked.map((r) => Number(r.entry_no));
    };
    const newRandomEntry = (): Partial<NewLogEntry> => {
      const contactNo = rnd.pick([...companies, ...Object.keys(persons), null]);
      const postponed = rnd.chance(0.15);
      return {
        contactNo,
        contactCompanyNo: contactNo === null ? null : (persons[contactNo] ?? contactNo),
        date: postponed && rnd.chance(0.5) ? null : rnd.pick(dates),
        interactionTemplateCode: rnd.pick(['PT1', 'PT2', 'PT3']),
        interactionGroupCode: rnd.pick(['PG1', 'PG2']),
        salespersonCode: rnd.pick(['PS1', 'PS2', null]),
        campaignNo: rnd.pick(['PK1', null]),
        campaignTarget: rnd.chance(0.5),
        campaignResponse: rnd.chance(0.3),
        costCents: rnd.int(100_000),
        durationMin: rnd.int(120),
        canceled: !postponed && rnd.chance(0.2),
        postponed,
      };
    };

    const operations: Record<string, () => Promise<unknown>> = {
      insert: () => seedEntries(db(), Array.from({ length: 1 + rnd.int(6) }, newRandomEntry)),
      cancel: async () => {
        const nos = await someEntryNos((q) => q.where('canceled', '=', 0).where('postponed', '=', 0), 4);
        if (nos.length) await db().updateTable('interaction_log_entries').set({ canceled: 1 }).where('entry_no', 'in', nos).execute();
      },
      uncancel: async () => {
        const nos = await someEntryNos((q) => q.where('canceled', '=', 1), 4);
        if (nos.length) await db().updateTable('interaction_log_entries').set({ canceled: 0 }).where('entry_no', 'in', nos).execute();
      },
      patchCost: async () => {
        const [no] = await someEntryNos((q) => q.where('postponed', '=', 0), 1);
        if (no !== undefined)
          await db()
            .updateTable('interaction_log_entries')
            .set({ cost_cents: rnd.int(50_000), duration_min: rnd.int(60), attempt_failed: rnd.int(1) })
            .where('entry_no', '=', no)
            .execute();
      },
      deleteCanceled: async () => {
        let q = db().deleteFrom('interaction_log_entries').where('canceled', '=', 1).where('postponed', '=', 0);
        if (rnd.chance(0.5)) q = q.where('interaction_template_code', '=', rnd.pick(['PT1', 'PT2', 'PT3']));
        await q.execute();
      },
      deletePostponed: async () => {
        const nos = await someEntryNos((q) => q.where('postponed', '=', 1), 2);
        if (nos.length) await db().deleteFrom('interaction_log_entries').where('entry_no', 'in', nos).execute();
      },
      deleteActive: async () => {
        const nos = await someEntryNos((q) => q.where('postponed', '=', 0).where('canceled', '=', 0), 2);
        if (nos.length) await db().deleteFrom('interaction_log_entries').where('entry_no', 'in', nos).execute();
      },
      // as BC when a person is deleted: its entries move to its company
      repointPerson: async () => {
        const person = rnd.pick(Object.keys(persons));
        await db().updateTable('interaction_log_entries').set({ contact_no: persons[person]! }).where('contact_no', '=', person).execute();
      },
      // as BC when a company is deleted: its entries lose their contact and company
      repointCompany: async () => {
        const company = rnd.pick(companies);
        await db()
          .updateTable('interaction_log_entries')
          .set({ contact_no: null, contact_company_no: null })
          .where('contact_company_no', '=', company)
          .execute();
      },
      resume: async () => {
        const nos = await someEntryNos((q) => q.where('postponed', '=', 1), 1);
        if (nos.length)
          await db()
            .updateTable('interaction_log_entries')
            .set({
              postponed: 0,
              date: rnd.pick(dates),
              interaction_template_code: rnd.pick(['PT1', 'PT2']),
              campaign_target: rnd.int(1),
              campaign_response: rnd.int(1),
            })
            .where('entry_no', 'in', nos)
            .execute();
      },
      // several entries moved by one statement, some contributions cancelling out within it
      bulkMove: async () => {
        await db()
          .updateTable('interaction_log_entries')
          .set({ salesperson_code: rnd.pick(['PS1', 'PS2', null]), date: rnd.pick(dates) })
          .where('interaction_template_code', '=', rnd.pick(['PT1', 'PT2', 'PT3']))
          .where('postponed', '=', 0)
          .execute();
      },
      untracked: async () => {
        const nos = await someEntryNos((q) => q, 5);
        if (nos.length)
          await db()
            .updateTable('interaction_log_entries')
            .set({ has_comments: 1, evaluation: 'positive' })
            .where('entry_no', 'in', nos)
            .execute();
      },
      rolledBack: async () => {
        await expect(
          db()
            .transaction()
            .execute(async (trx) => {
              await seedEntries(trx, Array.from({ length: 3 }, newRandomEntry));
              await trx.updateTable('interaction_log_entries').set({ canceled: 1 }).where('canceled', '=', 0).execute();
              throw new Error('roll back');
            }),
        ).rejects.toThrow('roll back');
      },
      // concurrent writers, each in its own transaction (on PostgreSQL: its own connection and slot)
      concurrent: () =>
        Promise.all(
          Array.from({ length: 3 }, () =>
            db()
              .transaction()
              .execute(async (trx) => {
                const nos = await seedEntries(trx, Array.from({ length: 2 }, newRandomEntry));
                await trx
                  .updateTable('interaction_log_entries')
                  .set({ cost_cents: rnd.int(9_000) })
                  .where('entry_no', 'in', nos)
                  .execute();
              }),
          ),
        ),
      inOneTransaction: () =>
        db()
          .transaction()
          .execute(async (trx) => {
            const [no] = await seedEntries(trx, [newRandomEntry()]);
            await trx.updateTable('interaction_log_entries').set({ canceled: 1, cost_cents: 77 }).where('entry_no', '=', no!).execute();
            await trx.updateTable('interaction_log_entries').set({ canceled: 0 }).where('entry_no', '=', no!).execute();
          }),
    };

    const names = Object.keys(operations);
    const seen = new Set<string>();
    for (let step = 0; step < 160; step++) {
      const name = step < 12 ? 'insert' : rnd.pick(names);
      seen.add(name);
      await operations[name]!();
      expect(await maintained(db()), `after step ${step} (${name})`).toEqual(await bruteForce(db()));
    }
    expect([...seen].sort()).toEqual([...names].sort());
    if (dialect === 'postgres') {
      const slots = await sql<{ slots: number }>`select count(distinct slot) as slots from entry_stats`.execute(db());
      expect(Number(slots.rows[0]!.slots)).toBeGreaterThan(1);
    }
    expect((await maintained(db())).length).toBeGreaterThan(10);
  });

  it('sums the entries that existed before the migrations that add the triggers and the slots, and keeps them after', async () => {
    const fresh = await freshDatabase(env().dialect);
    const handle = openDatabase(fresh.url);
    try {
      await initial.up(handle.db, handle.dialect);
      await seedEntries(handle.db, [
        {
          contactNo: 'MC1',
          contactCompanyNo: 'MC1',
          interactionTemplateCode: 'MT1',
          interactionGroupCode: 'MG1',
          costCents: 150,
          durationMin: 3,
          campaignNo: 'MK1',
          campaignTarget: true,
        },
        {
          contactNo: 'MC1',
          contactCompanyNo: 'MC1',
          interactionTemplateCode: 'MT1',
          interactionGroupCode: 'MG1',
          costCents: 40,
          durationMin: 1,
          date: '2026-11-29',
        },
        {
          contactNo: 'MC1',
          contactCompanyNo: 'MC1',
          interactionTemplateCode: 'MT1',
          interactionGroupCode: 'MG1',
          costCents: 50,
          durationMin: 2,
          canceled: true,
        },
        {
          contactNo: 'MC1',
          contactCompanyNo: 'MC1',
          interactionTemplateCode: 'MT1',
          interactionGroupCode: 'MG1',
          costCents: 60,
          postponed: true,
        },
      ]);
      await entryStats.up(handle.db, handle.dialect);
      const rows = await maintained(handle.db);
      expect(rows).toEqual(await bruteForce(handle.db));
      expect(rows.filter((r) => r.dim === 'template')).toEqual([
        { dim: 'template', key: 'MT1', date: '2026-11-28', n: 1, cost: 150, duration: 3, target: 1, response: 0 },
        { dim: 'template', key: 'MT1', date: '2026-11-29', n: 1, cost: 40, duration: 1, target: 0, response: 0 },
      ]);
      expect(rows.filter((r) => r.dim === 'campaign')).toEqual([
        { dim: 'campaign', key: 'MK1', date: '2026-11-28', n: 1, cost: 150, duration: 3, target: 1, response: 0 },
      ]);

      // a database made before the slots: its sums, including those kept by the 0002 triggers, survive 0009
      await seedEntries(handle.db, [{ contactNo: 'MC2', contactCompanyNo: 'MC1', interactionTemplateCode: 'MT1', costCents: 7 }]);
      await entryStatsSlots.up(handle.db, handle.dialect);
      expect(await maintained(handle.db)).toEqual(await bruteForce(handle.db));
      await seedEntries(handle.db, [{ contactNo: 'MC2', contactCompanyNo: 'MC1', interactionTemplateCode: 'MT2', costCents: 9 }]);
      await handle.db.updateTable('interaction_log_entries').set({ canceled: 1 }).where('cost_cents', '=', 150).execute();
      const after = await maintained(handle.db);
      expect(after).toEqual(await bruteForce(handle.db));
      expect(after.filter((r) => r.dim === 'company')).toEqual([
        { dim: 'company', key: 'MC1', date: '2026-11-28', n: 2, cost: 16, duration: 0, target: 0, response: 0 },
        { dim: 'company', key: 'MC1', date: '2026-11-29', n: 1, cost: 40, duration: 1, target: 0, response: 0 },
      ]);
    } finally {
      await handle.close();
      await fresh.drop();
    }
  });

  it('empties the sums when the whole log is emptied (TRUNCATE on PostgreSQL, DELETE on SQLite)', async () => {
    await seedEntries(db(), [{ contactNo: 'TC1', contactCompanyNo: 'TC1', interactionTemplateCode: 'TT1', costCents: 100 }]);
    expect((await maintained(db())).length).toBeGreaterThan(0);
    if (dialect === 'postgres') await sql`truncate interaction_log_entries`.execute(db());
    else await db().deleteFrom('interaction_log_entries').execute();
    expect(await maintained(db())).toEqual([]);
  });
});

function entriesQuery(db: Db) {
  return db.selectFrom('interaction_log_entries').select('entry_no').orderBy('entry_no');
}
