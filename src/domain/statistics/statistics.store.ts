import type { DateRange, Totals } from './statistics';

/** A maintained sum's dimension and the entry field that keys it. */
export type StatisticsDimension = 'contact' | 'company' | 'template' | 'group' | 'salesperson' | 'campaign';

/** The record a statistic belongs to; it must exist for its statistics to be asked. */
export type StatisticsSubject = 'template' | 'group' | 'salesperson' | 'campaign';

/** What statistics need from storage. */
export interface StatisticsStore {
  /** The contact's type, or null when there is no such contact. */
  contactType(no: string): Promise<'company' | 'person' | null>;
  /** Whether the template, group, salesperson or campaign exists. */
  exists(subject: StatisticsSubject, code: string): Promise<boolean>;
  /** Sums over the active entries keyed by `key` in the dimension, dated within the range. */
  totals(dimension: StatisticsDimension, key: string, range: DateRange): Promise<Totals>;
  /**
   * R29 over the non-postponed entries of a person (`contact`: by contactNo) or a company
   * (`company`: by contactCompanyNo), canceled ones included, whatever their date.
   */
  lastDates(dimension: 'contact' | 'company', no: string): Promise<{ lastInteraction: string | null; lastAttempted: string | null }>;
}
