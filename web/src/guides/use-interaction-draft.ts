import { useEffect, useState } from 'react';
import { api, seg } from '../api/client';
import type { Attachment, Comment, Contact, Page, Template, TemplateLanguage } from '../api/types';
import { useSession } from '../app/session';
import { lookupRows } from '../components/lookups';
import type { CreateInteractionStart } from './guide-context';
import { applyTemplate, draftFromEntry, EMPTY_DRAFT, type Draft } from './interaction-draft';
import { useDraftContact } from './use-draft-contact';

export interface InteractionDraft {
  readonly draft: Draft;
  set(patch: Partial<Draft>): void;
  /** The draft's contact, loaded for its company and language. */
  readonly contact: Contact | null;
  chooseContact(no: string | null, contact: Contact | null): void;
  /** The draft's template and its language rows. */
  readonly template: Template | null;
  readonly languages: readonly TemplateLanguage[];
  /** Choosing a template fills the fields it gives (R1, R2, decision k). */
  chooseTemplate(code: string | null): Promise<void>;
  /** The attachment the content step shows for review: the chosen language's, else the template's. */
  readonly reviewAttachmentId: number | null;
  /** The file uploaded in the Import step. */
  readonly upload: Attachment | null;
  chooseFile(file: File | null): Promise<void>;
  /** True once the user changed the comments (a resumed entry keeps its own otherwise). */
  readonly commentsTouched: boolean;
  setComments(lines: readonly string[]): void;
  /** A field given by the context that the user cannot change. */
  locked(field: string): boolean;
}

interface LoadedTemplate {
  readonly code: string;
  readonly template: Template | null;
  readonly languages: readonly TemplateLanguage[];
}

async function loadTemplate(code: string): Promise<LoadedTemplate> {
  const [rows, languages] = await Promise.all([
    lookupRows<Template>('templates'),
    api.get<Page<TemplateLanguage>>(`/interaction-templates/${seg(code)}/languages`, { limit: 500 }).then(
      (p) => p.items,
      () => [],
    ),
  ]);
  return { code, template: rows.find((r) => r.code === code) ?? null, languages };
}

/**
 * What the Create Interaction guide collects before Finish (decision k): the draft, started from the
 * context or from a postponed entry, with the contact and template it names.
 */
export function useInteractionDraft(start: CreateInteractionStart, onError: (e: unknown) => void): InteractionDraft {
  const { user } = useSession();
  const lock = start.lock;
  const locked = (field: string) => (lock ?? []).includes(field as never);
  const resume = start.resume;
  const [draft, setDraft] = useState<Draft>(() => ({
    ...EMPTY_DRAFT,
    contactNo: start.contactNo ?? null,
    salespersonCode: start.salespersonCode ?? user?.salespersonCode ?? null,
    campaignNo: start.campaignNo ?? null,
    taskNo: start.taskNo ?? null,
    opportunityNo: start.opportunityNo ?? null,
  }));
  const [contact, setContact] = useDraftContact(draft.contactNo);
  const [loaded, setLoaded] = useState<LoadedTemplate | null>(null);
  const [upload, setUpload] = useState<Attachment | null>(null);
  const [commentsTouched, setCommentsTouched] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  // resuming: the stored values and comments
  useEffect(() => {
    if (!resume) return;
    const path = `/postponed-interactions/${resume.entryNo}/comments`;
    void api.get<Page<Comment>>(path, { limit: 500 }).then(
      (p) =>
        setDraft(
          draftFromEntry(
            resume,
            p.items.map((c) => c.comment),
          ),
        ),
      () => setDraft(draftFromEntry(resume, [])),
    );
  }, [resume]);

  // the template of a resumed entry (a chosen one is loaded when chosen)
  const code = draft.interactionTemplateCode;
  const loadedCode = loaded?.code;
  useEffect(() => {
    if (!code || loadedCode === code) return;
    let live = true;
    void loadTemplate(code).then((t) => live && setLoaded(t));
    return () => {
      live = false;
    };
  }, [code, loadedCode]);

  const current = code && loaded?.code === code ? loaded : null;
  const template = current?.template ?? null;
  const languages = current?.languages ?? [];
  const languageRow = languages.find((l) => l.languageCode === draft.languageCode) ?? null;

  return {
    draft,
    set,
    contact,
    chooseContact(no, c) {
      setContact(c);
      set({ contactNo: no });
    },
    template,
    languages,
    async chooseTemplate(chosen) {
      if (!chosen) {
        set({ interactionTemplateCode: null });
        return;
      }
      const next = await loadTemplate(chosen);
      const tpl = next.template;
      if (!tpl) return;
      setLoaded(next);
      setDraft((d) => applyTemplate(d, tpl, next.languages, contact, locked('campaignNo')));
    },
    reviewAttachmentId: languageRow?.attachmentId ?? (draft.languageCode === null ? null : (template?.attachmentId ?? null)),
    upload,
    async chooseFile(file) {
      setUpload(null);
      set({ attachmentId: null });
      if (!file) return;
      try {
        const a = await api.post<Attachment>('/attachments', undefined, { raw: file, query: { fileName: file.name } });
        setUpload(a);
        set({ attachmentId: a.id });
      } catch (e) {
        onError(e);
      }
    },
    commentsTouched,
    setComments(lines) {
      setCommentsTouched(true);
      set({ comments: lines });
    },
    locked,
  };
}
