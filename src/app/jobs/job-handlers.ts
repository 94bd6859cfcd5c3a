import { createAttachmentService } from '../../domain/attachment/attachment.service';
import { createContactImport } from '../../domain/contact/contact-import';
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
 * The handler of each kind, over the unit of work the job runs in. Each handler is one
 * transaction (api.md §11): the runner marks the job succeeded inside it.
 */
export function createJobHandlers(deps: { uow: UnitOfWork<Stores>; clock: Clock }): JobHandlers {
  const noNestedJobs = {
    start: () => Promise.reject(new Error('a job does not start other jobs')),
  };
  return {
    segment_log: (p, progress) =>
      createSegmentLogService({ ...deps, jobs: noNestedJobs }).log(p.segmentNo, p.options, p.actor, progress),
    contacts_import: (p, progress) =>
      createContactImport(deps).importCsv(Buffer.from(p.csvBase64, 'base64'), { skipInvalid: p.skipInvalid, onProgress: progress }),
    entries_delete_canceled: (p, progress) => createDeleteCanceled(deps)(p.filter, progress),
    idempotency_keys_purge: async () => ({ deleted: await createIdempotencyService(deps).purgeExpired() }),
    attachments_purge: async () => ({ deleted: await createAttachmentService(deps).purgeUnused() }),
  };
}
