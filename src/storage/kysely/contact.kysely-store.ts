import type { Kysely } from 'kysely';
import type { ContactStore } from '../../domain/contact/contact.store';
import type { Database } from './database';

export function createContactStore(_db: Kysely<Database>): ContactStore {
  return {};
}
