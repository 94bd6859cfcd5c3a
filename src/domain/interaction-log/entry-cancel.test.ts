import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors';
import { assertAllFound, distinctAscending, loggedSegmentBlock, uncancelBlock } from './entry-cancel';
import type { LogEntry } from './interaction-log';

const entry = (entryNo: number, over: Partial<LogEntry> = {}) =>
  ({ entryNo, canceled: true, loggedSegmentEntryNo: null, campaignEntryNo: null, ...over }) as LogEntry;

function refusal(f: () => unknown): DomainError {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
  }
  throw new Error('no refusal');
}

describe('cancel and uncancel rules', () => {
  it('takes the numbers of a bulk request once each, ascending', () => {
    expect(distinctAscending([5, 2, 5, 9, 2])).toEqual([2, 5, 9]);
  });

  it('names the lowest missing number of a bulk request', () => {
    const e = refusal(() => assertAllFound([3, 7, 9], [{ entryNo: 3 }]));
    expect(e.code).toBe('entry_not_found');
    expect(e.detail).toBe('Entry 7 does not exist.');
    expect(() => assertAllFound([3], [{ entryNo: 3 }])).not.toThrow();
  });

  it('a canceled entry of a logged segment cannot be un-canceled alone while the segment is canceled', () => {
    const e = loggedSegmentBlock({ entryNo: 12, loggedSegmentEntryNo: 4, loggedSegmentCanceled: true });
    expect(e?.code).toBe('uncancel_blocked_by_logged_segment');
    expect(e?.detail).toBe('Entry 12 belongs to canceled logged segment 4; uncancel the logged segment instead.');
    expect(e?.extra).toEqual({ entryNo: 12, loggedSegmentEntryNo: 4 });
    expect(loggedSegmentBlock({ entryNo: 12, loggedSegmentEntryNo: 4, loggedSegmentCanceled: false })).toBeNull();
    expect(loggedSegmentBlock({ entryNo: 12, loggedSegmentEntryNo: null, loggedSegmentCanceled: false })).toBeNull();
  });

  it('checks the logged segment before the campaign entry, for the lowest blocked entry', () => {
    const entries = [
      entry(1, { canceled: false, campaignEntryNo: 8 }),
      entry(2, { loggedSegmentEntryNo: 4, campaignEntryNo: 8 }),
      entry(3, { campaignEntryNo: 8 }),
    ];
    expect(uncancelBlock(entries, new Set([4]), new Set([8]))?.code).toBe('uncancel_blocked_by_logged_segment');
    const byCampaign = uncancelBlock(entries, new Set(), new Set([8]));
    expect(byCampaign?.code).toBe('uncancel_blocked_by_campaign_entry');
    expect(byCampaign?.detail).toBe('Interaction log entry 2 belongs to canceled campaign entry 8; uncancel the campaign entry instead.');
    expect(uncancelBlock(entries, new Set(), new Set())).toBeNull();
  });
});
