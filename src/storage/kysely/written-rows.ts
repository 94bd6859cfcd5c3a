import type { Kysely } from 'kysely';
import type { Database } from './database';
import type { SqlDialect } from './sql-dialect';

/** Records that a store wrote (inserted, updated or deleted) `rows` rows of `table`. */
export type Wrote = (table: string, rows: number) => void;

/**
 * From this many rows written to a table in one transaction, its planner statistics are refreshed
 * after the commit: PostgreSQL's autovacuum analyzes only on its own schedule, and until then a
 * table that grew (or shrank) by a bulk job is planned from its old size.
 */
export const ANALYZE_MIN_ROWS = 5000;

/** The rows one transaction wrote, per table. */
export function writtenRows(): { wrote: Wrote; tablesToAnalyze(): string[] } {
  const counts = new Map<string, number>();
  return {
    wrote(table, rows) {
      counts.set(table, (counts.get(table) ?? 0) + rows);
    },
    tablesToAnalyze: () => [...counts].filter(([, n]) => n >= ANALYZE_MIN_ROWS).map(([t]) => t),
  };
}

/**
 * Refreshes the statistics of the tables a committed transaction wrote in bulk. The write has
 * committed: a failure here leaves the statistics to autovacuum rather than reporting the write
 * as failed.
 */
export async function analyzeWritten(dialect: SqlDialect, db: Kysely<Database>, tables: readonly string[]): Promise<void> {
  if (!tables.length) return;
  await dialect.analyze(db, tables).catch(() => undefined);
}
