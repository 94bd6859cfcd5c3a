import type { Kysely } from 'kysely';
import type { AttachmentStore } from '../../domain/attachment/attachment.store';
import type { Database } from './database';

export function createAttachmentStore(_db: Kysely<Database>): AttachmentStore {
  return {};
}
