import type { Kysely } from 'kysely';
import type { SalespersonStore } from '../../domain/salesperson/salesperson.store';
import type { Database, SalespeopleTable } from './database';
import { fromFlag } from './codec';

const toSalesperson = (r: SalespeopleTable) => ({
  code: r.code,
  name: r.name,
  email: r.email,
  phoneNo: r.phone_no,
  blocked: fromFlag(r.blocked),
});

export function createSalespersonStore(db: Kysely<Database>): SalespersonStore {
  return {
    async get(code) {
      const r = await db.selectFrom('salespeople').selectAll().where('code', '=', code).executeTakeFirst();
      return r ? toSalesperson(r) : null;
    },
  };
}
