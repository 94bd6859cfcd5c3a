import { attachmentReadOnly, attachmentTooLarge, MAX_ATTACHMENT_BYTES, type NewFile } from '../attachment/attachment';
import type { Clock } from '../shared/clock';
import { decodeCursor, toPage } from '../shared/cursor';
import { duplicate, notFound } from '../shared/errors';
import type { Page, UnitOfWork } from '../shared/unit-of-work';
import type { Stores } from '../stores';
import type { TemplateLanguage } from './interaction-template';
import { mustTemplate } from './interaction-template.service';

export interface TemplateLanguageService {
  list(code: string, q: { limit: number; cursor?: string | undefined }): Promise<Page<TemplateLanguage>>;
  get(code: string, languageCode: string): Promise<TemplateLanguage>;
  /** Adds a language row; its description defaults to the template's (domain.md §3.6). */
  create(code: string, input: { languageCode: string; description?: string | null | undefined }): Promise<TemplateLanguage>;
  update(code: string, languageCode: string, changes: { description?: string | null | undefined }): Promise<TemplateLanguage>;
  /** Deletes a row with its attachment unless read-only; a deleted default language empties `languageCodeDefault`. */
  remove(code: string, languageCode: string): Promise<void>;
  /** Sets or replaces the row's attachment (R57, R60); the old one is deleted. */
  putAttachment(code: string, languageCode: string, file: NewFile): Promise<TemplateLanguage>;
  /** Removes the row's attachment (R57, R60). */
  removeAttachment(code: string, languageCode: string): Promise<void>;
}

async function mustRow(s: Stores, code: string, languageCode: string): Promise<TemplateLanguage> {
  await mustTemplate(s, code);
  return (await s.templates.getLanguage(code, languageCode)) ?? Promise.reject(notFound.templateLanguage(code, languageCode));
}

/** A read-only attachment belongs to the entries using it: it cannot be replaced or removed (R60). */
async function mustBeReplaceable(s: Stores, attachmentId: number | null): Promise<void> {
  if (attachmentId === null) return;
  const current = await s.attachments.get(attachmentId);
  if (current?.readOnly) throw attachmentReadOnly(attachmentId);
}

export function createTemplateLanguageService({ uow, clock }: { uow: UnitOfWork<Stores>; clock: Clock }): TemplateLanguageService {
  return {
    list: (code, { limit, cursor }) =>
      uow.read(async (s) => {
        await mustTemplate(s, code);
        const scope = ['template-languages', code];
        const after = decodeCursor(cursor, scope);
        const rows = await s.templates.listLanguages(code, (after?.[0] as string | undefined) ?? null, limit + 1);
        return toPage(rows, limit, (r) => [r.languageCode], scope);
      }),
    get: (code, languageCode) => uow.read((s) => mustRow(s, code, languageCode)),
    create: (code, input) =>
      uow.transaction(async (s) => {
        const template = await mustTemplate(s, code);
        if (!(await s.languages.get(input.languageCode))) throw notFound.language(input.languageCode);
        // concurrent creates of one row wait here, so the later ones see it and answer 409
        await s.lock(`template-language:${code}:${input.languageCode}`);
        if (await s.templates.getLanguage(code, input.languageCode))
          throw duplicate('Interaction template language', `${code} ${input.languageCode}`);
        const row: TemplateLanguage = {
          templateCode: code,
          languageCode: input.languageCode,
          description: input.description === undefined ? template.description : input.description,
          attachmentId: null,
        };
        await s.templates.insertLanguage(row);
        return row;
      }),
    update: (code, languageCode, changes) =>
      uow.transaction(async (s) => {
        await mustRow(s, code, languageCode);
        await s.templates.updateLanguage(code, languageCode, changes.description === undefined ? {} : { description: changes.description });
        return mustRow(s, code, languageCode);
      }),
    remove: (code, languageCode) =>
      uow.transaction(async (s) => {
        const template = await mustTemplate(s, code);
        const row = await s.templates.getLanguage(code, languageCode);
        if (!row) throw notFound.templateLanguage(code, languageCode);
        await s.templates.deleteLanguage(code, languageCode);
        if (template.languageCodeDefault === languageCode) await s.templates.update(code, { languageCodeDefault: null });
        // a read-only attachment stays for the entries that use it
        if (row.attachmentId !== null) await s.attachments.deleteIfUnused([row.attachmentId]);
      }),
    putAttachment: (code, languageCode, file) => {
      if (file.content.byteLength > MAX_ATTACHMENT_BYTES) return Promise.reject(attachmentTooLarge());
      return uow.transaction(async (s) => {
        const row = await mustRow(s, code, languageCode);
        await mustBeReplaceable(s, row.attachmentId);
        const added = await s.attachments.insert({ ...file, readOnly: false, createdAt: clock.now().toISOString() });
        await s.templates.updateLanguage(code, languageCode, { attachmentId: added.id });
        if (row.attachmentId !== null) await s.attachments.deleteIfUnused([row.attachmentId]);
        return { ...row, attachmentId: added.id };
      });
    },
    removeAttachment: (code, languageCode) =>
      uow.transaction(async (s) => {
        const row = await mustRow(s, code, languageCode);
        if (row.attachmentId === null) throw notFound.generic();
        await mustBeReplaceable(s, row.attachmentId);
        await s.templates.updateLanguage(code, languageCode, { attachmentId: null });
        await s.attachments.deleteIfUnused([row.attachmentId]);
      }),
  };
}
