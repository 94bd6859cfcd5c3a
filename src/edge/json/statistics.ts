import type { z } from 'zod';
import type {
  CampaignStatistics,
  ContactStatistics,
  DateRange,
  InteractionStatistics,
  SalespersonStatistics,
} from '../../domain/statistics/statistics';
import { fromCents } from '../../contract/common';
import type {
  campaignStatisticsOut,
  contactStatisticsOut,
  interactionStatisticsOut,
  salespersonStatisticsOut,
  statisticsQuery,
} from '../../contract/statistics';

// The domain's statistics as the contract shapes it: shared by the HTTP routes and the CLI.

export function toDateRange(q: z.output<typeof statisticsQuery>): DateRange {
  return { from: q.dateFrom ?? null, to: q.dateTo ?? null };
}

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
