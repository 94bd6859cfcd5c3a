import type { Kysely } from 'kysely';
import type { ClaimResult, IdempotencyStore } from '../../domain/idempotency/idempotency.store';
import type { Database } from './database';

export function createIdempotencyStore(db: Kysely<Database>): IdempotencyStore {
  const row = (username: string, key: string) =>
    db.selectFrom('idempotency_keys').selectAll().where('username', '=', username).where('key', '=', key).executeTakeFirst();

  return {
    async claim(username, key, fingerprint, claim, now, staleBefore): Promise<ClaimResult> {
      // insert-or-conflict: of concurrent claimants on any process exactly one inserts the row
      const inserted = await db
        .insertInto('idempotency_keys')
        .values({ username, key, fingerprint, status: 0, headers: null, body: null, created_at: now, state: 'in_progress', claim })
        .onConflict((oc) => oc.columns(['username', 'key']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { state: 'claimed' };
      const found = await row(username, key);
      // released between our insert and this read: the caller tries again
      if (!found) return { state: 'in_progress', fingerprint };
      if (found.state === 'done')
        return {
          state: 'done',
          response: {
            fingerprint: found.fingerprint,
            status: found.status,
            headers: found.headers ? JSON.parse(found.headers) : {},
            body: found.body,
          },
        };
      if (found.created_at < staleBefore) {
        const taken = await db
          .updateTable('idempotency_keys')
          .set({ fingerprint, claim, created_at: now })
          .where('username', '=', username)
          .where('key', '=', key)
          .where('state', '=', 'in_progress')
          .where('claim', '=', found.claim ?? '')
          .executeTakeFirst();
        if (Number(taken.numUpdatedRows) === 1) return { state: 'claimed' };
      }
      return { state: 'in_progress', fingerprint: found.fingerprint };
    },
    async complete(username, key, claim, res) {
      const r = await db
        .updateTable('idempotency_keys')
        .set({ state: 'done', claim: null, status: res.status, headers: JSON.stringify(res.headers), body: res.body })
        .where('username', '=', username)
        .where('key', '=', key)
        .where('claim', '=', claim)
        .where('state', '=', 'in_progress')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async release(username, key, claim) {
      await db
        .deleteFrom('idempotency_keys')
        .where('username', '=', username)
        .where('key', '=', key)
        .where('claim', '=', claim)
        .where('state', '=', 'in_progress')
        .execute();
    },
    async purgeBefore(createdAt) {
      const r = await db.deleteFrom('idempotency_keys').where('created_at', '<', createdAt).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
