import type { OpportunityStatus, TaskStatus } from '../../contract/opportunity';

export type { OpportunityStatus, TaskStatus };

/** An opportunity (domain.md §3.17, minimal). Open = not_started or in_progress. */
export interface Opportunity {
  readonly no: string;
  readonly description: string | null;
  readonly contactNo: string | null;
  readonly contactCompanyNo: string | null;
  readonly salespersonCode: string | null;
  readonly campaignNo: string | null;
  readonly segmentNo: string | null;
  readonly creationDate: string;
  readonly status: OpportunityStatus;
}

/** A task, Business Central's to-do (domain.md §3.17, minimal). Open = status open. */
export interface Task {
  readonly no: string;
  readonly description: string;
  readonly date: string;
  readonly contactNo: string | null;
  readonly contactCompanyNo: string | null;
  readonly salespersonCode: string | null;
  readonly campaignNo: string | null;
  readonly opportunityNo: string | null;
  readonly status: TaskStatus;
}

/** List filters shared by opportunities and tasks (api.md §13.19). */
export interface FollowUpFilter<S extends string> {
  readonly contactNo?: string | undefined;
  readonly contactCompanyNo?: string | undefined;
  readonly salespersonCode?: string | undefined;
  readonly status?: S | undefined;
}

export interface OpportunityChanges {
  readonly status: OpportunityStatus;
  readonly description?: string | null | undefined;
}

export interface TaskChanges {
  readonly status: TaskStatus;
  readonly description?: string | undefined;
  readonly date?: string | undefined;
}
