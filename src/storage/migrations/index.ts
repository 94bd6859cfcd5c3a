import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DialectName } from '../open-database';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-entry-stats';
import * as m0008 from './0008-segment-search';
import * as m0009 from './0009-entry-stats-slots';
import * as m0010 from './0010-saved-criteria';
import * as m0011 from './0011-durable-jobs';
import * as m0012 from './0012-shared-claims';

type Step = { up(db: Kysely<any>, dialect: DialectName): Promise<void> };

const steps: Record<string, Step> = {
  '0001-initial': m0001,
  '0002-entry-stats': m0002,
  '0008-segment-search': m0008,
  '0009-entry-stats-slots': m0009,
  '0010-saved-criteria': m0010,
  '0011-durable-jobs': m0011,
  '0012-shared-claims': m0012,
};

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: DialectName) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(Object.entries(steps).map(([name, step]) => [name, { up: (db: Kysely<any>) => step.up(db, this.dialect) }]));
  }
}

/**
 * Applies pending migrations one at a time, each in its own transaction together with its row in
 * `kysely_migration`: a run cut short (a crash, kill -9, a full disk) leaves the database at the
 * last migration that committed, and the next run starts from there. A new migration needs
 * nothing of its own for this; it must only avoid the few statements no transaction can hold
 * (PostgreSQL's CREATE INDEX CONCURRENTLY, SQLite's VACUUM or PRAGMA foreign_keys).
 * Returns the names applied; throws on the first failure.
 */
export async function migrateToLatest(db: Kysely<any>, dialect: DialectName): Promise<string[]> {
  // Without transactional DDL the Migrator would run the steps in autocommit (Kysely's own
  // SQLite adapter says so; open-sqlite.ts overrides it).
  if (!db.getExecutor().adapter.supportsTransactionalDdl)
    throw new Error('migrations need a database adapter that runs DDL in transactions');
  const migrator = new Migrator({ db, provider: new StaticProvider(dialect) });
  const applied: string[] = [];
  for (;;) {
    const { error, results } = await migrator.migrateUp();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    const done = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    if (!done.length) return applied;
    applied.push(...done);
  }
}
