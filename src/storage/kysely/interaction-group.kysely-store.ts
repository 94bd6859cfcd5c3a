import type { Kysely } from 'kysely';
import type { InteractionGroupStore } from '../../domain/interaction-group/interaction-group.store';
import type { Database } from './database';

export function createInteractionGroupStore(db: Kysely<Database>): InteractionGroupStore {
  return {
    get: async (code) =>
      (await db.selectFrom('interaction_groups').select(['code', 'description']).where('code', '=', code).executeTakeFirst()) ?? null,
    async list(after, limit) {
      let q = db.selectFrom('interaction_groups').select(['code', 'description']).orderBy('code').limit(limit);
      if (after !== null) q = q.where('code', '>', after);
      return q.execute();
    },
    async insert(g) {
      await db.insertInto('interaction_groups').values(g).execute();
    },
    async update(code, c) {
      if (c.description !== undefined)
        await db.updateTable('interaction_groups').set({ description: c.description }).where('code', '=', code).execute();
    },
    async delete(code) {
      await db.deleteFrom('interaction_groups').where('code', '=', code).execute();
    },
    async isInUse(code) {
      // both lookups are index seeks (templates_group, entries_group); postponed entries count too
      const template = await db
        .selectFrom('interaction_templates')
        .select('code')
        .where('interaction_group_code', '=', code)
        .limit(1)
        .executeTakeFirst();
      if (template) return true;
      const entry = await db
        .selectFrom('interaction_log_entries')
        .select('entry_no')
        .where('interaction_group_code', '=', code)
        .limit(1)
        .executeTakeFirst();
      return entry !== undefined;
    },
  };
}
