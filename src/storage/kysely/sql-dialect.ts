import type { Kysely, RawBuilder } from 'kysely';
import type { DialectName } from '../open-database';

/**
 * What SQLite and PostgreSQL do differently, in one place: the stores are written once against
 * this object and never ask which database they run on. The implementations live beside the
 * connection files (src/storage/sqlite/, src/storage/postgres/).
 */
export interface SqlDialect {
  readonly name: DialectName;
  /** An expression compared and sorted in binary (code point) order, whatever the database's collation (api.md §1.2). */
  binary(e: RawBuilder<unknown>): RawBuilder<unknown>;
  /** Null-safe equality of an expression with a text value. */
  same(a: RawBuilder<unknown>, b: string | null): RawBuilder<boolean>;
  /** Serialises writers of one named resource until the transaction ends (SQLite has one writer already). */
  lock<DB>(db: Kysely<DB>, name: string): Promise<void>;
  /** Locks one row until the transaction ends (SQLite has one writer already). */
  lockRow<DB>(db: Kysely<DB>, table: string, column: string, value: string): Promise<void>;
  /** A derived table of the JSON array text `json` of arrays: element i of each array as text column `columns[i]`. */
  jsonRows(json: string, columns: readonly string[]): RawBuilder<unknown>;
  /** The highest number of `column` values made of `prefix` and digits only, read as a number. */
  maxNumbered(table: string, column: string, prefix: string): RawBuilder<{ m: number | null }>;
  /**
   * Whether entry filters steer the planner off the flag and date indexes (SQLite's planner takes a
   * flag index over the sort's index without statistics; PostgreSQL chooses from its statistics).
   */
  readonly steersEntryIndexes: boolean;
  /**
   * Sets a table's named indexes aside for a bulk delete; the answer builds them again, in the
   * same transaction. Null where deleting costs no index work until later (PostgreSQL marks row
   * versions and leaves the indexes to vacuum).
   */
  setIndexesAside: (<DB>(db: Kysely<DB>, table: string, names: readonly string[]) => Promise<() => Promise<void>>) | null;
  /** Whether a driver error is a unique or primary key violation. */
  isUniqueViolation(e: unknown): boolean;
  /** Refreshes the planner's statistics of the tables after a bulk write (no-op where nothing keeps statistics). */
  analyze<DB>(db: Kysely<DB>, tables: readonly string[]): Promise<void>;
}
