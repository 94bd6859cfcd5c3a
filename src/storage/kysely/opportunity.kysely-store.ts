import type { Kysely } from 'kysely';
import type { OpportunityStore } from '../../domain/opportunity/opportunity.store';
import type { Database } from './database';

export function createOpportunityStore(_db: Kysely<Database>): OpportunityStore {
  return {};
}
