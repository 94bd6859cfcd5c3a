import type { Kysely } from 'kysely';
import type { InteractionLogStore } from '../../domain/interaction-log/interaction-log.store';
import type { Database } from './database';

export function createInteractionLogStore(_db: Kysely<Database>): InteractionLogStore {
  return {};
}
