import type { Kysely } from 'kysely';
import type { InteractionTemplateStore } from '../../domain/interaction-template/interaction-template.store';
import type { Database } from './database';

export function createInteractionTemplateStore(_db: Kysely<Database>): InteractionTemplateStore {
  return {};
}
