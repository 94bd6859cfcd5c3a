import { z } from 'zod';
import type {
  CampaignStatistics,
  ContactStatistics,
  DateRange,
  InteractionStatistics,
  SalespersonStatistics,
} from '../domain/statistics/statistics';
import { date, fromCents, rangeOk } from './common';

/** `?dateFrom&dateTo` of every statistics request: inclusive, both optional, from ≤ to. */
export const statisticsQuery = z
  .strictObject({ dateFrom: date.optional(), dateTo: date.optional() })
  .refine((q) => rangeOk(q.dateFrom, q.dateTo), { path: ['dateFrom'], message: 'must not be greater than dateTo' });

export function toDateRange(q: z.output<typeof statisticsQuery>): DateRange {
  return { from: q.dateFrom ?? null, to: q.dateTo ?? null };
}

const count = z.number().int();

/** Template and group statistics (api.md §4.3, §4.4). */
export const interactionStatisticsOut = z.object({ noOfInteractions: count, costLcy: z.number(), durationMin: count });

/** Contact statistics (api.md §5.1). */
export const contactStatisticsOut = interactionStatisticsOut.extend({
  dateOfLastInteraction: z.string().nullable(),
  lastDateAttempted: z.string().nullable(),
});

/** Salesperson statistics (api.md §4.2), in contract order. */
export const salespersonStatisticsOut = z.object({
  noOfInteractions: count,
  costLcy: z.number(),
  avgCostPerInteraction: z.number(),
  durationMin: count,
  avgDurationPerInteraction: z.number(),
});

/** Campaign statistics (api.md §5.2), in contract order. */
export const campaignStatisticsOut = z.object({
  targetContactsContacted: count,
  contactsResponded: count,
  responseRatePct: z.number(),
  costLcy: z.number(),
  avgCostPerResponse: z.number(),
  durationMin: count,
  avgDurationPerResponse: z.number(),
});

export function toInteractionStatisticsJson(s: InteractionStatistics): z.infer<typeof interactionStatisticsOut> {
  return { noOfInteractions: s.noOfInteractions, costLcy: fromCents(s.costCents), durationMin: s.durationMin };
}

export function toContactStatisticsJson(s: ContactStatistics): z.infer<typeof contactStatisticsOut> {
  return { ...toInteractionStatisticsJson(s), dateOfLastInteraction: s.dateOfLastInteraction, lastDateAttempted: s.lastDateAttempted };
}

export function toSalespersonStatisticsJson(s: SalespersonStatistics): z.infer<typeof salespersonStatisticsOut> {
  return {
    noOfInteractions: s.noOfInteractions,
    costLcy: fromCents(s.costCents),
    avgCostPerInteraction: fromCents(s.avgCostCentsPerInteraction),
    durationMin: s.durationMin,
    avgDurationPerInteraction: s.avgDurationPerInteraction,
  };
}

export function toCampaignStatisticsJson(s: CampaignStatistics): z.infer<typeof campaignStatisticsOut> {
  return {
    targetContactsContacted: s.targetContactsContacted,
    contactsResponded: s.contactsResponded,
    responseRatePct: s.responseRatePct,
    costLcy: fromCents(s.costCents),
    avgCostPerResponse: fromCents(s.avgCostCentsPerResponse),
    durationMin: s.durationMin,
    avgDurationPerResponse: s.avgDurationPerResponse,
  };
}
