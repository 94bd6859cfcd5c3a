import type { Kysely } from 'kysely';
import type { LanguageStore } from '../../domain/language/language.store';
import type { Database } from './database';

export function createLanguageStore(db: Kysely<Database>): LanguageStore {
  return {
    get: async (code) => (await db.selectFrom('languages').select(['code', 'name']).where('code', '=', code).executeTakeFirst()) ?? null,
    async list(after, limit) {
      let q = db.selectFrom('languages').select(['code', 'name']).orderBy('code').limit(limit);
      if (after !== null) q = q.where('code', '>', after);
      return q.execute();
    },
    async insert(l) {
      await db.insertInto('languages').values(l).execute();
    },
    async update(code, c) {
      if (c.name !== undefined) await db.updateTable('languages').set({ name: c.name }).where('code', '=', code).execute();
    },
    async delete(code) {
      await db.deleteFrom('languages').where('code', '=', code).execute();
    },
  };
}
