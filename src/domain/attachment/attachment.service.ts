import type { Stores } from '../stores';
import type { Clock } from '../shared/clock';
import { notFound } from '../shared/errors';
import type { UnitOfWork } from '../shared/unit-of-work';
import { attachmentTooLarge, MAX_ATTACHMENT_BYTES, UNUSED_UPLOAD_TTL_MS, type Attachment, type NewFile } from './attachment';

export interface AttachmentService {
  /** One attachment's metadata; `not_found` when missing. */
  get(id: number): Promise<Attachment>;
  /** Metadata and bytes for a download; `not_found` when missing. */
  download(id: number): Promise<{ readonly attachment: Attachment; readonly content: Uint8Array }>;
  /** Stores a free upload (the guide's Import step, api.md §13.16); not read-only until an entry uses it. */
  upload(file: NewFile): Promise<Attachment>;
  /** Deletes free uploads that nothing uses and that are older than 24 hours; answers how many. */
  purgeUnused(): Promise<number>;
}

export function createAttachmentService({ uow, clock }: { uow: UnitOfWork<Stores>; clock: Clock }): AttachmentService {
  const cutoff = () => new Date(clock.now().getTime() - UNUSED_UPLOAD_TTL_MS).toISOString();
  return {
    get: (id) => uow.read(async (s) => (await s.attachments.get(id)) ?? Promise.reject(notFound.generic())),
    download: (id) =>
      uow.read(async (s) => {
        const found = await s.attachments.getContent(id);
        if (!found) throw notFound.generic();
        const { content, ...attachment } = found;
        return { attachment, content };
      }),
    upload: (file) => {
      if (file.content.byteLength > MAX_ATTACHMENT_BYTES) return Promise.reject(attachmentTooLarge());
      return uow.transaction(async (s) => {
        // Expired uploads go whenever a new one arrives, so they do not pile up between the server's hourly runs.
        await s.attachments.purgeUnused(cutoff());
        return s.attachments.insert({ ...file, readOnly: false, createdAt: clock.now().toISOString() });
      });
    },
    purgeUnused: () => uow.transaction((s) => s.attachments.purgeUnused(cutoff())),
  };
}
