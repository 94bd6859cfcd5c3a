import type { DocumentType } from '../../contract/common';

/** A campaign (domain.md §3.11). */
export interface Campaign {
  readonly no: string;
  readonly description: string | null;
  readonly startingDate: string | null;
  readonly endingDate: string | null;
  readonly salespersonCode: string | null;
}

/** The fields a PATCH may change; `null` clears one. */
export interface CampaignChanges {
  readonly description?: string | null | undefined;
  readonly startingDate?: string | null | undefined;
  readonly endingDate?: string | null | undefined;
  readonly salespersonCode?: string | null | undefined;
}

/**
 * A campaign entry (domain.md §3.11) with its computed figures: the non-postponed log entries
 * linked to it whose `canceled` equals its own (R32). Money in integer cents.
 */
export interface CampaignEntry {
  readonly entryNo: number;
  readonly campaignNo: string;
  readonly description: string | null;
  readonly date: string | null;
  readonly segmentNo: string | null;
  readonly loggedSegmentEntryNo: number | null;
  readonly documentType: DocumentType | null;
  readonly salespersonCode: string | null;
  readonly userId: string | null;
  readonly canceled: boolean;
  readonly noOfInteractions: number;
  readonly costCents: number;
  readonly durationMin: number;
}

export interface CampaignEntryFilter {
  readonly canceled?: boolean | undefined;
  readonly loggedSegmentEntryNo?: number | undefined;
}

/** What cancel and uncancel need to know about a campaign entry. */
export interface CampaignEntryState {
  readonly entryNo: number;
  readonly loggedSegmentEntryNo: number | null;
  /** Whether its logged segment exists and is canceled. */
  readonly loggedSegmentCanceled: boolean;
}

/** `from` ≤ `to` when both are set (domain.md §3.11). */
export function datesInOrder(startingDate: string | null, endingDate: string | null): boolean {
  return startingDate === null || endingDate === null || startingDate <= endingDate;
}
