import type { LogEntry } from '../interaction-log/interaction-log';
import type { FollowUpFilter, Opportunity, OpportunityChanges, OpportunityStatus, Task, TaskChanges, TaskStatus } from './opportunity';

/** What opportunities and tasks need from storage. */
export interface OpportunityStore {
  getOpportunity(no: string): Promise<Opportunity | null>;
  /** Opportunities after `afterNo` in number order. */
  listOpportunities(filter: FollowUpFilter<OpportunityStatus>, afterNo: string | null, limit: number): Promise<Opportunity[]>;
  insertOpportunity(opportunity: Opportunity): Promise<void>;
  updateOpportunity(no: string, changes: OpportunityChanges): Promise<void>;
  /** Copies the comment lines of a log entry to the opportunity (R52). */
  copyEntryComments(entryNo: number, opportunityNo: string): Promise<void>;

  getTask(no: string): Promise<Task | null>;
  /** Tasks after `afterNo` in number order. */
  listTasks(filter: FollowUpFilter<TaskStatus>, afterNo: string | null, limit: number): Promise<Task[]>;
  insertTask(task: Task): Promise<void>;
  updateTask(no: string, changes: TaskChanges): Promise<void>;

  /** A log entry, postponed ones included, or null. */
  entry(entryNo: number): Promise<LogEntry | null>;
  /** Links a log entry to its new opportunity. */
  linkEntry(entryNo: number, opportunityNo: string): Promise<void>;
}
