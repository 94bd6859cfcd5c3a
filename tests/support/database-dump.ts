import { sql, type Kysely } from 'kysely';
import type { DialectName } from './test-app';

/** Rows of a catalogue query, as plain objects. */
async function rows(db: Kysely<any>, query: ReturnType<typeof sql>): Promise<unknown[]> {
  return (await query.execute(db)).rows;
}

/**
 * Everything a migration creates, read from the database's own catalogue: tables and their
 * columns, indexes, constraints, triggers and functions, and the migrations recorded as applied.
 */
export async function schemaOf(db: Kysely<any>, dialect: DialectName): Promise<Record<string, unknown[]>> {
  const migrations = await rows(db, sql`select name from kysely_migration order by name`);
  if (dialect === 'sqlite') {
    return {
      objects: await rows(db, sql`select type, name, tbl_name, sql from sqlite_master where name not like 'sqlite_%' order by type, name`),
      migrations,
    };
  }
  return {
    columns: await rows(
      db,
      sql`select table_name, column_name, ordinal_position, data_type, is_nullable, column_default, collation_name
        from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`,
    ),
    indexes: await rows(
      db,
      sql`select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by tablename, indexname`,
    ),
    constraints: await rows(
      db,
      sql`select conrelid::regclass::text as tbl, conname, pg_get_constraintdef(oid) as def
        from pg_constraint where connamespace = 'public'::regnamespace order by 1, 2`,
    ),
    triggers: await rows(
      db,
      sql`select tgrelid::regclass::text as tbl, tgname, pg_get_triggerdef(oid) as def from pg_trigger where not tgisinternal order by 1, 2`,
    ),
    functions: await rows(
      db,
      sql`select proname, pg_get_functiondef(oid) as def from pg_proc where pronamespace = 'public'::regnamespace order by 1`,
    ),
    migrations,
  };
}

/** The names of the database's tables, Kysely's bookkeeping included. */
export async function tablesOf(db: Kysely<any>, dialect: DialectName): Promise<string[]> {
  const r =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(
          db,
        )
      : await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public' order by tablename`.execute(db);
  return r.rows.map((t) => t.name);
}

/** Every row of every table, in a stable order (all columns), keyed by table name. */
export async function contentsOf(db: Kysely<any>, dialect: DialectName): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of await tablesOf(db, dialect)) {
    const first = await sql<Record<string, unknown>>`select * from ${sql.table(table)} limit 1`.execute(db);
    const width = first.rows[0] ? Object.keys(first.rows[0]).length : 1;
    const order = sql.raw(Array.from({ length: width }, (_, i) => String(i + 1)).join(', '));
    out[table] = (await sql`select * from ${sql.table(table)} order by ${order}`.execute(db)).rows;
  }
  return out;
}
