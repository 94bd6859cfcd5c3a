import type { Stores } from '../stores';
import { decodeCursor, toPage } from '../shared/cursor';
import { duplicate, notFound } from '../shared/errors';
import type { Page, UnitOfWork } from '../shared/unit-of-work';
import {
  applyTemplateChanges,
  mergeRefused,
  templateInUse,
  type InteractionTemplate,
  type TemplateChanges,
  type TemplateFields,
} from './interaction-template';

export interface InteractionTemplateService {
  list(q: {
    interactionGroupCode?: string | null | undefined;
    limit: number;
    cursor?: string | undefined;
  }): Promise<Page<InteractionTemplate>>;
  get(code: string): Promise<InteractionTemplate>;
  /** Creates a template; a default language gets its template language row (R57). */
  create(input: TemplateFields): Promise<InteractionTemplate>;
  /** Changes a template (R57, R58). */
  update(code: string, changes: TemplateChanges): Promise<InteractionTemplate>;
  /** Deletes an unused template with its language rows and their attachments that are not read-only (decision b). */
  remove(code: string): Promise<void>;
}

/** Must exist: the template addressed by a path. */
export async function mustTemplate(s: Stores, code: string): Promise<InteractionTemplate> {
  return (await s.templates.get(code)) ?? Promise.reject(notFound.template(code));
}

/** References of a template's fields, checked in the order of api.md §4.4. */
async function checkReferences(s: Stores, c: TemplateChanges): Promise<void> {
  if (c.interactionGroupCode !== undefined && !(await s.templates.groupExists(c.interactionGroupCode)))
    throw notFound.group(c.interactionGroupCode);
  if (c.campaignNo != null && !(await s.templates.campaignExists(c.campaignNo))) throw notFound.campaign(c.campaignNo);
  if (c.languageCodeDefault != null && !(await s.languages.get(c.languageCodeDefault))) throw notFound.language(c.languageCodeDefault);
}

/**
 * Writes the consequences of setting a default language and checks the wizard action: the default
 * language's row is created with the template's description when missing (R57); `merge` is refused
 * while that row exists (R58).
 */
async function settleLanguage(s: Stores, next: TemplateFields, changes: TemplateChanges): Promise<void> {
  const lang = next.languageCodeDefault;
  if (changes.languageCodeDefault != null && lang !== null && !(await s.templates.getLanguage(next.code, lang))) {
    await s.templates.insertLanguage({ templateCode: next.code, languageCode: lang, description: next.description, attachmentId: null });
  }
  if (changes.wizardAction !== undefined || changes.languageCodeDefault !== undefined) {
    const hasRow = lang !== null && (await s.templates.getLanguage(next.code, lang)) !== null;
    const refused = mergeRefused(next, hasRow);
    if (refused) throw refused;
  }
}

export function createInteractionTemplateService({ uow }: { uow: UnitOfWork<Stores> }): InteractionTemplateService {
  return {
    list: ({ interactionGroupCode, limit, cursor }) =>
      uow.read(async (s) => {
        const group = interactionGroupCode ?? null;
        const scope = ['interaction-templates', group];
        const after = decodeCursor(cursor, scope);
        const rows = await s.templates.list({
          interactionGroupCode: group,
          afterCode: (after?.[0] as string | undefined) ?? null,
          limit: limit + 1,
        });
        return toPage(rows, limit, (t) => [t.code], scope);
      }),
    get: (code) => uow.read((s) => mustTemplate(s, code)),
    create: (input) =>
      uow.transaction(async (s) => {
        const { code, ...changes } = input;
        // concurrent creates of one code wait here, so the later ones see it and answer 409
        await s.lock(`interaction-template:${code}`);
        await checkReferences(s, changes);
        if (await s.templates.get(code)) throw duplicate('Interaction template', code);
        await s.templates.insert(input);
        await settleLanguage(s, input, changes);
        return mustTemplate(s, code);
      }),
    update: (code, changes) =>
      uow.transaction(async (s) => {
        const current = await mustTemplate(s, code);
        await checkReferences(s, changes);
        const { attachmentId: _computed, ...fields } = current;
        const next = applyTemplateChanges(fields, changes);
        const { code: _key, ...write } = next;
        await s.templates.update(code, write);
        await settleLanguage(s, next, changes);
        return mustTemplate(s, code);
      }),
    remove: (code) =>
      uow.transaction(async (s) => {
        await mustTemplate(s, code);
        if (await s.templates.isUsed(code)) throw templateInUse(code);
        const attachmentIds = await s.templates.languageAttachmentIds(code);
        await s.templates.delete(code);
        // as BC: the rows' attachments go with them, except read-only ones that entries still use
        await s.attachments.deleteIfUnused(attachmentIds);
      }),
  };
}
