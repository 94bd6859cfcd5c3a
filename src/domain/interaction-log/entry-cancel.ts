import { DomainError, notFound } from '../shared/errors';
import type { LogEntry } from './interaction-log';

/** Entry numbers of a bulk request: duplicates ignored, ascending. */
export function distinctAscending(entryNos: readonly number[]): number[] {
  return [...new Set(entryNos)].sort((a, b) => a - b);
}

/** entry_not_found for the lowest requested number that is missing or postponed (api.md §13.12). */
export function assertAllFound(requested: readonly number[], found: readonly LogEntry[]): void {
  const have = new Set(found.map((e) => e.entryNo));
  const missing = requested.find((n) => !have.has(n));
  if (missing !== undefined) throw notFound.entry(missing);
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
    if (e.loggedSegmentEntryNo !== null && canceledLoggedSegments.has(e.loggedSegmentEntryNo))
      return new DomainError(
        'uncancel_blocked_by_logged_segment',
        `Entry ${e.entryNo} belongs to canceled logged segment ${e.loggedSegmentEntryNo}; uncancel the logged segment instead.`,
        { entryNo: e.entryNo, loggedSegmentEntryNo: e.loggedSegmentEntryNo },
      );
    if (e.campaignEntryNo !== null && canceledCampaignEntries.has(e.campaignEntryNo))
      return new DomainError(
        'uncancel_blocked_by_campaign_entry',
        `Interaction log entry ${e.entryNo} belongs to canceled campaign entry ${e.campaignEntryNo}; uncancel the campaign entry instead.`,
        { entryNo: e.entryNo, campaignEntryNo: e.campaignEntryNo },
      );
  }
  return null;
}
