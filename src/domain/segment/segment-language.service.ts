import { attachmentReadOnly, attachmentTooLarge, MAX_ATTACHMENT_BYTES } from '../attachment/attachment';
import type { Clock } from '../shared/clock';
import { duplicate, notFound } from '../shared/errors';
import { decodeCursor, toPage } from '../shared/cursor';
import type { Page, UnitOfWork } from '../shared/unit-of-work';
import type { Stores } from '../stores';
import { bulkResolution } from './line-resolution';
import type { SegmentLanguage } from './segment';
import { lockedHeader, mustHeader, segmentLanguageMissing } from './segment-support';

/** The storage ports this service uses. */
type LanguageStores = Pick<Stores, 'segmentHeaders' | 'segmentLanguages' | 'segmentLines' | 'segmentRefs'>;

export interface SegmentLanguageService {
  list(no: string, q: { limit: number; cursor?: string | undefined }): Promise<Page<SegmentLanguage>>;
  get(no: string, languageCode: string): Promise<SegmentLanguage>;
  create(
    no: string,
    input: { languageCode: string; description?: string | null | undefined; subject?: string | null | undefined },
  ): Promise<SegmentLanguage>;
  update(
    no: string,
    languageCode: string,
    input: { description?: string | null | undefined; subject?: string | null | undefined },
    applyToLines: boolean,
  ): Promise<SegmentLanguage>;
  remove(no: string, languageCode: string): Promise<void>;
  putAttachment(
    no: string,
    languageCode: string,
    file: { fileName: string; contentType: string; content: Uint8Array },
  ): Promise<SegmentLanguage>;
  removeAttachment(no: string, languageCode: string): Promise<void>;
}

/** Segment-level language rows and their attachments (R42, api.md §9.4). */
export function createSegmentLanguageService({ uow, clock }: { uow: UnitOfWork<LanguageStores>; clock: Clock }): SegmentLanguageService {
  const mustRow = async (s: LanguageStores, no: string, languageCode: string) =>
    (await s.segmentLanguages.languageRows(no, 0)).find((r) => r.languageCode === languageCode) ??
    Promise.reject(segmentLanguageMissing(no, languageCode));

  async function refuseReadOnly(s: LanguageStores, id: number | null) {
    if (id !== null && (await s.segmentRefs.attachmentReadOnly(id))) throw attachmentReadOnly(id);
  }

  /** The row's new attachment reaches the lines that inherit from it; the old one goes. */
  async function setAttachment(s: LanguageStores, no: string, row: SegmentLanguage, attachmentId: number | null) {
    const h = await mustHeader(s, no);
    await s.segmentLanguages.updateLanguageRow(no, 0, { ...row, attachmentId });
    await s.segmentLines.setInheritedAttachment(no, h.interactionTemplateCode, row.languageCode, attachmentId);
    if (row.attachmentId !== null) await s.segmentRefs.releaseAttachments([row.attachmentId]);
  }

  return {
    list: (no, { limit, cursor }) =>
      uow.read(async (s) => {
        await mustHeader(s, no);
        const scope = ['segment-languages', no];
        const after = (decodeCursor(cursor, scope)?.[0] as string | undefined) ?? null;
        const rows = (await s.segmentLanguages.languageRows(no, 0))
          .filter((r) => after === null || r.languageCode > after)
          .slice(0, limit + 1);
        return toPage(rows, limit, (r) => [r.languageCode], scope);
      }),

    get: (no, languageCode) =>
      uow.read(async (s) => {
        await mustHeader(s, no);
        return mustRow(s, no, languageCode);
      }),

    create: (no, input) =>
      uow.transaction(async (s) => {
        const h = await lockedHeader(s, no);
        if (!(await s.segmentRefs.languageExists(input.languageCode))) throw notFound.language(input.languageCode);
        const rows = await s.segmentLanguages.languageRows(no, 0);
        if (rows.some((r) => r.languageCode === input.languageCode)) throw duplicate('Segment language', input.languageCode);
        const row: SegmentLanguage = {
          languageCode: input.languageCode,
          description: input.description === undefined ? h.description : input.description,
          subject: input.subject ?? null,
          attachmentId: null,
        };
        await s.segmentLanguages.insertLanguageRows(no, 0, [row]);
        // as BC: the first language row of a segment without a default language becomes its default
        if (h.languageCodeDefault === null)
          await s.segmentHeaders.updateHeader({ ...h, languageCodeDefault: row.languageCode, subjectDefault: row.subject });
        await s.segmentLines.takeLanguageRow(
          no,
          { templateCode: h.interactionTemplateCode, contactLanguage: rows.length === 0 ? null : row.languageCode },
          row,
        );
        return row;
      }),

    update: (no, languageCode, input, applyToLines) =>
      uow.transaction(async (s) => {
        const h = await lockedHeader(s, no);
        const old = await mustRow(s, no, languageCode);
        const row: SegmentLanguage = {
          ...old,
          ...(input.description !== undefined && { description: input.description }),
          ...(input.subject !== undefined && { subject: input.subject }),
        };
        await s.segmentLanguages.updateLanguageRow(no, 0, row);
        if (row.subject !== old.subject) {
          if (h.languageCodeDefault === languageCode) await s.segmentHeaders.updateHeader({ ...h, subjectDefault: row.subject });
          if (applyToLines)
            await s.segmentLines.pushToLines(no, h.interactionTemplateCode, {}, { from: old.subject, to: row.subject, languageCode });
        }
        return row;
      }),

    remove: (no, languageCode) =>
      uow.transaction(async (s) => {
        let h = await lockedHeader(s, no);
        const row = await mustRow(s, no, languageCode);
        await s.segmentLanguages.deleteLanguageRows(no, 0, languageCode);
        const rest = await s.segmentLanguages.languageRows(no, 0);
        if (h.languageCodeDefault === languageCode) {
          // R42, as BC: the default moves to the remaining row with the lowest language code
          const next = rest[0] ?? null;
          h = { ...h, languageCodeDefault: next?.languageCode ?? null, subjectDefault: next?.subject ?? null };
          await s.segmentHeaders.updateHeader(h);
        }
        const template = h.interactionTemplateCode === null ? null : await s.segmentRefs.template(h.interactionTemplateCode);
        await s.segmentLines.reresolveLanguage(no, h.interactionTemplateCode, languageCode, bulkResolution(h, template, rest));
        if (row.attachmentId !== null) await s.segmentRefs.releaseAttachments([row.attachmentId]);
      }),

    putAttachment: (no, languageCode, file) =>
      uow.transaction(async (s) => {
        await lockedHeader(s, no);
        const row = await mustRow(s, no, languageCode);
        if (file.content.byteLength > MAX_ATTACHMENT_BYTES) throw attachmentTooLarge();
        await refuseReadOnly(s, row.attachmentId);
        const id = await s.segmentRefs.insertAttachment({ ...file, createdAt: clock.now().toISOString() });
        await setAttachment(s, no, row, id);
        return { ...row, attachmentId: id };
      }),

    removeAttachment: (no, languageCode) =>
      uow.transaction(async (s) => {
        await lockedHeader(s, no);
        const row = await mustRow(s, no, languageCode);
        await refuseReadOnly(s, row.attachmentId);
        if (row.attachmentId !== null) await setAttachment(s, no, row, null);
      }),
  };
}
