import type { Kysely } from 'kysely';
import type { IdempotencyStore } from '../../domain/idempotency/idempotency.store';
import type { Database } from './database';

export function createIdempotencyStore(db: Kysely<Database>): IdempotencyStore {
  return {
    async find(username, key) {
      const r = await db.selectFrom('idempotency_keys').selectAll().where('username', '=', username).where('key', '=', key).executeTakeFirst();
      return r ? { fingerprint: r.fingerprint, status: r.status, headers: r.headers ? JSON.parse(r.headers) : {}, body: r.body } : null;
    },
    async save(username, key, res, createdAt) {
      await db
        .insertInto('idempotency_keys')
        .values({ username, key, fingerprint: res.fingerprint, status: res.status, headers: JSON.stringify(res.headers), body: res.body, created_at: createdAt })
        .onConflict((oc) => oc.columns(['username', 'key']).doNothing())
        .execute();
    },
    async purgeBefore(createdAt) {
      const r = await db.deleteFrom('idempotency_keys').where('created_at', '<', createdAt).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
