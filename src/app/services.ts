import { createAccountService } from '../domain/account/account.service';
import { createIdempotencyService } from '../domain/idempotency/idempotency.service';
import { createLanguageService } from '../domain/language/language.service';
import { createSalespersonService } from '../domain/salesperson/salesperson.service';
import { createInteractionGroupService } from '../domain/interaction-group/interaction-group.service';
import { createCampaignService } from '../domain/campaign/campaign.service';
import { createCampaignEntryService } from '../domain/campaign/campaign-entry.service';
import { createOpportunityService } from '../domain/opportunity/opportunity.service';
import { createTaskService } from '../domain/opportunity/task.service';
import { createEntryFollowUpService } from '../domain/opportunity/entry-follow-up.service';
import { createContactService } from '../domain/contact/contact.service';
import { createInteractionLogService } from '../domain/interaction-log/interaction-log.service';
import { createLoggingService } from '../domain/interaction-log/logging.service';
import { createAttachmentService } from '../domain/attachment/attachment.service';
import { createInteractionTemplateService } from '../domain/interaction-template/interaction-template.service';
import { createTemplateLanguageService } from '../domain/interaction-template/template-language.service';
import { createTemplateSetupService } from '../domain/template-setup/template-setup.service';
import { createStatisticsService } from '../domain/statistics/statistics.service';
import { createSegmentServices } from '../domain/segment/segment-services';
import type { Clock } from '../domain/shared/clock';
import type { UnitOfWork } from '../domain/shared/unit-of-work';
import type { Stores } from '../domain/stores';
import type { JobQueue } from '../domain/job/job-queue';
import { contactCsvRows } from './contact-csv-rows';

export interface ServiceDeps {
  readonly uow: UnitOfWork<Stores>;
  /**
   * The reads of whole-set downloads (the entry exports), when they have a connection of their own
   * (SQLite: a small page cache, so that an export of the whole log does not fill the server's).
   */
  readonly exportUow?: UnitOfWork<Stores> | undefined;
  readonly clock: Clock;
}

/** Stands in when no job queue is wired (benchmarks that call the use cases directly). */
const noJobs: JobQueue = new Proxy({} as JobQueue, {
  get: () => () => Promise.reject(new Error('no job queue is wired')),
});

/** Every use case, built once over one unit of work; the transports call only these. */
export function createServices(deps: ServiceDeps & { jobs?: JobQueue }) {
  const jobs = deps.jobs ?? noJobs;
  return {
    account: createAccountService(deps),
    idempotency: createIdempotencyService(deps),
    languages: createLanguageService(deps),
    salespeople: createSalespersonService(deps),
    interactionGroups: createInteractionGroupService(deps),
    campaigns: createCampaignService(deps),
    campaignEntries: createCampaignEntryService(deps),
    opportunities: createOpportunityService(deps),
    tasks: createTaskService(deps),
    entryFollowUps: createEntryFollowUpService(deps),
    contacts: createContactService({ ...deps, csvRows: contactCsvRows }),
    entries: createInteractionLogService(deps),
    logging: createLoggingService(deps),
    templates: createInteractionTemplateService(deps),
    templateLanguages: createTemplateLanguageService(deps),
    templateSetup: createTemplateSetupService(deps),
    attachments: createAttachmentService(deps),
    statistics: createStatisticsService(deps),
    segments: createSegmentServices({ ...deps, jobs }),
    jobs,
    health: { ping: () => deps.uow.read((s) => s.ping()) },
  };
}

export type Services = ReturnType<typeof createServices>;
