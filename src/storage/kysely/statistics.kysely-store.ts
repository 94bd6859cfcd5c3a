import type { Kysely } from 'kysely';
import type { StatisticsStore } from '../../domain/statistics/statistics.store';
import type { Database } from './database';

export function createStatisticsStore(_db: Kysely<Database>): StatisticsStore {
  return {};
}
