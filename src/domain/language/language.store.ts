import type { Language } from './language';

/** What languages need from storage. */
export interface LanguageStore {
  get(code: string): Promise<Language | null>;
  list(afterCode: string | null, limit: number): Promise<Language[]>;
  insert(language: Language): Promise<void>;
  update(code: string, changes: { name?: string | undefined }): Promise<void>;
  delete(code: string): Promise<void>;
}
