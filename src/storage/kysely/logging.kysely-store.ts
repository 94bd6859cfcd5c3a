import type { Kysely } from 'kysely';
import type { LoggingStore } from '../../domain/interaction-log/logging.store';
import type { Database } from './database';

export function createLoggingStore(_db: Kysely<Database>): LoggingStore {
  return {};
}
