import { sql } from 'kysely';
import type { SqlDialect } from '../kysely/sql-dialect';

/** SQLite's side of the dialect differences (see SqlDialect). */
export const sqliteSqlDialect: SqlDialect = {
  name: 'sqlite',
  // text compares by code point unless a column says otherwise
  binary: (e) => e,
  same: (a, b) => sql<boolean>`${a} is ${b}`,
  // one writer at a time: a write transaction (BEGIN IMMEDIATE) holds every lock already
  lock: async () => undefined,
  lockRow: async () => undefined,
  jsonRows: (json, columns) =>
    sql`(select ${sql.join(
      columns.map((c, i) => sql`json_extract(value, ${sql.lit(`$[${i}]`)}) as ${sql.id(c)}`),
      sql`, `,
    )} from json_each(${json}))`,
  maxNumbered: (table, column, prefix) => {
    const col = sql.ref(column);
    const n = prefix.length + 1;
    return sql<{ m: number | null }>`select max(cast(substr(${col}, ${n}) as integer)) as m from ${sql.table(table)}
            where ${col} glob ${`${prefix}[0-9]*`} and substr(${col}, ${n}) not glob '*[^0-9]*'`;
  },
  steersEntryIndexes: true,
  async setIndexesAside(db, table, names) {
    const defs = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master
        where type = 'index' and tbl_name = ${table} and name in (${sql.join(names)})`.execute(db);
    for (const d of defs.rows) await sql`drop index ${sql.id(d.name)}`.execute(db);
    return async () => {
      for (const d of defs.rows) await sql.raw(d.sql).execute(db);
    };
  },
  isUniqueViolation(e) {
    const code = (e as { code?: unknown }).code;
    return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  },
  // the entry queries steer SQLite's planner themselves; statistics would change its choices
  analyze: async () => undefined,
};
