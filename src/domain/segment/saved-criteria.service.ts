import type { Clock } from '../shared/clock';
import { decodeCursor, toPage } from '../shared/cursor';
import { duplicate, fail } from '../shared/errors';
import type { Page, UnitOfWork } from '../shared/unit-of-work';
import type { Stores } from '../stores';
import type { SavedCriteria, SavedCriteriaWithActions } from './saved-criteria';
import type { Actor } from './segment';
import { applyIn, type CriteriaStores } from './segment-criteria.service';
import { lockedHeader, mustHeader } from './segment-support';

/** The storage ports this service uses: those of applying criteria, and its own. */
type SavedCriteriaStores = CriteriaStores & Pick<Stores, 'lock' | 'savedCriteria'>;

export interface SavedCriteriaService {
  save(segmentNo: string, input: { code: string; description?: string | null | undefined }, actor: Actor): Promise<SavedCriteria>;
  list(q: { limit: number; cursor?: string | undefined }): Promise<Page<SavedCriteria>>;
  get(code: string): Promise<SavedCriteriaWithActions>;
  remove(code: string): Promise<void>;
  reuse(segmentNo: string, code: string): Promise<{ applied: number; noOfLines: number }>;
}

const missing = (code: string) => fail('not_found', `Saved criteria ${code}`);

/**
 * Saving a segment's criteria history under a code and re-applying it to another segment, as
 * Business Central's "Save Criteria" and "Reuse Criteria" do.
 */
export function createSavedCriteriaService({ uow, clock }: { uow: UnitOfWork<SavedCriteriaStores>; clock: Clock }): SavedCriteriaService {
  const must = async (s: SavedCriteriaStores, code: string) => (await s.savedCriteria.get(code)) ?? Promise.reject(missing(code));
  return {
    save: (segmentNo, input, actor) =>
      uow.transaction(async (s) => {
        await mustHeader(s, segmentNo);
        // concurrent saves of one code wait here, so the later ones see it and answer 409
        await s.lock(`saved-criteria:${input.code}`);
        if (await s.savedCriteria.get(input.code)) throw duplicate('Saved criteria', input.code);
        const history = await s.segmentCriteria.criteriaActions(segmentNo);
        if (history.length === 0) throw fail('segment_criteria_empty', segmentNo);
        // the history in actionNo order, renumbered 1..n: an undone action left no gap behind
        const actions = history.map((a, i) => ({
          actionNo: i + 1,
          kind: a.kind,
          contactFilter: a.contactFilter,
          interactionFilter: a.interactionFilter,
          options: a.options,
        }));
        const saved = {
          code: input.code,
          description: input.description ?? null,
          userId: actor.username,
          createdAt: clock.now().toISOString(),
        };
        await s.savedCriteria.insert(saved, actions);
        return { ...saved, noOfActions: actions.length };
      }),

    list: ({ limit, cursor }) =>
      uow.read(async (s) => {
        const after = decodeCursor(cursor, 'saved-criteria');
        const rows = await s.savedCriteria.list((after?.[0] as string | undefined) ?? null, limit + 1);
        return toPage(rows, limit, (r) => [r.code], 'saved-criteria');
      }),

    get: (code) => uow.read(async (s) => ({ ...(await must(s, code)), actions: await s.savedCriteria.actions(code) })),

    remove: (code) =>
      uow.transaction(async (s) => {
        await must(s, code);
        await s.savedCriteria.delete(code);
      }),

    reuse: (segmentNo, code) =>
      uow.transaction(async (s) => {
        await lockedHeader(s, segmentNo);
        await must(s, code);
        // each saved action becomes a new action of the segment's history, so "go back" undoes
        // them one by one; one transaction, so a failure leaves the segment as it was
        let noOfLines = (await s.segmentHeaders.segment(segmentNo))?.noOfLines ?? 0;
        const actions = await s.savedCriteria.actions(code);
        for (const { kind, contactFilter, interactionFilter, options } of actions)
          ({ noOfLines } = await applyIn(s, segmentNo, kind, { contactFilter, interactionFilter, options }, clock));
        return { applied: actions.length, noOfLines };
      }),
  };
}
