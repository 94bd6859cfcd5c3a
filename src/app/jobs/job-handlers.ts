import { createAttachmentService } from '../../domain/attachment/attachment.service';
import { createContactImport } from '../../domain/contact/contact-import';
import { contactCsvRows } from '../contact-csv-rows';
import { createIdempotencyService } from '../../domain/idempotency/idempotency.service';
import { createDeleteCanceled } from '../../domain/interaction-log/delete-canceled.service';
import type { JobKind } from '../../domain/job/job';
import type { JobPayloads } from '../../domain/job/job-payloads';
import { createSegmentLogService } from '../../domain/segment/segment-log.service';
import type { Clock } from '../../domain/shared/clock';
import type { UnitOfWork } from '../../domain/shared/unit-of-work';
import type { Stores } from '../../domain/stores';

export type Progress = (done: number, total?: number | null) => void;

type Handler<K extends JobKind> = (payload: JobPayloads[K], progress: Progress) => Promise<unknown>;
export type JobHandlers = { readonly [K in JobKind]: Handler<K> };

/**
 * The purges answer a count; their job's result is `{ deleted }`, made inside their transaction so
 * that the result stored with `succeeded` is the final one.
 */
const countedAsDeleted = (uow: UnitOfWork<Stores>): UnitOfWork<Stores> => ({
  read: (fn) => uow.read(fn),
  transaction: (fn) => uow.transaction(async (s) => ({ deleted: await fn(s) })) as never,
});

/**
 * The handler of each kind, over the unit of work the job runs in. Each handler is one
 * transaction (api.md §11): the runner marks the job succeeded inside it.
 */
export function createJobHandlers(deps: { uow: UnitOfWork<Stores>; clock: Clock }): JobHandlers {
  const noNestedJobs = {
    start: () => Promise.reject(new Error('a job does not start other jobs')),
  };
  return {
    segment_log: (p, progress) => createSegmentLogService({ ...deps, jobs: noNestedJobs }).log(p.segmentNo, p.options, p.actor, progress),
    contacts_import: (p, progress) =>
      createContactImport({ ...deps, csvRows: contactCsvRows }).importCsv(Buffer.from(p.csvBase64, 'base64'), {
        skipInvalid: p.skipInvalid,
        onProgress: progress,
      }),
    entries_delete_canceled: (p, progress) => createDeleteCanceled(deps)(p.filter, progress),
    idempotency_keys_purge: () => createIdempotencyService({ ...deps, uow: countedAsDeleted(deps.uow) }).purgeExpired(),
    attachments_purge: () => createAttachmentService({ ...deps, uow: countedAsDeleted(deps.uow) }).purgeUnused(),
  };
}
