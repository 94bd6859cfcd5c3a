import { z } from 'zod';
import { code, date, listQuery, queryInt, requiredCode, requiredText, text } from './common';
import { logEntryOut } from './log-entry';

export const OPPORTUNITY_STATUSES = ['not_started', 'in_progress', 'won', 'lost'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];
export const TASK_STATUSES = ['open', 'closed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const opportunityStatus = z.enum(OPPORTUNITY_STATUSES);
export const taskStatus = z.enum(TASK_STATUSES);

export const opportunityOut = z.object({
  no: z.string(),
  description: z.string().nullable(),
  contactNo: z.string().nullable(),
  contactCompanyNo: z.string().nullable(),
  salespersonCode: z.string().nullable(),
  campaignNo: z.string().nullable(),
  segmentNo: z.string().nullable(),
  creationDate: z.string(),
  status: opportunityStatus,
});
export const taskOut = z.object({
  no: z.string(),
  description: z.string(),
  date: z.string(),
  contactNo: z.string().nullable(),
  contactCompanyNo: z.string().nullable(),
  salespersonCode: z.string().nullable(),
  campaignNo: z.string().nullable(),
  opportunityNo: z.string().nullable(),
  status: taskStatus,
});

// an empty code in a filter filters nothing
const codeFilter = code(20)
  .optional()
  .transform((v) => v ?? undefined);
const followUpFilters = { contactNo: codeFilter, contactCompanyNo: codeFilter, salespersonCode: codeFilter, ...listQuery };
export const opportunitiesQuery = z.strictObject({ ...followUpFilters, status: opportunityStatus.optional() });
export const tasksQuery = z.strictObject({ ...followUpFilters, status: taskStatus.optional() });

export const opportunityParams = z.strictObject({ no: requiredCode(20) });
export const taskParams = z.strictObject({ no: requiredCode(20) });

export const patchOpportunityBody = z.strictObject({ status: opportunityStatus, description: text(100).nullable().optional() });
export const patchTaskBody = z.strictObject({ status: taskStatus, description: requiredText(100).optional(), date: date.optional() });

export const entryNoParams = z.strictObject({ entryNo: queryInt });
export const createOpportunityBody = z.strictObject({ description: text(100).nullable().optional() });
export const createTaskBody = z.strictObject({ description: text(100).nullable().optional(), date: date.nullable().optional() });
export const createdOpportunityOut = z.object({ opportunity: opportunityOut, entry: logEntryOut });
export const createdTaskOut = z.object({ task: taskOut });
