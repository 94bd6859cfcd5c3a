import { DomainError, notFound, failWith } from '../shared/errors';
import type { LogEntry } from './interaction-log';

// Cancel and uncancel of interaction log entries and campaign entries (R22, R23, R49, R51).

/** Entry numbers of a bulk request: duplicates ignored, ascending. */
export function distinctAscending(entryNos: readonly number[]): number[] {
  return [...new Set(entryNos)].sort((a, b) => a - b);
}

/**
 * A bulk request names its lowest missing number and changes nothing (api.md §13.12): entry_not_found
 * for entries (a postponed one counts as missing) and campaign entries, or the given refusal.
 */
export function assertAllFound(
  requested: readonly number[],
  found: readonly { readonly entryNo: number }[],
  refuse: (entryNo: number) => DomainError = notFound.entry,
): void {
  const have = new Set(found.map((e) => e.entryNo));
  const missing = requested.find((n) => !have.has(n));
  if (missing !== undefined) throw refuse(missing);
}

/** What the uncancel rule needs to know about an entry or a campaign entry. */
export interface LoggedSegmentLink {
  readonly entryNo: number;
  readonly loggedSegmentEntryNo: number | null;
  /** Whether that logged segment is canceled. */
  readonly loggedSegmentCanceled: boolean;
}

/**
 * R23, R51: a canceled entry of a logged segment cannot be un-canceled alone. While its logged
 * segment is canceled, neither an interaction log entry nor a campaign entry of it may be
 * un-canceled; the logged segment is un-canceled instead, which cascades in SQL to its entries and
 * campaign entries (R49, `setLoggedSegmentsCanceled`; docs/decisions/0012-rule-homes.md).
 * Answers the refusal, or null.
 */
export function loggedSegmentBlock(e: LoggedSegmentLink): DomainError | null {
  if (e.loggedSegmentEntryNo === null || !e.loggedSegmentCanceled) return null;
  const facts = { entryNo: e.entryNo, loggedSegmentEntryNo: e.loggedSegmentEntryNo };
  return failWith('uncancel_blocked_by_logged_segment', facts, e.entryNo, e.loggedSegmentEntryNo);
}

/**
 * R23: a canceled entry cannot be uncanceled while its logged segment (checked first) or its
 * campaign entry is canceled. Answers the refusal for the lowest blocked entry, or null.
 */
export function uncancelBlock(
  entries: readonly LogEntry[],
  canceledLoggedSegments: ReadonlySet<number>,
  canceledCampaignEntries: ReadonlySet<number>,
): DomainError | null {
  for (const e of entries) {
    if (!e.canceled) continue;
    const bySegment = loggedSegmentBlock({
      entryNo: e.entryNo,
      loggedSegmentEntryNo: e.loggedSegmentEntryNo,
      loggedSegmentCanceled: e.loggedSegmentEntryNo !== null && canceledLoggedSegments.has(e.loggedSegmentEntryNo),
    });
    if (bySegment) return bySegment;
    if (e.campaignEntryNo !== null && canceledCampaignEntries.has(e.campaignEntryNo))
      return failWith(
        'uncancel_blocked_by_campaign_entry',
        { entryNo: e.entryNo, campaignEntryNo: e.campaignEntryNo },
        e.entryNo,
        e.campaignEntryNo,
      );
  }
  return null;
}
