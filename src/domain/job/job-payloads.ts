import type { DeleteCanceledFilter } from '../interaction-log/entry-query';
import type { Actor } from '../segment/segment';
import type { LogOptions } from '../segment/segment-log';
import type { JobKind } from './job';

/**
 * What each kind of job needs to run again on any instance: stored with the job, never held in a
 * closure. Everything is plain JSON.
 */
export interface JobPayloads {
  segment_log: { readonly segmentNo: string; readonly options: LogOptions; readonly actor: Actor };
  /** The uploaded file, byte for byte (base64: PostgreSQL text cannot hold a NUL). */
  contacts_import: { readonly csvBase64: string; readonly skipInvalid: boolean };
  entries_delete_canceled: { readonly filter: DeleteCanceledFilter };
  idempotency_keys_purge: Record<string, never>;
  attachments_purge: Record<string, never>;
}

export type PayloadOf<K extends JobKind> = JobPayloads[K];
