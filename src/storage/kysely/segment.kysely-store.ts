import type { Kysely } from 'kysely';
import type { SegmentStore } from '../../domain/segment/segment.store';
import type { Database } from './database';

export function createSegmentStore(_db: Kysely<Database>): SegmentStore {
  return {};
}
