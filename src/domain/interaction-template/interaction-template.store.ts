import type { InteractionTemplate, TemplateChanges, TemplateFields, TemplateLanguage } from './interaction-template';

/** What interaction templates and their language rows need from storage. */
export interface InteractionTemplateStore {
  get(code: string): Promise<InteractionTemplate | null>;
  /** Templates by code after `afterCode`, optionally of one group. */
  list(q: {
    readonly interactionGroupCode: string | null;
    readonly afterCode: string | null;
    readonly limit: number;
  }): Promise<InteractionTemplate[]>;
  insert(template: TemplateFields): Promise<void>;
  update(code: string, changes: TemplateChanges): Promise<void>;
  /** Deletes the template with its language rows (their attachments are the caller's business). */
  delete(code: string): Promise<void>;
  /** Decision b: whether any entry (postponed included), segment, segment line or setup slot names it. */
  isUsed(code: string): Promise<boolean>;
  groupExists(code: string): Promise<boolean>;
  campaignExists(no: string): Promise<boolean>;

  getLanguage(code: string, languageCode: string): Promise<TemplateLanguage | null>;
  /** Language rows of a template by language code after `afterLanguageCode`. */
  listLanguages(code: string, afterLanguageCode: string | null, limit: number): Promise<TemplateLanguage[]>;
  insertLanguage(row: TemplateLanguage): Promise<void>;
  updateLanguage(
    code: string,
    languageCode: string,
    changes: { readonly description?: string | null; readonly attachmentId?: number | null },
  ): Promise<void>;
  deleteLanguage(code: string, languageCode: string): Promise<void>;
  /** The attachments of all the template's language rows. */
  languageAttachmentIds(code: string): Promise<number[]>;
}
