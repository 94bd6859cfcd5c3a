import { sql, type Kysely } from 'kysely';
import type { Stores } from '../../domain/stores';
import type { UnitOfWork } from '../../domain/shared/unit-of-work';
import type { DialectName } from '../open-database';
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
import { createTemplateSetupStore } from './template-setup.kysely-store';

type StorePorts = Omit<Stores, 'dialect' | 'lock' | 'ping' | 'nextNumber'>;

function createStores(db: Kysely<Database>, dialect: DialectName): Stores {
  const lock = async (name: string) => {
    // SQLite has one writer at a time already; PostgreSQL takes a transaction-scoped advisory lock.
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(db);
  };
  const factories: { [K in keyof StorePorts]: () => StorePorts[K] } = {
    account: () => createAccountStore(db),
    languages: () => createLanguageStore(db),
    salespeople: () => createSalespersonStore(db),
    contacts: () => createContactStore(db, dialect),
    interactionGroups: () => createInteractionGroupStore(db),
    templates: () => createInteractionTemplateStore(db),
    templateSetup: () => createTemplateSetupStore(db),
    campaigns: () => createCampaignStore(db),
    attachments: () => createAttachmentStore(db),
    entries: () => createInteractionLogStore(db, dialect),
    logging: () => createLoggingStore(db),
    statistics: () => createStatisticsStore(db),
    opportunities: () => createOpportunityStore(db),
    segmentHeaders: () => createSegmentHeaderStore(asSegDb(db), dialect),
    segmentLanguages: () => createSegmentLanguageStore(asSegDb(db)),
    segmentLines: () => createSegmentLineStore(asSegDb(db), dialect),
    segmentCriteria: () => createCriteriaStore(asSegDb(db), dialect),
    segmentLog: () => createSegmentLogStore(asSegDb(db), dialect),
    loggedSegments: () => createLoggedSegmentStore(asSegDb(db)),
    segmentRefs: () => createSegmentRefsStore(db),
    savedCriteria: () => createSavedCriteriaStore(db),
    jobs: () => createJobStore(db),
    idempotency: () => createIdempotencyStore(db),
  };
  const stores = {
    dialect,
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
export function createUnitOfWork(db: Kysely<Database>, dialect: DialectName): UnitOfWork<Stores> {
  const plain = createStores(db, dialect);
  return {
    transaction: (fn) => db.transaction().execute((trx) => fn(createStores(trx, dialect))),
    read: (fn) => fn(plain),
  };
}
