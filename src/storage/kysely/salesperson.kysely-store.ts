import type { Kysely } from 'kysely';
import type { Salesperson } from '../../domain/salesperson/salesperson';
import type { SalespersonStore } from '../../domain/salesperson/salesperson.store';
import type { Database, SalespeopleTable } from './database';
import { fromFlag, toFlag } from './codec';
import { prepared, type Param } from './prepared';

// read on every interaction logged (the user's salesperson, R9): compiled once
const getQuery = prepared((db, p: Param<{ code: string }>) => db.selectFrom('salespeople').selectAll().where('code', '=', p('code')));

const toSalesperson = (r: SalespeopleTable): Salesperson => ({
  code: r.code,
  name: r.name,
  email: r.email,
  phoneNo: r.phone_no,
  blocked: fromFlag(r.blocked),
});

export function createSalespersonStore(db: Kysely<Database>): SalespersonStore {
  return {
    async get(code) {
      const r = await getQuery.first(db, { code });
      return r ? toSalesperson(r) : null;
    },
    async list(after, limit) {
      let q = db.selectFrom('salespeople').selectAll().orderBy('code').limit(limit);
      if (after !== null) q = q.where('code', '>', after);
      return (await q.execute()).map(toSalesperson);
    },
    async insert(sp) {
      await db
        .insertInto('salespeople')
        .values({ code: sp.code, name: sp.name, email: sp.email, phone_no: sp.phoneNo, blocked: toFlag(sp.blocked) })
        .execute();
    },
    async update(code, c) {
      const set = {
        ...(c.name !== undefined && { name: c.name }),
        ...(c.email !== undefined && { email: c.email }),
        ...(c.phoneNo !== undefined && { phone_no: c.phoneNo }),
        ...(c.blocked !== undefined && { blocked: toFlag(c.blocked) }),
      };
      if (Object.keys(set).length) await db.updateTable('salespeople').set(set).where('code', '=', code).execute();
    },
    async delete(code) {
      await db.deleteFrom('salespeople').where('code', '=', code).execute();
    },
  };
}
