import type { Stores } from '../stores';
import { decodeCursor, toPage } from '../shared/cursor';
import { notFound } from '../shared/errors';
import type { Page, UnitOfWork } from '../shared/unit-of-work';
import type { LogEntry } from './interaction-log';
import { createEntryListing } from './interaction-log.service';
import type { CommentLine } from './logging.store';

type Opt<T> = T | undefined;

/** A postponed entry; any other number is entry_not_found (R18–R20). */
export async function mustPostponed(s: Stores, entryNo: number): Promise<LogEntry> {
  const e = await s.logging.entry(entryNo);
  if (!e || !e.postponed) throw notFound.entry(entryNo);
  return e;
}

/** The Postponed Interactions page (R19, R20): the only place postponed entries show. */
export function createPostponedInteractions({ uow, exportUow }: { uow: UnitOfWork<Stores>; exportUow?: UnitOfWork<Stores> | undefined }) {
  // api.md §6.3: the same filters, sorts, keyset pages and downloads as the log, over the other set
  const listing = createEntryListing(uow, 'postponed', exportUow);
  return {
    /** GET /postponed-interactions: a keyset page. */
    listPostponed: listing.list,
    /** GET /postponed-interactions?format=csv|json: the whole filtered, sorted set in batches. */
    exportPostponed: listing.exportBatches,

    getPostponed: (entryNo: number): Promise<LogEntry> => uow.read((s) => mustPostponed(s, entryNo)),

    /** GET /postponed-interactions/{entryNo}/comments (api.md §13.18). */
    postponedComments: (entryNo: number, q: { limit: number; cursor?: Opt<string> }): Promise<Page<CommentLine>> =>
      uow.read(async (s) => {
        await mustPostponed(s, entryNo);
        const scope = ['postponed-comments', entryNo];
        const after = decodeCursor(q.cursor, scope);
        const rows = await s.logging.comments(entryNo, (after?.[0] as number | undefined) ?? null, q.limit + 1);
        return toPage(rows, q.limit, (c) => [c.lineNo], scope);
      }),

    /** DELETE /postponed-interactions/{entryNo}: R19, with its comments and unique attachment. */
    deletePostponed: (entryNo: number): Promise<void> =>
      uow.transaction(async (s) => {
        const e = await mustPostponed(s, entryNo);
        await s.logging.deleteEntry(entryNo);
        if (e.attachmentId !== null) await s.attachments.deleteReleased([e.attachmentId]);
      }),
  };
}
