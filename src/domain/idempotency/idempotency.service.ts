import { randomUUID } from 'node:crypto';
import type { Stores } from '../stores';
import type { Clock } from '../shared/clock';
import type { UnitOfWork } from '../shared/unit-of-work';
import type { ClaimResult, StoredResponse } from './idempotency.store';

/** Keys are kept at least 24 hours (decision o); older ones are purged. */
const KEEP_MS = 48 * 60 * 60 * 1000;
/**
 * A claim older than this belongs to a process that died while running the request: another
 * request with the key may take it over. Longer than any synchronous request runs.
 */
export const CLAIM_STALE_MS = 10 * 60 * 1000;

export interface Claim {
  readonly username: string;
  readonly key: string;
  readonly fingerprint: string;
  /** This claimant's id: only it completes or releases the row. */
  readonly id: string;
}

export function createIdempotencyService({ uow, clock }: { uow: UnitOfWork<Stores>; clock: Clock }) {
  return {
    /** Claims the key for a request with this fingerprint, or reports who holds it. */
    async claim(username: string, key: string, fingerprint: string): Promise<{ claim: Claim; result: ClaimResult }> {
      const id = randomUUID();
      const now = clock.now();
      const result = await uow.transaction((s) =>
        s.idempotency.claim(username, key, fingerprint, id, now.toISOString(), new Date(now.getTime() - CLAIM_STALE_MS).toISOString()),
      );
      return { claim: { username, key, fingerprint, id }, result };
    },
    complete: (claim: Claim, response: Omit<StoredResponse, 'fingerprint'>) =>
      uow.transaction((s) => s.idempotency.complete(claim.username, claim.key, claim.id, { ...response, fingerprint: claim.fingerprint })),
    release: (claim: Claim) => uow.transaction((s) => s.idempotency.release(claim.username, claim.key, claim.id)),
    purgeExpired: () => uow.transaction((s) => s.idempotency.purgeBefore(new Date(clock.now().getTime() - KEEP_MS).toISOString())),
  };
}

export type IdempotencyService = ReturnType<typeof createIdempotencyService>;
