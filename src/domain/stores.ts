import type { AccountStore } from './account/account.store';
import type { AttachmentStore } from './attachment/attachment.store';
import type { CampaignStore } from './campaign/campaign.store';
import type { ContactStore } from './contact/contact.store';
import type { IdempotencyStore } from './idempotency/idempotency.store';
import type { InteractionGroupStore } from './interaction-group/interaction-group.store';
import type { InteractionLogStore } from './interaction-log/interaction-log.store';
import type { InteractionTemplateStore } from './interaction-template/interaction-template.store';
import type { JobStore } from './job/job.store';
import type { LanguageStore } from './language/language.store';
import type { LoggingStore } from './interaction-log/logging.store';
import type { OpportunityStore } from './opportunity/opportunity.store';
import type { StatisticsStore } from './statistics/statistics.store';
import type { SalespersonStore } from './salesperson/salesperson.store';
import type { SavedCriteriaStore } from './segment/saved-criteria.store';
import type { LoggedSegmentPort } from './segment/logged-segment.store';
import type { CriteriaPort } from './segment/segment-criteria.store';
import type { SegmentHeaderPort } from './segment/segment-header.store';
import type { SegmentLanguagePort } from './segment/segment-language.store';
import type { SegmentLinePort } from './segment/segment-line.store';
import type { SegmentLogPort } from './segment/segment-log.store';
import type { SegmentRefsPort } from './segment/segment-refs.store';
import type { TemplateSetupStore } from './template-setup/template-setup.store';

/** Every storage port, bound to one unit of work (a transaction or a plain read). */
export interface Stores {
  readonly account: AccountStore;
  readonly languages: LanguageStore;
  readonly salespeople: SalespersonStore;
  readonly contacts: ContactStore;
  readonly interactionGroups: InteractionGroupStore;
  readonly templates: InteractionTemplateStore;
  readonly templateSetup: TemplateSetupStore;
  readonly campaigns: CampaignStore;
  readonly attachments: AttachmentStore;
  readonly entries: InteractionLogStore;
  readonly logging: LoggingStore;
  readonly statistics: StatisticsStore;
  readonly opportunities: OpportunityStore;
  readonly segmentHeaders: SegmentHeaderPort;
  readonly segmentLanguages: SegmentLanguagePort;
  readonly segmentLines: SegmentLinePort;
  readonly segmentCriteria: CriteriaPort;
  readonly segmentLog: SegmentLogPort;
  readonly loggedSegments: LoggedSegmentPort;
  readonly segmentRefs: SegmentRefsPort;
  readonly savedCriteria: SavedCriteriaStore;
  readonly jobs: JobStore;
  readonly idempotency: IdempotencyStore;
  /** Answers when the database answers (health check). */
  ping(): Promise<void>;
  /** Serialises writers of one named resource (e.g. a number series) until the transaction ends. */
  lock(name: string): Promise<void>;
  /**
   * The next number of a series (CT000001, CP00001, SM00001, OP000001, TD000001), decision g.
   * Takes the series lock itself; call it inside the creating transaction.
   */
  nextNumber(series: 'contact' | 'campaign' | 'segment' | 'opportunity' | 'task'): Promise<string>;
  /** The dialect, for the rare rule whose cost differs (bulk chunk sizes). */
  readonly dialect: 'sqlite' | 'postgres';
}
