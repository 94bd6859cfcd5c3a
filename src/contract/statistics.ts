import { z } from 'zod';
import { date, rangeOk } from './common';

/** `?dateFrom&dateTo` of every statistics request: inclusive, both optional, from ≤ to. */
export const statisticsQuery = z
  .strictObject({ dateFrom: date.optional(), dateTo: date.optional() })
  .refine((q) => rangeOk(q.dateFrom, q.dateTo), { path: ['dateFrom'], message: 'must not be greater than dateTo' });

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
