import { avgCents, ratio } from '../shared/money';

/** An inclusive date range; a null bound is open. */
export interface DateRange {
  readonly from: string | null;
  readonly to: string | null;
}

/** Sums over active entries (not canceled, not postponed); money in integer cents. */
export interface Totals {
  readonly noOfInteractions: number;
  readonly costCents: number;
  readonly durationMin: number;
  /** Entries with campaignTarget. */
  readonly targeted: number;
  /** Entries with campaignResponse. */
  readonly responded: number;
}

/** Template and group statistics (R30). */
export interface InteractionStatistics {
  readonly noOfInteractions: number;
  readonly costCents: number;
  readonly durationMin: number;
}

/** Contact statistics (R28, R29). */
export interface ContactStatistics extends InteractionStatistics {
  readonly dateOfLastInteraction: string | null;
  readonly lastDateAttempted: string | null;
}

/** Salesperson statistics (R30). */
export interface SalespersonStatistics extends InteractionStatistics {
  readonly avgCostCentsPerInteraction: number;
  readonly avgDurationPerInteraction: number;
}

/** Campaign statistics (R31). */
export interface CampaignStatistics {
  readonly targetContactsContacted: number;
  readonly contactsResponded: number;
  readonly responseRatePct: number;
  readonly costCents: number;
  readonly avgCostCentsPerResponse: number;
  readonly durationMin: number;
  readonly avgDurationPerResponse: number;
}

export function interactionFigures(t: Totals): InteractionStatistics {
  return { noOfInteractions: t.noOfInteractions, costCents: t.costCents, durationMin: t.durationMin };
}

/** Averages per interaction, rounded half away from zero to 0.01; 0 when there are none (decision f). */
export function salespersonFigures(t: Totals): SalespersonStatistics {
  return {
    ...interactionFigures(t),
    avgCostCentsPerInteraction: avgCents(t.costCents, t.noOfInteractions),
    avgDurationPerInteraction: ratio(t.durationMin, t.noOfInteractions, 2),
  };
}

/**
 * as BC: targets and responses count entries, not distinct contacts; the rate is to 0.1 % and the
 * averages per response to 0.01, each 0 when its divisor is 0.
 */
export function campaignFigures(t: Totals): CampaignStatistics {
  return {
    targetContactsContacted: t.targeted,
    contactsResponded: t.responded,
    responseRatePct: ratio(t.responded * 100, t.targeted, 1),
    costCents: t.costCents,
    avgCostCentsPerResponse: avgCents(t.costCents, t.responded),
    durationMin: t.durationMin,
    avgDurationPerResponse: ratio(t.durationMin, t.responded, 2),
  };
}
