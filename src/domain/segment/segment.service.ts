import type { Clock } from '../shared/clock';
import { decodeCursor, toPage } from '../shared/cursor';
import { duplicate, notFound, fail } from '../shared/errors';
import type { Page, UnitOfWork } from '../shared/unit-of-work';
import type { Stores } from '../stores';
import { applyInput, blankHeader, pushedValues, withTemplate, type SegmentInput } from './header-rules';
import type { Actor, Segment, SegmentHeader, SegmentLanguage } from './segment';
import type { SegmentListFilter } from './segment-header.store';
import {
  checkReferences,
  copiedTemplateRows,
  defaultSalesperson,
  lockedHeader,
  refuseBlockedSalesperson,
  resolutionOf,
} from './segment-support';

/** The storage ports this service uses. */
type HeaderStores = Pick<Stores, 'lock' | 'nextNumber' | 'segmentHeaders' | 'segmentLanguages' | 'segmentLines' | 'segmentRefs'>;

export interface SegmentService {
  list(q: SegmentListFilter & { limit: number; cursor?: string | undefined }): Promise<Page<Segment>>;
  get(no: string): Promise<Segment>;
  create(input: SegmentInput & { no?: string | null | undefined }, actor: Actor): Promise<Segment>;
  update(no: string, input: SegmentInput, applyToLines: boolean): Promise<Segment>;
  remove(no: string): Promise<void>;
}

const refsOf = (input: SegmentInput) =>
  [
    { kind: 'salesperson', code: input.salespersonCode },
    { kind: 'campaign', code: input.campaignNo },
    { kind: 'template', code: input.interactionTemplateCode },
    { kind: 'language', code: input.languageCodeDefault },
  ] as const;

/**
 * R42 for the default language: a default without a segment-level row gets one (description =
 * the segment's, subject = the default subject); a given default subject is written to the
 * default row; a new default whose row exists brings its subject along. Answers the new header
 * and the row created, if any.
 */
async function syncDefaultRow(
  s: HeaderStores,
  old: SegmentHeader | null,
  h: SegmentHeader,
  input: SegmentInput,
): Promise<{ header: SegmentHeader; created: SegmentLanguage | null; wasFirst: boolean }> {
  if (h.languageCodeDefault === null) return { header: h, created: null, wasFirst: false };
  const rows = await s.segmentLanguages.languageRows(h.no, 0);
  const row = rows.find((r) => r.languageCode === h.languageCodeDefault);
  if (!row) {
    const created = { languageCode: h.languageCodeDefault, description: h.description, subject: h.subjectDefault, attachmentId: null };
    await s.segmentLanguages.insertLanguageRows(h.no, 0, [created]);
    return { header: h, created, wasFirst: rows.length === 0 };
  }
  if (input.subjectDefault !== undefined) {
    if (row.subject !== h.subjectDefault) await s.segmentLanguages.updateLanguageRow(h.no, 0, { ...row, subject: h.subjectDefault });
    return { header: h, created: null, wasFirst: false };
  }
  // as BC: choosing another default language shows that row's subject as the default subject
  if (old !== null && old.languageCodeDefault !== h.languageCodeDefault)
    return { header: { ...h, subjectDefault: row.subject }, created: null, wasFirst: false };
  return { header: h, created: null, wasFirst: false };
}

/** Segment headers (R39, R40, R42 defaults) over one unit of work. */
export function createSegmentService({ uow, clock }: { uow: UnitOfWork<HeaderStores>; clock: Clock }): SegmentService {
  const release = (s: HeaderStores, ids: readonly number[]) => s.segmentRefs.releaseAttachments(ids);
  const reload = async (s: HeaderStores, no: string) => (await s.segmentHeaders.segment(no)) ?? Promise.reject(notFound.segment(no));

  return {
    list: ({ limit, cursor, ...filter }) =>
      uow.read(async (s) => {
        const scope = ['segments', filter];
        const after = decodeCursor(cursor, scope);
        const rows = await s.segmentHeaders.segments(filter, (after?.[0] as string | undefined) ?? null, limit + 1);
        return toPage(rows, limit, (r) => [r.no], scope);
      }),

    get: (no) => uow.read((s) => reload(s, no)),

    create: ({ no: givenNo, ...input }, actor) =>
      uow.transaction(async (s) => {
        await checkReferences(s, refsOf(input));
        let no: string;
        if (givenNo) {
          await s.lock('series:segment');
          if (await s.segmentHeaders.numberTaken(givenNo)) throw duplicate('Segment', givenNo);
          no = givenNo;
        } else no = await s.nextNumber('segment');
        await refuseBlockedSalesperson(s, input.salespersonCode);
        const start: SegmentHeader = {
          ...blankHeader(no),
          date: clock.today(),
          salespersonCode: input.salespersonCode === undefined ? await defaultSalesperson(s, actor) : null,
        };
        let h = applyInput(start, input);
        const template = h.interactionTemplateCode === null ? null : await s.segmentRefs.template(h.interactionTemplateCode);
        if (template) h = withTemplate(h, template, input);
        await s.segmentHeaders.insertHeader(h);
        if (template)
          await s.segmentLanguages.insertLanguageRows(no, 0, await copiedTemplateRows(s, template.code, clock.now().toISOString()));
        const synced = await syncDefaultRow(s, null, h, input);
        if (synced.header !== h) await s.segmentHeaders.updateHeader(synced.header);
        return reload(s, no);
      }),

    update: (no, input, applyToLines) =>
      uow.transaction(async (s) => {
        const old = await lockedHeader(s, no);
        await checkReferences(s, refsOf(input));
        if (input.salespersonCode !== old.salespersonCode) await refuseBlockedSalesperson(s, input.salespersonCode);
        const templateChanged =
          input.interactionTemplateCode !== undefined && input.interactionTemplateCode !== old.interactionTemplateCode;
        if (templateChanged && !applyToLines && (await s.segmentHeaders.hasInheritedAttachments(no)))
          throw fail('inherited_attachments_would_break');
        let h = applyInput(old, input);
        if (templateChanged) {
          const template = h.interactionTemplateCode === null ? null : await s.segmentRefs.template(h.interactionTemplateCode);
          h = withTemplate(h, template, input);
          await release(s, await s.segmentLanguages.deleteLanguageRows(no, 0));
          if (template)
            await s.segmentLanguages.insertLanguageRows(no, 0, await copiedTemplateRows(s, template.code, clock.now().toISOString()));
        }
        const synced = await syncDefaultRow(s, old, h, input);
        h = synced.header;
        await s.segmentHeaders.updateHeader(h);
        if (applyToLines) {
          if (templateChanged) {
            // R40: every line takes the new template; its own language rows are dropped
            await release(s, await s.segmentLanguages.deleteOwnLanguageRows(no));
            await s.segmentLines.reresolveLines(no, (await resolutionOf(s, h)).resolution);
          }
          const subjectChanged = input.subjectDefault !== undefined && old.subjectDefault !== h.subjectDefault;
          await s.segmentLines.pushToLines(
            no,
            h.interactionTemplateCode,
            pushedValues(old, h, templateChanged),
            subjectChanged ? { from: old.subjectDefault, to: h.subjectDefault } : undefined,
          );
        }
        if (synced.created)
          await s.segmentLines.takeLanguageRow(
            no,
            { templateCode: h.interactionTemplateCode, contactLanguage: synced.wasFirst ? null : synced.created.languageCode },
            synced.created,
          );
        return reload(s, no);
      }),

    remove: (no) =>
      uow.transaction(async (s) => {
        await lockedHeader(s, no);
        await release(s, await s.segmentHeaders.deleteSegment(no));
      }),
  };
}
