import type { Kysely } from 'kysely';
import type { InteractionGroupStore } from '../../domain/interaction-group/interaction-group.store';
import type { Database } from './database';

export function createInteractionGroupStore(_db: Kysely<Database>): InteractionGroupStore {
  return {};
}
