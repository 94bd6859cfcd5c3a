import type { App } from '../../app/create-app';
import type { Router } from '../route';
import { authRoutes } from './auth.routes';
import { languageRoutes } from './languages.routes';
import { salespersonRoutes } from './salespeople.routes';
import { interactionGroupRoutes } from './interaction-groups.routes';
import { campaignRoutes } from './campaigns.routes';
import { opportunityRoutes } from './opportunities.routes';
import { contactRoutes } from './contacts.routes';
import { documentEventRoutes } from './document-events.routes';
import { interactionRoutes } from './interactions.routes';
import { postponedInteractionRoutes } from './postponed-interactions.routes';
import { interactionLogEntryRoutes } from './interaction-log-entries.routes';
import { attachmentRoutes } from './attachments.routes';
import { interactionTemplateRoutes } from './interaction-templates.routes';
import { templateSetupRoutes } from './template-setup.routes';
import { statisticsRoutes } from './statistics.routes';
import { segmentRoutes } from './segments.routes';
import { loggedSegmentRoutes } from './logged-segments.routes';
import { savedCriteriaRoutes } from './saved-criteria.routes';
import { jobRoutes } from './jobs.routes';
import { systemRoutes } from './system.routes';
import { userRoutes } from './users.routes';

/** Every resource's routes; one plugin function per resource. */
export function registerRoutes(r: Router, app: App): void {
  systemRoutes(r, app);
  jobRoutes(r, app);
  authRoutes(r, app);
  userRoutes(r, app);
  languageRoutes(r, app);
  salespersonRoutes(r, app);
  interactionGroupRoutes(r, app);
  campaignRoutes(r, app);
  opportunityRoutes(r, app);
  contactRoutes(r, app);
  interactionRoutes(r, app);
  postponedInteractionRoutes(r, app);
  documentEventRoutes(r, app);
  interactionLogEntryRoutes(r, app);
  interactionTemplateRoutes(r, app);
  templateSetupRoutes(r, app);
  statisticsRoutes(r, app);
  attachmentRoutes(r, app);
  segmentRoutes(r, app);
  savedCriteriaRoutes(r, app);
  loggedSegmentRoutes(r, app);
}
