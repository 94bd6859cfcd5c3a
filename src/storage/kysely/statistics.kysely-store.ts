import { sql, type Kysely } from 'kysely';
import type { StatisticsStore } from '../../domain/statistics/statistics.store';
import type { Database } from './database';

// Counts and sums come from entry_stats, which the triggers of migration 0002 keep exact in the
// transaction of every entry change; the last dates are index seeks on the entries (0002 indexes).

export function createStatisticsStore(db: Kysely<Database>): StatisticsStore {
  const found = async (q: { executeTakeFirst(): Promise<unknown> }) => (await q.executeTakeFirst()) !== undefined;
  return {
    async contactType(no) {
      const row = await db.selectFrom('contacts').select('type').where('no', '=', no).executeTakeFirst();
      return row ? (row.type as 'company' | 'person') : null;
    },
    exists(subject, code) {
      switch (subject) {
        case 'template':
          return found(db.selectFrom('interaction_templates').select('code').where('code', '=', code));
        case 'group':
          return found(db.selectFrom('interaction_groups').select('code').where('code', '=', code));
        case 'salesperson':
          return found(db.selectFrom('salespeople').select('code').where('code', '=', code));
        case 'campaign':
          return found(db.selectFrom('campaigns').select('no').where('no', '=', code));
      }
    },
    async totals(dimension, key, range) {
      let q = db
        .selectFrom('entry_stats')
        .select([
          sql<number>`coalesce(sum(n), 0)`.as('n'),
          sql<number>`coalesce(sum(cost_cents), 0)`.as('cost_cents'),
          sql<number>`coalesce(sum(duration_min), 0)`.as('duration_min'),
          sql<number>`coalesce(sum(n_target), 0)`.as('n_target'),
          sql<number>`coalesce(sum(n_response), 0)`.as('n_response'),
        ])
        .where('dim', '=', dimension)
        .where('key', '=', key);
      if (range.from !== null) q = q.where('date', '>=', range.from);
      if (range.to !== null) q = q.where('date', '<=', range.to);
      const r = await q.executeTakeFirstOrThrow();
      return {
        noOfInteractions: Number(r.n),
        costCents: Number(r.cost_cents),
        durationMin: Number(r.duration_min),
        targeted: Number(r.n_target),
        responded: Number(r.n_response),
      };
    },
    async lastDates(dimension, no) {
      const column = dimension === 'company' ? 'contact_company_no' : 'contact_no';
      const latest = (only: 'succeeded' | 'us') =>
        db
          .selectFrom('interaction_log_entries')
          .select('date')
          .where(column, '=', no)
          .where('postponed', '=', 0)
          .where('date', 'is not', null)
          .where((eb) => (only === 'succeeded' ? eb('attempt_failed', '=', 0) : eb('initiated_by', '=', 'us')))
          .orderBy('date', 'desc')
          .limit(1);
      const r = await db
        .selectNoFrom([latest('succeeded').as('last_interaction'), latest('us').as('last_attempted')])
        .executeTakeFirstOrThrow();
      return { lastInteraction: r.last_interaction ?? null, lastAttempted: r.last_attempted ?? null };
    },
  };
}
