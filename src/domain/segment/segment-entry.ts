import type { NewLogEntry } from '../interaction-log/interaction-log';
import type { LineToLog } from './segment.store';

export interface EntryContext {
  readonly segmentNo: string;
  readonly loggedSegmentEntryNo: number;
  readonly campaignEntryNo: number | null;
  readonly userId: string;
  readonly createdAt: string;
}

/**
 * R47 step 3: the entry a line becomes. The subject is the line's, else its description; a line
 * without a time gives an entry without one (as BC); the group is the template's at log time;
 * R5 without delivery: an e-mail type without a contact e-mail becomes blank.
 */
export function entryFromLine(l: LineToLog, ctx: EntryContext): NewLogEntry {
  return {
    contactNo: l.contactNo,
    contactCompanyNo: l.contactCompanyNo,
    date: l.date,
    timeOfInteraction: l.timeOfInteraction,
    description: l.description,
    subject: l.subject ?? l.description,
    informationFlow: l.informationFlow,
    initiatedBy: l.initiatedBy,
    interactionGroupCode: l.groupNow ?? l.interactionGroupCode,
    interactionTemplateCode: l.interactionTemplateCode,
    interactionLanguageCode: l.languageCode,
    costCents: l.costCents,
    durationMin: l.durationMin,
    userId: ctx.userId,
    salespersonCode: l.salespersonCode,
    campaignNo: l.campaignNo,
    campaignEntryNo: l.campaignNo === null ? null : ctx.campaignEntryNo,
    campaignTarget: l.campaignTarget,
    campaignResponse: l.campaignResponse,
    segmentNo: ctx.segmentNo,
    loggedSegmentEntryNo: ctx.loggedSegmentEntryNo,
    evaluation: l.evaluation,
    attemptFailed: l.attemptFailed,
    canceled: false,
    postponed: false,
    correspondenceType: l.correspondenceType === 'email' && l.contactEmail === null ? null : l.correspondenceType,
    deliveryStatus: null,
    documentType: null,
    documentNo: null,
    versionNo: 0,
    docNoOccurrence: 0,
    contactVia: l.contactVia,
    opportunityNo: l.opportunityNo,
    taskNo: null,
    attachmentId: l.attachmentId,
    emailLogged: false,
    createdAt: ctx.createdAt,
    origin: 'segment',
  };
}
