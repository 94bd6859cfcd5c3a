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

/** Applies pending migrations; returns the names applied. Throws on the first failure. */
export async function migrateToLatest(db: Kysely<any>, dialect: DialectName): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
