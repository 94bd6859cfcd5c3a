import { sql } from 'kysely';
import type { SqlDialect } from '../kysely/sql-dialect';

/** PostgreSQL's side of the dialect differences (see SqlDialect). */
export const postgresSqlDialect: SqlDialect = {
  name: 'postgres',
  binary: (e) => sql`${e} collate "C"`,
  same: (a, b) => sql<boolean>`${a} is not distinct from cast(${b} as text)`,
  async lock(db, name) {
    await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(db);
  },
  async lockRow(db, table, column, value) {
    await sql`select ${sql.ref(column)} from ${sql.table(table)} where ${sql.ref(column)} = ${value} for update`.execute(db);
  },
  jsonRows: (json, columns) =>
    sql`(select ${sql.join(
      columns.map((c, i) => sql`x ->> ${sql.lit(i)} as ${sql.id(c)}`),
      sql`, `,
    )} from json_array_elements(cast(${json} as json)) as x)`,
  maxNumbered: (table, column, prefix) => {
    const col = sql.ref(column);
    return sql<{ m: number | null }>`select max(cast(substr(${col}, ${prefix.length + 1}) as numeric)) as m from ${sql.table(table)}
            where ${col} ~ ${`^${prefix}[0-9]+$`}`;
  },
  steersEntryIndexes: false,
  setIndexesAside: null,
  // unique_violation (a primary key is a unique constraint too)
  isUniqueViolation: (e) => (e as { code?: unknown }).code === '23505',
  async analyze(db, tables) {
    if (tables.length) await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
  },
};
