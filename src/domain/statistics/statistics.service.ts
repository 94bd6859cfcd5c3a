import { notFound } from '../shared/errors';
import type { UnitOfWork } from '../shared/unit-of-work';
import type { Stores } from '../stores';
import {
  campaignFigures,
  interactionFigures,
  salespersonFigures,
  type CampaignStatistics,
  type ContactStatistics,
  type DateRange,
  type InteractionStatistics,
  type SalespersonStatistics,
} from './statistics';
import type { StatisticsSubject } from './statistics.store';

export interface StatisticsService {
  /** R28, R29: a company's figures include its persons' entries. */
  contact(no: string, range: DateRange): Promise<ContactStatistics>;
  /** R30 over the entries of the template. */
  template(code: string, range: DateRange): Promise<InteractionStatistics>;
  /** R30 over the entries whose stored group is this one. */
  group(code: string, range: DateRange): Promise<InteractionStatistics>;
  /** R30 with the averages per interaction. */
  salesperson(code: string, range: DateRange): Promise<SalespersonStatistics>;
  /** R31. */
  campaign(no: string, range: DateRange): Promise<CampaignStatistics>;
}

const missing: Record<StatisticsSubject, (code: string) => Error> = {
  template: notFound.template,
  group: notFound.group,
  salesperson: notFound.salesperson,
  campaign: notFound.campaign,
};

/** Statistics read from the maintained sums (entry_stats) and, for the last dates, the entries. */
export function createStatisticsService({ uow }: { uow: UnitOfWork<Stores> }): StatisticsService {
  const totalsOf = (subject: StatisticsSubject, code: string, range: DateRange) =>
    uow.read(async (s) => {
      const [exists, totals] = await Promise.all([s.statistics.exists(subject, code), s.statistics.totals(subject, code, range)]);
      if (!exists) throw missing[subject](code);
      return totals;
    });
  return {
    contact: (no, range) =>
      uow.read(async (s) => {
        const type = await s.statistics.contactType(no);
        if (type === null) throw notFound.contact(no);
        // as BC: a company's statistics include its persons': its entries are those with its number as
        // contactCompanyNo (docs/decisions/0012-rule-homes.md)
        const dimension = type === 'company' ? 'company' : 'contact';
        const [totals, last] = await Promise.all([s.statistics.totals(dimension, no, range), s.statistics.lastDates(dimension, no)]);
        return { ...interactionFigures(totals), dateOfLastInteraction: last.lastInteraction, lastDateAttempted: last.lastAttempted };
      }),
    template: async (code, range) => interactionFigures(await totalsOf('template', code, range)),
    group: async (code, range) => interactionFigures(await totalsOf('group', code, range)),
    salesperson: async (code, range) => salespersonFigures(await totalsOf('salesperson', code, range)),
    campaign: async (no, range) => campaignFigures(await totalsOf('campaign', no, range)),
  };
}
