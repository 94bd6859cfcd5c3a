import type { Kysely } from 'kysely';
import type { SegmentStore } from '../../domain/segment/segment.store';
import type { DialectName } from '../open-database';
import type { Database } from './database';
import { createLoggedSegmentStore } from './segment-logged.kysely-store';
import { createCriteriaStore } from './segment-criteria.kysely-store';
import { createSegmentHeaderStore } from './segment-header.kysely-store';
import { createSegmentLineStore } from './segment-line.kysely-store';
import { createSegmentLogStore } from './segment-log.kysely-store';
import { createSegmentRefsStore } from './segment-refs.kysely-store';
import { asSegDb } from './segment-row.kysely-store';

export function createSegmentStore(database: Kysely<Database>, dialect: DialectName): SegmentStore {
  const db = asSegDb(database);
  return {
    ...createSegmentRefsStore(db),
    ...createSegmentHeaderStore(db),
    ...createSegmentLineStore(db, dialect),
    ...createCriteriaStore(db, dialect),
    ...createSegmentLogStore(db, dialect),
    ...createLoggedSegmentStore(db),
  };
}
