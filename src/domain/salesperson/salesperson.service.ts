import type { Stores } from '../stores';
import { decodeCursor, toPage } from '../shared/cursor';
import { duplicate, notFound } from '../shared/errors';
import type { Page, UnitOfWork } from '../shared/unit-of-work';
import type { Salesperson, SalespersonChanges } from './salesperson';

export interface NewSalesperson {
  readonly code: string;
  readonly name: string;
  readonly email?: string | null | undefined;
  readonly phoneNo?: string | null | undefined;
  readonly blocked?: boolean | undefined;
}

export interface SalespersonService {
  list(q: { limit: number; cursor?: string | undefined }): Promise<Page<Salesperson>>;
  get(code: string): Promise<Salesperson>;
  create(input: NewSalesperson): Promise<Salesperson>;
  update(code: string, changes: SalespersonChanges): Promise<Salesperson>;
  remove(code: string): Promise<void>;
}

/** Salespeople: set-up records; deletion leaves codes stored elsewhere as they are (as BC). */
export function createSalespersonService({ uow }: { uow: UnitOfWork<Stores> }): SalespersonService {
  const must = async (s: Stores, code: string) => (await s.salespeople.get(code)) ?? Promise.reject(notFound.salesperson(code));
  return {
    list: ({ limit, cursor }) =>
      uow.read(async (s) => {
        const after = decodeCursor(cursor, 'salespeople');
        const rows = await s.salespeople.list((after?.[0] as string | undefined) ?? null, limit + 1);
        return toPage(rows, limit, (r) => [r.code], 'salespeople');
      }),
    get: (code) => uow.read((s) => must(s, code)),
    create: (input) =>
      uow.transaction(async (s) => {
        // concurrent creates of one code wait here, so the later ones see it and answer 409
        await s.lock(`salesperson:${input.code}`);
        if (await s.salespeople.get(input.code)) throw duplicate('Salesperson', input.code);
        const sp: Salesperson = {
          code: input.code,
          name: input.name,
          email: input.email ?? null,
          phoneNo: input.phoneNo ?? null,
          blocked: input.blocked ?? false,
        };
        await s.salespeople.insert(sp);
        return sp;
      }),
    update: (code, changes) =>
      uow.transaction(async (s) => {
        await must(s, code);
        await s.salespeople.update(code, changes);
        return must(s, code);
      }),
    remove: (code) =>
      uow.transaction(async (s) => {
        await must(s, code);
        await s.salespeople.delete(code);
      }),
  };
}
