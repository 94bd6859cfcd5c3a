import type { Clock } from '../shared/clock';
import { decodeCursor, toPage } from '../shared/cursor';
import type { Page, UnitOfWork } from '../shared/unit-of-work';
import type { Stores } from '../stores';
import type { Criteria, CriteriaAction, CriteriaKind } from './criteria';
import { lockedHeader, mustHeader, resolutionOf } from './segment-support';

/** The storage ports this service uses. */
export type CriteriaStores = Pick<Stores, 'segmentCriteria' | 'segmentHeaders' | 'segmentLanguages' | 'segmentLines' | 'segmentRefs'>;

export interface CriteriaResult {
  readonly kind: CriteriaKind;
  /** added, removed or kept, as the kind says */
  readonly affected: number;
  readonly noOfLines: number;
}

export interface SegmentCriteriaService {
  apply(no: string, kind: CriteriaKind, criteria: Criteria): Promise<CriteriaResult>;
  list(no: string, q: { limit: number; cursor?: string | undefined }): Promise<Page<CriteriaAction>>;
  goBack(no: string): Promise<{ undoneActionNo: number | null; noOfLines: number }>;
}

const noOfLines = async (s: CriteriaStores, no: string) => (await s.segmentHeaders.segment(no))?.noOfLines ?? 0;

/**
 * One criteria action (R43, R44) applied to a segment and recorded in its history (R45), inside
 * the caller's transaction: `apply` runs one, reusing saved criteria runs several in one.
 */
export async function applyIn(
  s: CriteriaStores,
  no: string,
  kind: CriteriaKind,
  criteria: Criteria,
  clock: Clock,
): Promise<CriteriaResult> {
  const h = await lockedHeader(s, no);
  const actionNo = ((await s.segmentCriteria.lastCriteriaAction(no))?.actionNo ?? 0) + 1;
  let affected: number;
  if (kind === 'add') {
    const { fromLineNo, count } = await s.segmentLines.appendResolvedLines(no, (await resolutionOf(s, h)).resolution, {
      kind: 'criteria',
      criteria,
    });
    if (count > 0) await s.segmentCriteria.recordAdded(no, actionNo, fromLineNo);
    affected = count;
  } else {
    const { count, attachmentIds } = await s.segmentCriteria.removeLines(no, actionNo, criteria, kind === 'refine');
    await s.segmentRefs.releaseAttachments(attachmentIds);
    affected = kind === 'reduce' ? count : await noOfLines(s, no);
  }
  const { contactFilter, interactionFilter, options } = criteria;
  await s.segmentCriteria.insertCriteriaAction(no, {
    actionNo,
    kind,
    contactFilter,
    interactionFilter,
    options,
    affected,
    createdAt: clock.now().toISOString(),
  });
  return { kind, affected, noOfLines: await noOfLines(s, no) };
}

/** Adding, reducing and refining contacts by criteria, and going back (R43–R45), all set-based. */
export function createSegmentCriteriaService({ uow, clock }: { uow: UnitOfWork<CriteriaStores>; clock: Clock }): SegmentCriteriaService {
  return {
    apply: (no, kind, criteria) => uow.transaction((s) => applyIn(s, no, kind, criteria, clock)),

    list: (no, { limit, cursor }) =>
      uow.read(async (s) => {
        await mustHeader(s, no);
        const scope = ['criteria', no];
        const after = (decodeCursor(cursor, scope)?.[0] as number | undefined) ?? 0;
        const rows = (await s.segmentCriteria.criteriaActions(no)).filter((a) => a.actionNo > after).slice(0, limit + 1);
        return toPage(rows, limit, (a) => [a.actionNo], scope);
      }),

    goBack: (no) =>
      uow.transaction(async (s) => {
        const h = await lockedHeader(s, no);
        const last = await s.segmentCriteria.lastCriteriaAction(no);
        if (!last) return { undoneActionNo: null, noOfLines: await noOfLines(s, no) };
        if (last.kind === 'add') await s.segmentRefs.releaseAttachments(await s.segmentCriteria.undoAdded(no, last.actionNo));
        // R45: contacts the action removed come back as new lines resolved from the header
        else
          await s.segmentLines.appendResolvedLines(no, (await resolutionOf(s, h)).resolution, {
            kind: 'removed-by-action',
            actionNo: last.actionNo,
          });
        await s.segmentCriteria.deleteCriteriaAction(no, last.actionNo);
        return { undoneActionNo: last.actionNo, noOfLines: await noOfLines(s, no) };
      }),
  };
}
