import type { Kysely } from 'kysely';
import { emptySetup, TEMPLATE_SETUP_SLOTS, type TemplateSetupSlot } from '../../domain/template-setup/template-setup';
import type { TemplateSetupStore } from '../../domain/template-setup/template-setup.store';
import type { Database } from './database';

const isSlot = (s: string): s is TemplateSetupSlot => (TEMPLATE_SETUP_SLOTS as readonly string[]).includes(s);

export function createTemplateSetupStore(db: Kysely<Database>): TemplateSetupStore {
  return {
    async get() {
      const setup = emptySetup();
      for (const r of await db.selectFrom('template_setup').select(['slot', 'template_code']).execute()) {
        if (isSlot(r.slot)) setup[r.slot] = r.template_code;
      }
      return setup;
    },
    async templateOf(slot) {
      const r = await db.selectFrom('template_setup').select('template_code').where('slot', '=', slot).executeTakeFirst();
      return r?.template_code ?? null;
    },
    async set(changes) {
      const entries = Object.entries(changes).filter((e): e is [TemplateSetupSlot, string | null] => e[1] !== undefined);
      if (entries.length === 0) return;
      await db
        .deleteFrom('template_setup')
        .where(
          'slot',
          'in',
          entries.map(([slot]) => slot),
        )
        .execute();
      const rows = entries.flatMap(([slot, code]) => (code === null ? [] : [{ slot, template_code: code }]));
      if (rows.length) await db.insertInto('template_setup').values(rows).execute();
    },
  };
}
