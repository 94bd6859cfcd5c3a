import type { Stores } from '../stores';
import { decodeCursor, toPage } from '../shared/cursor';
import { duplicate, notFound } from '../shared/errors';
import type { Page, UnitOfWork } from '../shared/unit-of-work';
import type { Language } from './language';

export interface LanguageService {
  list(q: { limit: number; cursor?: string | undefined }): Promise<Page<Language>>;
  get(code: string): Promise<Language>;
  create(input: Language): Promise<Language>;
  update(code: string, changes: { name?: string | undefined }): Promise<Language>;
  remove(code: string): Promise<void>;
}

/** Languages: plain set-up records; deletion leaves codes stored elsewhere as they are (as BC). */
export function createLanguageService({ uow }: { uow: UnitOfWork<Stores> }): LanguageService {
  const must = async (s: Stores, code: string) => (await s.languages.get(code)) ?? Promise.reject(notFound.language(code));
  return {
    list: ({ limit, cursor }) =>
      uow.read(async (s) => {
        const after = decodeCursor(cursor, 'languages');
        const rows = await s.languages.list((after?.[0] as string | undefined) ?? null, limit + 1);
        return toPage(rows, limit, (r) => [r.code], 'languages');
      }),
    get: (code) => uow.read((s) => must(s, code)),
    create: (input) =>
      uow.transaction(async (s) => {
        // concurrent creates of one code wait here, so the second gets duplicate_code, not a crash
        await s.lock(`language:${input.code}`);
        if (await s.languages.get(input.code)) throw duplicate('Language', input.code);
        await s.languages.insert(input);
        return input;
      }),
    update: (code, changes) =>
      uow.transaction(async (s) => {
        await must(s, code);
        await s.languages.update(code, changes);
        return must(s, code);
      }),
    remove: (code) =>
      uow.transaction(async (s) => {
        await must(s, code);
        await s.languages.delete(code);
      }),
  };
}
