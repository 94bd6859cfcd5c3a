import { z } from 'zod';
import { jobStatus, listQuery } from './common';

export const jobKind = z.enum(['segment_log', 'contacts_import', 'entries_delete_canceled', 'idempotency_keys_purge', 'attachments_purge']);

/** A background job (api.md §11): its creator is not shown. */
export const jobOut = z.object({
  id: z.string(),
  kind: jobKind,
  status: jobStatus,
  done: z.number().int(),
  total: z.number().int().nullable(),
  result: z.unknown(),
  error: z.unknown(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  attempts: z.number().int(),
  startAfter: z.string().nullable(),
});
export type JobJson = z.infer<typeof jobOut>;

export const jobParams = z.strictObject({ id: z.string().max(100) });
export const listJobsQuery = z.strictObject({ ...listQuery, status: jobStatus.optional() });
