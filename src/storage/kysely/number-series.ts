import type { Kysely } from 'kysely';
import type { Database } from './database';
import type { SqlDialect } from './sql-dialect';

export type Series = 'contact' | 'campaign' | 'segment' | 'opportunity' | 'task';

const SERIES: Record<Series, { prefix: string; width: number; sources: readonly [string, string][] }> = {
  contact: { prefix: 'CT', width: 6, sources: [['contacts', 'no']] },
  campaign: { prefix: 'CP', width: 5, sources: [['campaigns', 'no']] },
  // as settled: segment numbers count those of logged segments too
  segment: {
    prefix: 'SM',
    width: 5,
    sources: [
      ['segments', 'no'],
      ['logged_segments', 'segment_no'],
    ],
  },
  opportunity: { prefix: 'OP', width: 6, sources: [['opportunities', 'no']] },
  task: { prefix: 'TD', width: 6, sources: [['tasks', 'no']] },
};

/**
 * The next number of a series: the highest existing number of the pattern (prefix + digits
 * only, compared numerically) plus one, zero-padded. Call inside the creating transaction after
 * `lock('series:<name>')` so concurrent creates never collide.
 */
export async function nextNumber(db: Kysely<Database>, dialect: SqlDialect, series: Series): Promise<string> {
  const { prefix, width, sources } = SERIES[series];
  let highest = 0;
  for (const [table, column] of sources) {
    const r = await dialect.maxNumbered(table, column, prefix).execute(db);
    highest = Math.max(highest, Number(r.rows[0]?.m ?? 0));
  }
  return prefix + String(highest + 1).padStart(width, '0');
}
