import type { Kysely } from 'kysely';
import type { TemplateSetupStore } from '../../domain/template-setup/template-setup.store';
import type { Database } from './database';

export function createTemplateSetupStore(_db: Kysely<Database>): TemplateSetupStore {
  return {};
}
