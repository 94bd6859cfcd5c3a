import type { Stores } from '../stores';
import type { Clock } from '../shared/clock';
import type { UnitOfWork } from '../shared/unit-of-work';
import type { StoredResponse } from './idempotency.store';

/** Keys are kept at least 24 hours (decision o); older ones are purged. */
const KEEP_MS = 48 * 60 * 60 * 1000;

export function createIdempotencyService({ uow, clock }: { uow: UnitOfWork<Stores>; clock: Clock }) {
  return {
    find: (username: string, key: string) => uow.read((s) => s.idempotency.find(username, key)),
    save: (username: string, key: string, response: StoredResponse) =>
      uow.transaction((s) => s.idempotency.save(username, key, response, clock.now().toISOString())),
    purgeExpired: () =>
      uow.transaction((s) => s.idempotency.purgeBefore(new Date(clock.now().getTime() - KEEP_MS).toISOString())),
  };
}
