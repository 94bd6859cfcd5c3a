import type { LogEntry } from '../../domain/interaction-log/interaction-log';
import { fromCents } from '../../contract/common';

import type { LogEntryJson } from '../../contract/log-entry';

// The domain's log entry as the contract shapes it: shared by the HTTP routes and the CLI.

/** Domain entry → API JSON (cents → LCY number), keys in contract order. */
export function toLogEntryJson(e: LogEntry): LogEntryJson {
  const { costCents, ...rest } = e;
  return {
    entryNo: rest.entryNo,
    contactNo: rest.contactNo,
    contactCompanyNo: rest.contactCompanyNo,
    contactName: rest.contactName,
    contactCompanyName: rest.contactCompanyName,
    date: rest.date,
    timeOfInteraction: rest.timeOfInteraction,
    description: rest.description,
    subject: rest.subject,
    informationFlow: rest.informationFlow,
    initiatedBy: rest.initiatedBy,
    interactionGroupCode: rest.interactionGroupCode,
    interactionTemplateCode: rest.interactionTemplateCode,
    interactionLanguageCode: rest.interactionLanguageCode,
    costLcy: fromCents(costCents),
    durationMin: rest.durationMin,
    userId: rest.userId,
    salespersonCode: rest.salespersonCode,
    campaignNo: rest.campaignNo,
    campaignEntryNo: rest.campaignEntryNo,
    campaignTarget: rest.campaignTarget,
    campaignResponse: rest.campaignResponse,
    segmentNo: rest.segmentNo,
    loggedSegmentEntryNo: rest.loggedSegmentEntryNo,
    evaluation: rest.evaluation,
    attemptFailed: rest.attemptFailed,
    canceled: rest.canceled,
    postponed: rest.postponed,
    correspondenceType: rest.correspondenceType,
    deliveryStatus: rest.deliveryStatus,
    documentType: rest.documentType,
    documentNo: rest.documentNo,
    versionNo: rest.versionNo,
    docNoOccurrence: rest.docNoOccurrence,
    contactVia: rest.contactVia,
    opportunityNo: rest.opportunityNo,
    taskNo: rest.taskNo,
    attachmentId: rest.attachmentId,
    hasComments: rest.hasComments,
    emailLogged: rest.emailLogged,
    createdAt: rest.createdAt,
    origin: rest.origin,
  };
}
