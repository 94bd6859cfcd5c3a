import type { LogEntry } from '../../domain/interaction-log/interaction-log';
import { toLogEntryJson } from './log-entry';

// The domain's interaction log as the contract shapes it: shared by the HTTP routes and the CLI.

/** Field order of the log entry (api.md §7.1): the CSV column order of the downloads. */
export const LOG_ENTRY_FIELDS = [
  'entryNo',
  'contactNo',
  'contactCompanyNo',
  'contactName',
  'contactCompanyName',
  'date',
  'timeOfInteraction',
  'description',
  'subject',
  'informationFlow',
  'initiatedBy',
  'interactionGroupCode',
  'interactionTemplateCode',
  'interactionLanguageCode',
  'costLcy',
  'durationMin',
  'userId',
  'salespersonCode',
  'campaignNo',
  'campaignEntryNo',
  'campaignTarget',
  'campaignResponse',
  'segmentNo',
  'loggedSegmentEntryNo',
  'evaluation',
  'attemptFailed',
  'canceled',
  'postponed',
  'correspondenceType',
  'deliveryStatus',
  'documentType',
  'documentNo',
  'versionNo',
  'docNoOccurrence',
  'contactVia',
  'opportunityNo',
  'taskNo',
  'attachmentId',
  'hasComments',
  'emailLogged',
  'createdAt',
  'origin',
] as const;

/** A log entry as a CSV record in `LOG_ENTRY_FIELDS` order; money stays in cents for the writer. */
export function toLogEntryCells(e: LogEntry): (string | number | boolean | null | { readonly cents: number })[] {
  const json = toLogEntryJson(e);
  return LOG_ENTRY_FIELDS.map((f) => (f === 'costLcy' ? { cents: e.costCents } : json[f]));
}
