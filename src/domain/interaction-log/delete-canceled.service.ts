import type { Clock } from '../shared/clock';
import type { UnitOfWork } from '../shared/unit-of-work';
import type { Stores } from '../stores';
import type { DeleteCanceledFilter } from './entry-query';

/** Entries deleted per statement: set-based, yet small enough to report progress. */
const CHUNK = 5000;
/** Attachments checked per statement (well inside SQLite's bound-parameter limit). */
const ATTACHMENT_CHUNK = 1000;

export type DeleteProgress = (done: number, total?: number | null) => void;

/**
 * R27: deletes the canceled entries matching the filters (never a postponed or active one) with
 * their comments, then the attachments nothing uses any more, in one transaction (decision n).
 * Entries sharing a segment's attachment release it with the last of them.
 */
export function createDeleteCanceled({ uow }: { uow: UnitOfWork<Stores>; clock: Clock }) {
  return (filter: DeleteCanceledFilter, progress: DeleteProgress = () => undefined): Promise<{ deleted: number }> =>
    uow.transaction(async (s) => {
      const total = await s.entries.countCanceled(filter);
      progress(0, total);
      const indexes = await s.entries.prepareBulkDelete(total);
      const attachments = new Set<number>();
      let deleted = 0;
      let after: number | null = null;
      for (;;) {
        const chunk = await s.entries.deleteCanceledChunk(filter, after, CHUNK);
        if (chunk.lastEntryNo === null) break;
        deleted += chunk.deleted;
        for (const id of chunk.attachmentIds) attachments.add(id);
        after = chunk.lastEntryNo;
        progress(deleted, total);
      }
      await indexes.restore();
      const ids = [...attachments];
      for (let i = 0; i < ids.length; i += ATTACHMENT_CHUNK) await s.entries.deleteUnusedAttachments(ids.slice(i, i + ATTACHMENT_CHUNK));
      return { deleted };
    });
}
