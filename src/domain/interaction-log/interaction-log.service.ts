import type { Clock } from '../shared/clock';
import { decodeCursor, toPage } from '../shared/cursor';
import { invalid, notFound } from '../shared/errors';
import type { Page, UnitOfWork } from '../shared/unit-of-work';
import type { Stores } from '../stores';
import { createDeleteCanceled } from './delete-canceled.service';
import { createEntryCommentsService } from './entry-comments.service';
import { assertAllFound, distinctAscending, uncancelBlock } from './entry-cancel';
import { entryKeyFrom, keyOf, normalizeFilter, type EntryFilter, type EntryKey, type EntrySort } from './entry-query';
import { historyTitle } from './history-title';
import type { Evaluation, LogEntry } from './interaction-log';
import type { EntryChanges } from './interaction-log.store';

export interface EntryListQuery {
  readonly filter: EntryFilter;
  readonly sort: EntrySort;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

export interface HistoryQuery {
  readonly canceled?: boolean | undefined;
  readonly dateFrom?: string | undefined;
  readonly dateTo?: string | undefined;
  readonly sort: EntrySort;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

/** An entry of a contact's History with its title. */
export type HistoryEntry = LogEntry & { readonly title: string };

const EXPORT_BATCH = 1000;

function startAfter(cursor: string | undefined, scope: unknown, sort: EntrySort): EntryKey | null {
  const key = decodeCursor(cursor, scope);
  if (key === null) return null;
  const after = entryKeyFrom(key, sort);
  if (!after) throw invalid([{ path: 'query.cursor', message: 'is not a cursor of this list with these filters and sort' }]);
  return after;
}

/**
 * The list, count and download of one entry set with the filters and sorts of api.md §7.2: the
 * log, or the Postponed Interactions (api.md §6.3), which take the same query; a set never shows the
 * other's entries (R20). Downloads read through `exportUow` when given (see ServiceDeps).
 */
export function createEntryListing(uow: UnitOfWork<Stores>, set: 'log' | 'postponed', exportUow: UnitOfWork<Stores> = uow) {
  const postponed = set === 'postponed';
  const name = postponed ? 'postponed-interactions' : 'interaction-log-entries';
  const inSet = (filter: EntryFilter): EntryFilter => ({ ...filter, postponed });
  return {
    /** A keyset page of the set's entries matching the filters. */
    list(q: EntryListQuery): Promise<Page<LogEntry>> {
      const scope = { list: name, filter: normalizeFilter(q.filter), sort: q.sort };
      return uow.read(async (s) => {
        const rows = await s.entries.list(inSet(q.filter), q.sort, startAfter(q.cursor, scope, q.sort), q.limit + 1);
        return toPage(rows, q.limit, (e) => keyOf(e, q.sort), scope);
      });
    },

    /** How many entries a list or export with these filters holds. */
    count: (filter: EntryFilter) => uow.read((s) => s.entries.count(inSet(filter))),

    /**
     * The whole filtered, sorted set in batches, each read on its own (api.md §1.5): memory stays
     * constant whatever the size, and keyset continuation never repeats or skips a row.
     */
    async *exportBatches(filter: EntryFilter, sort: EntrySort, batchSize = EXPORT_BATCH): AsyncGenerator<LogEntry[]> {
      let after: EntryKey | null = null;
      for (;;) {
        const from: EntryKey | null = after;
        const batch: LogEntry[] = await exportUow.read((s) => s.entries.list(inSet(filter), sort, from, batchSize));
        if (batch.length) yield batch;
        const last = batch[batch.length - 1];
        if (batch.length < batchSize || !last) return;
        after = entryKeyFrom(keyOf(last, sort), sort);
      }
    },
  };
}

/** Managing the Interaction Log Entries (api.md §7.2–§7.6, domain.md R20–R27). */
export function createInteractionLogService(deps: { uow: UnitOfWork<Stores>; clock: Clock; exportUow?: UnitOfWork<Stores> | undefined }) {
  const { uow } = deps;

  async function mustEntry(s: Stores, entryNo: number): Promise<LogEntry> {
    const [entry] = await s.entries.getMany([entryNo]);
    if (!entry) throw notFound.entry(entryNo);
    return entry;
  }

  /** Loads every requested entry (404 for the lowest missing one) in ascending order. */
  async function mustEntries(s: Stores, entryNos: readonly number[]): Promise<{ numbers: number[]; entries: LogEntry[] }> {
    const numbers = distinctAscending(entryNos);
    const entries = await s.entries.getMany(numbers);
    assertAllFound(numbers, entries);
    return { numbers, entries };
  }

  return {
    ...createEntryListing(uow, 'log', deps.exportUow),

    /** One entry; postponed ones do not exist here (R20). */
    get: (entryNo: number) => uow.read((s) => mustEntry(s, entryNo)),

    /** R21: a direct edit changes only description, evaluation, attemptFailed, cost and duration. */
    update: (entryNo: number, changes: EntryChanges) =>
      uow.transaction(async (s) => {
        await mustEntry(s, entryNo);
        await s.entries.update(entryNo, changes);
        return mustEntry(s, entryNo);
      }),

    /** R22, R24: cancels the entries; already canceled ones stay as they are, attachment included. */
    cancel: (entryNos: readonly number[], opts: { removeUniqueAttachments: boolean }) =>
      uow.transaction(async (s) => {
        const { numbers, entries } = await mustEntries(s, entryNos);
        const newly = entries.filter((e) => !e.canceled).map((e) => e.entryNo);
        await s.entries.setCanceled(newly, true);
        if (opts.removeUniqueAttachments) await s.entries.removeUniqueAttachments(newly);
        return s.entries.getMany(numbers);
      }),

    /** R23: all or nothing; a canceled logged segment or campaign entry blocks its entries. */
    uncancel: (entryNos: readonly number[]) =>
      uow.transaction(async (s) => {
        const { numbers, entries } = await mustEntries(s, entryNos);
        const canceled = entries.filter((e) => e.canceled);
        const ids = <T>(xs: (T | null)[]) => [...new Set(xs.filter((x): x is T => x !== null))];
        const block = uncancelBlock(
          canceled,
          await s.entries.canceledLoggedSegments(ids(canceled.map((e) => e.loggedSegmentEntryNo))),
          await s.entries.canceledCampaignEntries(ids(canceled.map((e) => e.campaignEntryNo))),
        );
        if (block) throw block;
        await s.entries.setCanceled(
          canceled.map((e) => e.entryNo),
          false,
        );
        return s.entries.getMany(numbers);
      }),

    /** R25: sets or clears the evaluation; canceled entries may be evaluated. */
    evaluate: (entryNos: readonly number[], evaluation: Evaluation | null) =>
      uow.transaction(async (s) => {
        const { numbers } = await mustEntries(s, entryNos);
        await s.entries.setEvaluation(numbers, evaluation);
        return s.entries.getMany(numbers);
      }),

    /**
     * A contact's History (api.md §5.1): a person's own entries, a company's entries with it as
     * company (its persons' included, as BC), canceled included, each with its title.
     */
    history: (contactNo: string, q: HistoryQuery): Promise<Page<HistoryEntry>> =>
      uow.read(async (s) => {
        const type = await s.entries.contactType(contactNo);
        if (!type) throw notFound.contact(contactNo);
        const filter: EntryFilter = {
          ...(type === 'company' ? { contactCompanyNo: contactNo } : { contactNo }),
          canceled: q.canceled,
          dateFrom: q.dateFrom,
          dateTo: q.dateTo,
        };
        const scope = { list: 'history', filter: normalizeFilter(filter), sort: q.sort };
        const rows = await s.entries.history(filter, q.sort, startAfter(q.cursor, scope, q.sort), q.limit + 1);
        const items = rows.map((r) => ({ ...r.entry, title: historyTitle(r) }));
        return toPage(items, q.limit, (e) => keyOf(e, q.sort), scope);
      }),

    comments: createEntryCommentsService(deps),
    deleteCanceled: createDeleteCanceled(deps),
  };
}

export type InteractionLogService = ReturnType<typeof createInteractionLogService>;
