import type { z } from 'zod';
import type { userOut } from '../../../src/contract/account';
import type { attachmentOut } from '../../../src/contract/attachment';
import type { campaignEntryOut, campaignOut } from '../../../src/contract/campaign';
import type { contactOut, importResultOut } from '../../../src/contract/contact';
import type { interactionGroupOut } from '../../../src/contract/interaction-group';
import type { commentOut, historyEntryOut } from '../../../src/contract/interaction-log';
import type { templateLanguageOut, templateOut } from '../../../src/contract/interaction-template';
import type { languageOut } from '../../../src/contract/language';
import type { logEntryOut } from '../../../src/contract/log-entry';
import type { opportunityOut, taskOut } from '../../../src/contract/opportunity';
import type { salespersonOut } from '../../../src/contract/salesperson';
import type { reuseCriteriaOut, savedCriteriaOut } from '../../../src/contract/saved-criteria';
import type { templateSetupOut } from '../../../src/contract/template-setup';

// The shapes the UI reads, inferred from the same schemas the server answers with.

export type User = z.infer<typeof userOut>;
export type Role = User['role'];
export type Attachment = z.infer<typeof attachmentOut>;
export type Campaign = z.infer<typeof campaignOut>;
export type CampaignEntry = z.infer<typeof campaignEntryOut>;
export type Contact = z.infer<typeof contactOut>;
export type ImportResult = z.infer<typeof importResultOut>;
export type InteractionGroup = z.infer<typeof interactionGroupOut>;
export type Comment = z.infer<typeof commentOut>;
export type HistoryEntry = z.infer<typeof historyEntryOut>;
export type Template = z.infer<typeof templateOut>;
export type TemplateLanguage = z.infer<typeof templateLanguageOut>;
export type Language = z.infer<typeof languageOut>;
export type LogEntry = z.infer<typeof logEntryOut>;
export type Opportunity = z.infer<typeof opportunityOut>;
export type Task = z.infer<typeof taskOut>;
export type Salesperson = z.infer<typeof salespersonOut>;
export type SavedCriteria = z.infer<typeof savedCriteriaOut>;
export type ReuseCriteriaResult = z.infer<typeof reuseCriteriaOut>;
export type TemplateSetup = z.infer<typeof templateSetupOut>;

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

export interface Session {
  readonly user: User;
  readonly csrfToken: string | null;
}

/** GET /jobs/{id} (api.md §11). */
export interface Job<R = unknown> {
  readonly id: string;
  readonly kind: string;
  readonly status: 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled';
  readonly done: number;
  readonly total: number | null;
  readonly result: R | null;
  readonly error: { code: string; detail: string; status: number; errors?: { path: string; message: string }[] } | null;
}

export interface InteractionStatistics {
  readonly noOfInteractions: number;
  readonly costLcy: number;
  readonly durationMin: number;
}
export interface ContactStatistics extends InteractionStatistics {
  readonly dateOfLastInteraction: string | null;
  readonly lastDateAttempted: string | null;
}
export interface SalespersonStatistics extends InteractionStatistics {
  readonly avgCostPerInteraction: number;
  readonly avgDurationPerInteraction: number;
}
export interface CampaignStatistics {
  readonly targetContactsContacted: number;
  readonly contactsResponded: number;
  readonly responseRatePct: number;
  readonly costLcy: number;
  readonly avgCostPerResponse: number;
  readonly durationMin: number;
  readonly avgDurationPerResponse: number;
}

/** Segment header (api.md §9.1). */
export interface Segment {
  readonly no: string;
  readonly description: string | null;
  readonly salespersonCode: string | null;
  readonly date: string | null;
  readonly campaignNo: string | null;
  readonly campaignTarget: boolean;
  readonly campaignResponse: boolean;
  readonly interactionTemplateCode: string | null;
  readonly interactionGroupCode: string | null;
  readonly languageCodeDefault: string | null;
  readonly subjectDefault: string | null;
  readonly correspondenceTypeDefault: LogEntry['correspondenceType'];
  readonly ignoreContactCorrespondenceType: boolean;
  readonly unitCostLcy: number;
  readonly unitDurationMin: number;
  readonly informationFlow: LogEntry['informationFlow'];
  readonly initiatedBy: LogEntry['initiatedBy'];
  readonly noOfLines: number;
  readonly costLcy: number;
  readonly durationMin: number;
  readonly noOfCriteriaActions: number;
}

/** Segment line (api.md §9.2). */
export interface SegmentLine {
  readonly lineNo: number;
  readonly contactNo: string;
  readonly contactName: string | null;
  readonly contactCompanyNo: string | null;
  readonly contactCompanyName: string | null;
  readonly contactEmail: string | null;
  readonly contactPhoneNo: string | null;
  readonly description: string | null;
  readonly subject: string | null;
  readonly date: string | null;
  readonly timeOfInteraction: string | null;
  readonly salespersonCode: string | null;
  readonly interactionTemplateCode: string | null;
  readonly interactionGroupCode: string | null;
  readonly languageCode: string | null;
  readonly correspondenceType: LogEntry['correspondenceType'];
  readonly informationFlow: LogEntry['informationFlow'];
  readonly initiatedBy: LogEntry['initiatedBy'];
  readonly campaignNo: string | null;
  readonly campaignTarget: boolean;
  readonly campaignResponse: boolean;
  readonly costLcy: number;
  readonly durationMin: number;
  readonly evaluation: LogEntry['evaluation'];
  readonly attemptFailed: boolean;
  readonly contactVia: string | null;
  readonly opportunityNo: string | null;
  readonly attachmentId: number | null;
  readonly attachmentSource: 'inherited' | 'unique' | null;
}

export interface CriteriaAction {
  readonly actionNo: number;
  readonly kind: 'add' | 'reduce' | 'refine';
  readonly contactFilter: Record<string, unknown>;
  readonly interactionFilter: Record<string, unknown>;
  readonly options: Record<string, boolean>;
  readonly affected: number;
  readonly createdAt: string;
}

export interface LogPreview {
  readonly noOfEntries: number;
  readonly byTemplate: { interactionTemplateCode: string | null; noOfEntries: number; costLcy: number; durationMin: number }[];
  readonly byLanguage: { languageCode: string | null; noOfEntries: number }[];
  readonly byCorrespondenceType: { correspondenceType: string | null; noOfEntries: number }[];
  readonly costLcy: number;
  readonly durationMin: number;
  readonly skipped: { lineNo: number; contactNo: string; reason: string }[];
  readonly refused: { lineNo: number; contactNo: string; code: string; message: string }[];
}

export interface LoggedSegment {
  readonly entryNo: number;
  readonly segmentNo: string;
  readonly description: string | null;
  readonly creationDate: string;
  readonly userId: string;
  readonly canceled: boolean;
  readonly noOfInteractions: number;
  readonly noOfCampaignEntries: number;
}

export interface SegmentLanguage {
  readonly languageCode: string;
  readonly description: string | null;
  readonly subject: string | null;
  readonly attachmentId: number | null;
}
