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

interface Context {
  readonly db: Kysely<Database>;
  readonly dialect: SqlDialect;
  readonly wrote: Wrote;
}

const factories: { [K in keyof StorePorts]: (c: Context) => StorePorts[K] } = {
  account: (c) => createAccountStore(c.db),
  languages: (c) => createLanguageStore(c.db),
  salespeople: (c) => createSalespersonStore(c.db),
  contacts: (c) => createContactStore(c.db, c.dialect, c.wrote),
  interactionGroups: (c) => createInteractionGroupStore(c.db),
  templates: (c) => createInteractionTemplateStore(c.db),
  templateSetup: (c) => createTemplateSetupStore(c.db),
  campaigns: (c) => createCampaignStore(c.db, c.wrote),
  attachments: (c) => createAttachmentStore(c.db),
  entries: (c) => createInteractionLogStore(c.db, c.dialect, c.wrote),
  logging: (c) => createLoggingStore(c.db),
  statistics: (c) => createStatisticsStore(c.db),
  opportunities: (c) => createOpportunityStore(c.db),
  segmentHeaders: (c) => createSegmentHeaderStore(asSegDb(c.db), c.dialect, c.wrote),
  segmentLanguages: (c) => createSegmentLanguageStore(asSegDb(c.db)),
  segmentLines: (c) => createSegmentLineStore(asSegDb(c.db), c.dialect, c.wrote),
  segmentCriteria: (c) => createCriteriaStore(asSegDb(c.db), c.dialect),
  segmentLog: (c) => createSegmentLogStore(asSegDb(c.db), c.dialect, c.wrote),
  loggedSegments: (c) => createLoggedSegmentStore(asSegDb(c.db), c.wrote),
  segmentRefs: (c) => createSegmentRefsStore(c.db),
  savedCriteria: (c) => createSavedCriteriaStore(c.db),
  jobs: (c) => createJobStore(c.db),
  idempotency: (c) => createIdempotencyStore(c.db),
};

const CONTEXT = Symbol('stores context');

// Each store is built on first use: a transaction touches only a few of them. The lazy getters
// live on one shared prototype, so a transaction's stores cost one small object, not a property
// definition per store.
const lazyStores: object = Object.create(null);
for (const [name, create] of Object.entries(factories)) {
  Object.defineProperty(lazyStores, name, {
    enumerable: true,
    get(this: { [CONTEXT]: Context }) {
      const store = (create as (c: Context) => unknown)(this[CONTEXT]);
      Object.defineProperty(this, name, { value: store, enumerable: true, configurable: true });
      return store;
    },
  });
}

function createStores(db: Kysely<Database>, dialect: SqlDialect, wrote: Wrote): Stores {
  const lock = (name: string) => dialect.lock(db, name);
  const stores = Object.create(lazyStores) as Stores & { [CONTEXT]: Context };
  stores[CONTEXT] = { db, dialect, wrote };
  return Object.assign(stores, {
    dialect: dialect.name,
    lock,
    async ping() {
      await sql`select 1`.execute(db);
    },
    async nextNumber(series: Parameters<Stores['nextNumber']>[0]) {
      await lock(`series:${series}`);
      return nextNumber(db, dialect, series);
    },
  });
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
