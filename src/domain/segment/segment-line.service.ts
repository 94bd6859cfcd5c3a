import { checkPrivacy, type ContactFacts } from '../interaction-log/logging';
import type { Clock } from '../shared/clock';
import { decodeCursor, toPage } from '../shared/cursor';
import { notFound } from '../shared/errors';
import type { Page, UnitOfWork } from '../shared/unit-of-work';
import type { Stores } from '../stores';
import { headerTemplateValues, lineFromHeader, lineWithOwnTemplate, lineWithoutTemplate } from './line-resolution';
import type { LineInput, LineValues, SegmentHeader, SegmentLanguage, SegmentLine } from './segment';
import {
  checkReferences,
  copiedTemplateRows,
  mustContact,
  lockedHeader,
  mustHeader,
  mustTemplate,
  refuseBlockedSalesperson,
  resolutionOf,
  segmentLanguageMissing,
} from './segment-support';

/** The storage ports this service uses. */
type LineStores = Pick<Stores, 'segmentHeaders' | 'segmentLanguages' | 'segmentLines' | 'segmentRefs'>;

export interface SegmentLineService {
  list(no: string, q: { limit: number; cursor?: string | undefined }): Promise<Page<SegmentLine>>;
  get(no: string, lineNo: number): Promise<SegmentLine>;
  create(no: string, input: LineInput & { contactNo: string }): Promise<SegmentLine>;
  update(no: string, lineNo: number, input: LineInput): Promise<SegmentLine>;
  remove(no: string, lineNo: number): Promise<void>;
}

/** The values a request sets as they are, after the template and language are resolved. */
const OVERRIDES = [
  'description',
  'subject',
  'date',
  'timeOfInteraction',
  'salespersonCode',
  'correspondenceType',
  'informationFlow',
  'initiatedBy',
  'campaignNo',
  'campaignTarget',
  'campaignResponse',
  'costCents',
  'durationMin',
  'evaluation',
  'attemptFailed',
  'contactVia',
  'opportunityNo',
] as const;

/** Segment lines one by one: resolution from the header and contact, then personalisation (R41). */
export function createSegmentLineService({ uow, clock }: { uow: UnitOfWork<LineStores>; clock: Clock }): SegmentLineService {
  const mustLine = async (s: LineStores, no: string, lineNo: number) =>
    (await s.segmentLines.line(no, lineNo)) ?? Promise.reject(notFound.segmentLine(no, lineNo));

  const refsOf = (input: LineInput) =>
    [
      { kind: 'contact', code: input.contactNo },
      { kind: 'salesperson', code: input.salespersonCode },
      { kind: 'template', code: input.interactionTemplateCode },
      { kind: 'language', code: input.languageCode },
      { kind: 'campaign', code: input.campaignNo },
      { kind: 'opportunity', code: input.opportunityNo },
    ] as const;

  /**
   * Applies a request to line values: a template other than the segment's gives the line its
   * own rows (R1, R41), the segment's template takes the header's values again, a language
   * must have a row; the other given values override. Answers the values and, when the own
   * rows change, the new ones.
   */
  async function personalise(
    s: LineStores,
    h: SegmentHeader,
    contact: ContactFacts,
    start: LineValues,
    ownRows: readonly SegmentLanguage[],
    input: LineInput,
  ): Promise<{ values: LineValues; ownRows: readonly SegmentLanguage[] | null }> {
    let v = start;
    let rows: readonly SegmentLanguage[] | null = null;
    const templateCode = input.interactionTemplateCode;
    if (templateCode !== undefined && templateCode !== v.interactionTemplateCode) {
      if (templateCode === null) {
        v = lineWithoutTemplate(v);
        rows = [];
      } else if (templateCode === h.interactionTemplateCode) {
        const { template, rows: segmentRows } = await resolutionOf(s, h);
        v = { ...v, ...headerTemplateValues(h, template, segmentRows, contact) };
        rows = [];
      } else {
        rows = await copiedTemplateRows(s, templateCode, clock.now().toISOString());
        v = lineWithOwnTemplate(v, h, await mustTemplate(s, templateCode), rows, contact);
      }
    }
    if (input.languageCode !== undefined) {
      const own = v.interactionTemplateCode !== h.interactionTemplateCode;
      if (input.languageCode === null) v = { ...v, languageCode: null, subject: null, attachmentId: null, attachmentSource: null };
      else {
        const available = own ? (rows ?? ownRows) : await s.segmentLanguages.languageRows(h.no, 0);
        const row = available.find((r) => r.languageCode === input.languageCode);
        if (!row)
          throw own && v.interactionTemplateCode !== null
            ? notFound.templateLanguage(v.interactionTemplateCode, input.languageCode)
            : segmentLanguageMissing(h.no, input.languageCode);
        v = {
          ...v,
          languageCode: row.languageCode,
          subject: row.subject,
          attachmentId: row.attachmentId,
          attachmentSource: row.attachmentId === null ? null : own ? 'unique' : 'inherited',
        };
      }
    }
    const given = Object.fromEntries(OVERRIDES.flatMap((k) => (input[k] === undefined ? [] : [[k, input[k]]])));
    return { values: { ...v, ...given }, ownRows: rows };
  }

  async function replaceOwnRows(s: LineStores, no: string, lineNo: number, rows: readonly SegmentLanguage[] | null) {
    if (rows === null) return;
    await s.segmentRefs.releaseAttachments(await s.segmentLanguages.deleteLanguageRows(no, lineNo));
    await s.segmentLanguages.insertLanguageRows(no, lineNo, rows);
  }

  return {
    list: (no, { limit, cursor }) =>
      uow.read(async (s) => {
        await mustHeader(s, no);
        const scope = ['segment-lines', no];
        const after = decodeCursor(cursor, scope);
        const rows = await s.segmentLines.lines(no, (after?.[0] as number | undefined) ?? null, limit + 1);
        return toPage(rows, limit, (r) => [r.lineNo], scope);
      }),

    get: (no, lineNo) =>
      uow.read(async (s) => {
        await mustHeader(s, no);
        return mustLine(s, no, lineNo);
      }),

    create: (no, input) =>
      uow.transaction(async (s) => {
        const h = await lockedHeader(s, no);
        await checkReferences(s, refsOf(input));
        const contact = await mustContact(s, input.contactNo);
        checkPrivacy(contact);
        await refuseBlockedSalesperson(s, input.salespersonCode);
        const { template, rows } = await resolutionOf(s, h);
        const { values, ownRows } = await personalise(s, h, contact, lineFromHeader(h, template, rows, contact), [], input);
        const lineNo = await s.segmentLines.appendLine(no, values);
        await replaceOwnRows(s, no, lineNo, ownRows);
        return mustLine(s, no, lineNo);
      }),

    update: (no, lineNo, input) =>
      uow.transaction(async (s) => {
        const h = await lockedHeader(s, no);
        const line = await mustLine(s, no, lineNo);
        await checkReferences(s, refsOf(input));
        const contactChanged = input.contactNo !== undefined && input.contactNo !== line.contactNo;
        const contact = await mustContact(s, input.contactNo ?? line.contactNo);
        if (contactChanged) checkPrivacy(contact);
        if (input.salespersonCode !== line.salespersonCode) await refuseBlockedSalesperson(s, input.salespersonCode);
        let start: LineValues = line;
        let ownRows = await s.segmentLanguages.languageRows(no, lineNo);
        if (contactChanged) {
          // R41: a new contact resets the line from the header; its own rows are dropped
          const { template, rows } = await resolutionOf(s, h);
          start = lineFromHeader(h, template, rows, contact);
          await replaceOwnRows(s, no, lineNo, []);
          ownRows = [];
        }
        const { values, ownRows: newRows } = await personalise(s, h, contact, start, ownRows, input);
        await replaceOwnRows(s, no, lineNo, newRows);
        await s.segmentLines.updateLine(no, lineNo, values);
        return mustLine(s, no, lineNo);
      }),

    remove: (no, lineNo) =>
      uow.transaction(async (s) => {
        await lockedHeader(s, no);
        await mustLine(s, no, lineNo);
        await s.segmentRefs.releaseAttachments(await s.segmentLines.deleteLine(no, lineNo));
      }),
  };
}
