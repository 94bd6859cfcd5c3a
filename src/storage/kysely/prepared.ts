import type { CompiledQuery, DialectAdapter, Kysely, QueryResult } from 'kysely';
import type { Database } from './database';

// Building and compiling a Kysely query costs more than running most of the statements on the
// request path. A statement of a fixed shape is built once with stand-ins for its values and
// compiled once per database; each run only puts the values in place. SQLite keeps the prepared
// statement by its text (open-sqlite.ts); PostgreSQL gets a named statement (open-postgres.ts).

const SLOT = Symbol('prepared parameter');
interface Slot {
  readonly [SLOT]: string;
}
const isSlot = (v: unknown): v is Slot => typeof v === 'object' && v !== null && SLOT in v;

/** The texts of prepared statements, with the name PostgreSQL knows each by. */
const names = new Map<string, string>();
/** The name of a prepared statement's text, or undefined for any other statement. */
export const preparedName = (text: string): string | undefined => names.get(text);

interface Compiled {
  readonly query: CompiledQuery;
  /** For each parameter of the statement: the name of the value given at run time, or a constant. */
  readonly slots: readonly ({ readonly name: string } | { readonly constant: unknown })[];
}

/** `p('name')` in a prepared statement's builder: where the value named `name` goes. */
export type Param<A> = <K extends keyof A & string>(name: K) => A[K];

/** A statement compiled once per database; `run` answers the driver's result for the given values. */
export interface Prepared<A, R> {
  run(db: Kysely<Database>, args: A): Promise<QueryResult<R>>;
  /** The rows. */
  all(db: Kysely<Database>, args: A): Promise<R[]>;
  /** The first row, if any. */
  first(db: Kysely<Database>, args: A): Promise<R | undefined>;
}

/**
 * A statement of a fixed shape: `build` writes it with `p('name')` where each value goes (only
 * whole values: not inside a list of `in`), and is called once per database. `keys` are the names
 * of the first values given, for an insert of a row whose columns never change.
 */
export function prepared<A extends Record<string, unknown>, R>(
  build: (db: Kysely<Database>, p: Param<A>, keys: readonly (keyof A & string)[]) => { compile(): CompiledQuery<R> },
): Prepared<A, R> {
  const compiled = new WeakMap<DialectAdapter, Compiled>();
  const compile = (db: Kysely<Database>, args: A): Compiled => {
    const adapter = db.getExecutor().adapter;
    let c = compiled.get(adapter);
    if (!c) {
      const query = build(db, (name) => ({ [SLOT]: name }) as never, Object.keys(args)).compile();
      if (!names.has(query.sql)) names.set(query.sql, `rapport_${names.size + 1}`);
      c = { query, slots: query.parameters.map((v) => (isSlot(v) ? { name: v[SLOT] } : { constant: v })) };
      compiled.set(adapter, c);
    }
    return c;
  };
  const run = (db: Kysely<Database>, args: A): Promise<QueryResult<R>> => {
    const { query, slots } = compile(db, args);
    const parameters = slots.map((s) => ('name' in s ? args[s.name] : s.constant));
    return db.executeQuery<R>({ ...query, parameters } as CompiledQuery<R>);
  };
  return {
    run,
    all: async (db, args) => (await run(db, args)).rows,
    first: async (db, args) => (await run(db, args)).rows[0],
  };
}
