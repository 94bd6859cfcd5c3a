import { sql, type Kysely } from 'kysely';
import type { Stores } from '../../domain/stores';
import type { UnitOfWork } from '../../domain/shared/unit-of-work';
import type { DialectName } from '../open-database';
import { sqlDialects } from '../sql-dialects';
import type { Database } from './database';
import { createAccountStore } from './account.kysely-store';
import { createAttachmentStore } from './attachment.kysely-store';
import { createCampaignStore } from './campaign.kysely-store';
import { createContactStore } from './contact.kysely-store';
import { createIdempotencyStore } from './idempotency.kysely-store';
import { createInteractionGroupStore } from './interaction-group.kysely-store';
import { createInteractionLogStore } from './interaction-log.kysely-store';
import { createInteractionTemplateStore } from './interaction-template.kysely-store';
import { createJobStore } from './job.kysely-store';
import { createLanguageStore } from './language.kysely-store';
import { createLoggingStore } from './logging.kysely-store';
import { createOpportunityStore } from './opportunity.kysely-store';
import { createStatisticsStore } from './statistics.kysely-store';
import { createSalespersonStore } from './salesperson.kysely-store';
import { createSavedCriteriaStore } from './saved-criteria.kysely-store';
import { createCriteriaStore } from './segment-criteria.kysely-store';
import { createSegmentHeaderStore } from './segment-header.kysely-store';
import { createSegmentLanguageStore } from './segment-language.kysely-store';
import { createSegmentLineStore } from './segment-line.kysely-store';
import { createSegmentLogStore } from './segment-log.kysely-store';
import { createLoggedSegmentStore } from './segment-logged.kysely-store';
import { createSegmentRefsStore } from './segment-refs.kysely-store';
import { asSegDb } from './segment-row.kysely-store';
import { nextNumber } from './number-series';
import type { SqlDialect } from './sql-dialect';
import { analyzeWritten, writtenRows, type Wrote } from './written-rows';
import { createTemplateSetupStore } from './template-setup.kysely-store';

type StorePorts = Omit<Stores, 'dialect' | 'lock' | 'ping' | 'nextNumber'>;

function createStores(db: Kysely<Database>, dialect: SqlDialect, wrote: Wrote): Stores {
  const lock = (name: string) => dialect.lock(db, name);
  const factories: { [K in keyof StorePorts]: () => StorePorts[K] } = {
    account: () => createAccountStore(db),
    languages: () => createLanguageStore(db),
    salespeople: () => createSalespersonStore(db),
    contacts: () => createContactStore(db, dialect, wrote),
    interactionGroups: () => createInteractionGroupStore(db),
    templates: () => createInteractionTemplateStore(db),
    templateSetup: () => createTemplateSetupStore(db),
    campaigns: () => createCampaignStore(db, wrote),
    attachments: () => createAttachmentStore(db),
    entries: () => createInteractionLogStore(db, dialect, wrote),
    logging: () => createLoggingStore(db),
    statistics: () => createStatisticsStore(db),
    opportunities: () => createOpportunityStore(db),
    segmentHeaders: () => createSegmentHeaderStore(asSegDb(db), dialect, wrote),
    segmentLanguages: () => createSegmentLanguageStore(asSegDb(db)),
    segmentLines: () => createSegmentLineStore(asSegDb(db), dialect, wrote),
    segmentCriteria: () => createCriteriaStore(asSegDb(db), dialect),
    segmentLog: () => createSegmentLogStore(asSegDb(db), dialect, wrote),
    loggedSegments: () => createLoggedSegmentStore(asSegDb(db), wrote),
    segmentRefs: () => createSegmentRefsStore(db),
    savedCriteria: () => createSavedCriteriaStore(db),
    jobs: () => createJobStore(db),
    idempotency: () => createIdempotencyStore(db),
  };
  const stores = {
    dialect: dialect.name,
    lock,
    async ping() {
      await sql`select 1`.execute(db);
    },
    async nextNumber(series: Parameters<Stores['nextNumber']>[0]) {
      await lock(`series:${series}`);
      return nextNumber(db, dialect, series);
    },
  } as Stores;
  // Each store is built on first use: a transaction touches only a few of them.
  for (const [name, create] of Object.entries(factories)) {
    Object.defineProperty(stores, name, {
      configurable: true,
      enumerable: true,
      get() {
        const store = (create as () => unknown)();
        Object.defineProperty(stores, name, { value: store, enumerable: true });
        return store;
      },
    });
  }
  return stores;
}

/** The storage side of the UnitOfWork port, written once for both dialects. */
export function createUnitOfWork(db: Kysely<Database>, name: DialectName): UnitOfWork<Stores> {
  const dialect = sqlDialects[name];
  // writes outside a transaction are single statements: no bulk write to refresh statistics after
  const plain = createStores(db, dialect, () => undefined);
  return {
    async transaction(fn) {
      const written = writtenRows();
      const result = await db.transaction().execute((trx) => fn(createStores(trx, dialect, written.wrote)));
      await analyzeWritten(dialect, db, written.tablesToAnalyze());
      return result;
    },
    read: (fn) => fn(plain),
  };
}
