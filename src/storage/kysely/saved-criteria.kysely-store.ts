import { sql, type Kysely } from 'kysely';
import type { SavedCriteria, SavedCriteriaAction } from '../../domain/segment/saved-criteria';
import type { SavedCriteriaStore } from '../../domain/segment/saved-criteria.store';
import type { Database, SavedCriteriaActionsTable } from './database';
import { criteriaColumns, criteriaFromColumns } from './segment-criteria.kysely-store';

const toAction = (r: SavedCriteriaActionsTable): SavedCriteriaAction => ({
  actionNo: Number(r.action_no),
  kind: r.kind as SavedCriteriaAction['kind'],
  ...criteriaFromColumns(r),
});

export function createSavedCriteriaStore(db: Kysely<Database>): SavedCriteriaStore {
  const headers = () =>
    db
      .selectFrom('saved_criteria as c')
      .select([
        'c.code',
        'c.description',
        'c.user_id',
        'c.created_at',
        sql<number | string>`(select count(*) from saved_criteria_actions a where a.code = c.code)`.as('no_of_actions'),
      ]);
  const toSaved = (r: {
    code: string;
    description: string | null;
    user_id: string;
    created_at: string;
    no_of_actions: number | string;
  }): SavedCriteria => ({
    code: r.code,
    description: r.description,
    userId: r.user_id,
    createdAt: r.created_at,
    noOfActions: Number(r.no_of_actions),
  });

  return {
    async get(code) {
      const r = await headers().where('c.code', '=', code).executeTakeFirst();
      return r ? toSaved(r) : null;
    },
    async list(after, limit) {
      let q = headers().orderBy('c.code').limit(limit);
      if (after !== null) q = q.where('c.code', '>', after);
      return (await q.execute()).map(toSaved);
    },
    actions: async (code) =>
      (await db.selectFrom('saved_criteria_actions').selectAll().where('code', '=', code).orderBy('action_no').execute()).map(toAction),
    async insert(saved, actions) {
      await db
        .insertInto('saved_criteria')
        .values({ code: saved.code, description: saved.description, user_id: saved.userId, created_at: saved.createdAt })
        .execute();
      if (actions.length === 0) return;
      await db
        .insertInto('saved_criteria_actions')
        .values(
          actions.map((a) => ({
            code: saved.code,
            action_no: a.actionNo,
            kind: a.kind,
            ...criteriaColumns(a),
          })),
        )
        .execute();
    },
    async delete(code) {
      await db.deleteFrom('saved_criteria_actions').where('code', '=', code).execute();
      await db.deleteFrom('saved_criteria').where('code', '=', code).execute();
    },
  };
}
