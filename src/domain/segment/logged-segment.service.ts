import { assertAllFound, distinctAscending } from '../interaction-log/entry-cancel';
import type { Clock } from '../shared/clock';
import { decodeCursor, toPage } from '../shared/cursor';
import { duplicate, notFound } from '../shared/errors';
import type { Page, UnitOfWork } from '../shared/unit-of-work';
import type { Stores } from '../stores';
import { blankHeader } from './header-rules';
import { bulkResolution } from './line-resolution';
import type { Actor, LoggedSegment, Segment } from './segment';
import type { LoggedSegmentFilter } from './logged-segment.store';
import { defaultSalesperson } from './segment-support';

/** The storage ports this service uses. */
type LoggedSegmentStores = Pick<Stores, 'lock' | 'loggedSegments' | 'nextNumber' | 'segmentHeaders' | 'segmentLines' | 'segmentRefs'>;

export interface LoggedSegmentService {
  list(q: LoggedSegmentFilter & { limit: number; cursor?: string | undefined }): Promise<Page<LoggedSegment>>;
  get(entryNo: number): Promise<LoggedSegment>;
  setCanceled(entryNos: readonly number[], canceled: boolean): Promise<LoggedSegment[]>;
  deleteCanceled(f: { entryNoFrom: number | null; entryNoTo: number | null; segmentNo: string | null }): Promise<number>;
  reuse(
    entryNo: number,
    input: { no?: string | null | undefined; description?: string | null | undefined },
    actor: Actor,
  ): Promise<Segment>;
}

/** Logged segments: their list, cancel and uncancel (R49), deletion (R50) and reuse (R46). */
export function createLoggedSegmentService({ uow, clock }: { uow: UnitOfWork<LoggedSegmentStores>; clock: Clock }): LoggedSegmentService {
  return {
    list: ({ limit, cursor, ...filter }) =>
      uow.read(async (s) => {
        const scope = ['logged-segments', filter];
        const after = decodeCursor(cursor, scope);
        const rows = await s.loggedSegments.loggedSegments(filter, (after?.[0] as number | undefined) ?? null, limit + 1);
        return toPage(rows, limit, (r) => [r.entryNo], scope);
      }),

    get: (entryNo) =>
      uow.read(async (s) => (await s.loggedSegments.loggedSegment(entryNo)) ?? Promise.reject(notFound.loggedSegment(entryNo))),

    setCanceled: (entryNos, canceled) =>
      uow.transaction(async (s) => {
        const wanted = distinctAscending(entryNos);
        assertAllFound(wanted, await s.loggedSegments.loggedSegmentsByNo(wanted), notFound.loggedSegment);
        await s.loggedSegments.setLoggedSegmentsCanceled(wanted, canceled);
        return s.loggedSegments.loggedSegmentsByNo(wanted);
      }),

    deleteCanceled: (f) => uow.transaction((s) => s.loggedSegments.deleteCanceledLoggedSegments(f)),

    reuse: (entryNo, input, actor) =>
      uow.transaction(async (s) => {
        const logged = await s.loggedSegments.loggedSegment(entryNo);
        if (!logged) throw notFound.loggedSegment(entryNo);
        let no: string;
        if (input.no) {
          await s.lock('series:segment');
          if (await s.segmentHeaders.numberTaken(input.no)) throw duplicate('Segment', input.no);
          no = input.no;
        } else no = await s.nextNumber('segment');
        const h = {
          ...blankHeader(no),
          description: input.description === undefined ? logged.description : input.description,
          date: clock.today(),
          salespersonCode: await defaultSalesperson(s, actor),
        };
        await s.segmentHeaders.insertHeader(h);
        // R46, api.md §13.7: one line per entry whose contact still exists and is not privacy-blocked
        await s.segmentLines.appendResolvedLines(no, bulkResolution(h, null, []), {
          kind: 'logged-segment',
          loggedSegmentEntryNo: entryNo,
        });
        return (await s.segmentHeaders.segment(no)) ?? Promise.reject(notFound.segment(no));
      }),
  };
}
