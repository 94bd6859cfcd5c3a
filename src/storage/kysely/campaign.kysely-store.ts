import type { Kysely } from 'kysely';
import type { CampaignStore } from '../../domain/campaign/campaign.store';
import type { Database } from './database';

export function createCampaignStore(_db: Kysely<Database>): CampaignStore {
  return {};
}
