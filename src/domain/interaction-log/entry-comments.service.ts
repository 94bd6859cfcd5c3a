import type { Clock } from '../shared/clock';
import { decodeCursor, toPage } from '../shared/cursor';
import { notFound } from '../shared/errors';
import type { Page, UnitOfWork } from '../shared/unit-of-work';
import type { Stores } from '../stores';
import type { CommentLine } from './interaction-log.store';

/** R26: comment lines of a non-postponed entry, canceled ones included. */
export function createEntryCommentsService({ uow, clock }: { uow: UnitOfWork<Stores>; clock: Clock }) {
  async function mustEntry(s: Stores, entryNo: number): Promise<void> {
    if (!(await s.entries.getMany([entryNo])).length) throw notFound.entry(entryNo);
  }
  async function mustLine(s: Stores, entryNo: number, lineNo: number): Promise<CommentLine> {
    await mustEntry(s, entryNo);
    const line = await s.entries.comment(entryNo, lineNo);
    // as R26: a line number the entry does not have is a plain not_found
    if (!line) throw notFound.generic();
    return line;
  }

  return {
    list: (entryNo: number, q: { limit: number; cursor?: string | undefined }): Promise<Page<CommentLine>> =>
      uow.read(async (s) => {
        await mustEntry(s, entryNo);
        const scope = { list: 'entry-comments', entryNo };
        const after = decodeCursor(q.cursor, scope);
        const rows = await s.entries.comments(entryNo, typeof after?.[0] === 'number' ? after[0] : null, q.limit + 1);
        return toPage(rows, q.limit, (l) => [l.lineNo], scope);
      }),

    /** A new line: last + 10000, dated today unless a date is given (decision c). */
    add: (entryNo: number, input: { comment: string; date?: string | undefined }) =>
      uow.transaction(async (s) => {
        await mustEntry(s, entryNo);
        return s.entries.addComment(entryNo, { comment: input.comment, date: input.date ?? clock.today() });
      }),

    update: (entryNo: number, lineNo: number, changes: { comment?: string | undefined; date?: string | undefined }) =>
      uow.transaction(async (s) => {
        await mustLine(s, entryNo, lineNo);
        await s.entries.updateComment(entryNo, lineNo, {
          ...(changes.comment !== undefined && { comment: changes.comment }),
          ...(changes.date !== undefined && { date: changes.date }),
        });
        return mustLine(s, entryNo, lineNo);
      }),

    remove: (entryNo: number, lineNo: number) =>
      uow.transaction(async (s) => {
        await mustLine(s, entryNo, lineNo);
        await s.entries.deleteComment(entryNo, lineNo);
      }),
  };
}
