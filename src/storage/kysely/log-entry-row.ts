import { sql, type Kysely, type Selectable } from 'kysely';
import type { LogEntry, NewLogEntry } from '../../domain/interaction-log/interaction-log';
import { fold, fromFlag, toFlag } from './codec';
import type { Database, InteractionLogEntriesTable } from './database';

export type LogEntryRow = Selectable<InteractionLogEntriesTable> & { contact_name: string | null; contact_company_name: string | null };

/** Entries with the current names of their contact and company (one place for both dialects). */
export function selectEntries(db: Kysely<Database>) {
  return db
    .selectFrom('interaction_log_entries as e')
    .selectAll('e')
    .select([
      sql<string | null>`(select c.name from contacts c where c.no = e.contact_no)`.as('contact_name'),
      sql<string | null>`(select k.name from contacts k where k.no = e.contact_company_no)`.as('contact_company_name'),
    ]);
}

export function toLogEntry(r: LogEntryRow): LogEntry {
  return {
    entryNo: Number(r.entry_no),
    contactNo: r.contact_no,
    contactCompanyNo: r.contact_company_no,
    contactName: r.contact_name,
    contactCompanyName: r.contact_company_name,
    date: r.date,
    timeOfInteraction: r.time_of_interaction,
    description: r.description,
    subject: r.subject,
    informationFlow: r.information_flow as LogEntry['informationFlow'],
    initiatedBy: r.initiated_by as LogEntry['initiatedBy'],
    interactionGroupCode: r.interaction_group_code,
    interactionTemplateCode: r.interaction_template_code,
    interactionLanguageCode: r.interaction_language_code,
    costCents: Number(r.cost_cents),
    durationMin: Number(r.duration_min),
    userId: r.user_id,
    salespersonCode: r.salesperson_code,
    campaignNo: r.campaign_no,
    campaignEntryNo: r.campaign_entry_no === null ? null : Number(r.campaign_entry_no),
    campaignTarget: fromFlag(r.campaign_target),
    campaignResponse: fromFlag(r.campaign_response),
    segmentNo: r.segment_no,
    loggedSegmentEntryNo: r.logged_segment_entry_no === null ? null : Number(r.logged_segment_entry_no),
    evaluation: r.evaluation as LogEntry['evaluation'],
    attemptFailed: fromFlag(r.attempt_failed),
    canceled: fromFlag(r.canceled),
    postponed: fromFlag(r.postponed),
    correspondenceType: r.correspondence_type as LogEntry['correspondenceType'],
    deliveryStatus: r.delivery_status as LogEntry['deliveryStatus'],
    documentType: r.document_type as LogEntry['documentType'],
    documentNo: r.document_no,
    versionNo: Number(r.version_no),
    docNoOccurrence: Number(r.doc_no_occurrence),
    contactVia: r.contact_via,
    opportunityNo: r.opportunity_no,
    taskNo: r.task_no,
    attachmentId: r.attachment_id === null ? null : Number(r.attachment_id),
    hasComments: fromFlag(r.has_comments),
    emailLogged: fromFlag(r.email_logged),
    createdAt: r.created_at,
    origin: r.origin as LogEntry['origin'],
  };
}

/** The stored columns of a new entry (segment logging writes the same columns set-based: `logLines` in segment-log.kysely-store.ts). */
export function toEntryRow(e: NewLogEntry) {
  return {
    contact_no: e.contactNo,
    contact_company_no: e.contactCompanyNo,
    date: e.date,
    time_of_interaction: e.timeOfInteraction,
    description: e.description,
    subject: e.subject,
    search: fold(e.description, e.subject),
    information_flow: e.informationFlow,
    initiated_by: e.initiatedBy,
    interaction_group_code: e.interactionGroupCode,
    interaction_template_code: e.interactionTemplateCode,
    interaction_language_code: e.interactionLanguageCode,
    cost_cents: e.costCents,
    duration_min: e.durationMin,
    user_id: e.userId,
    salesperson_code: e.salespersonCode,
    campaign_no: e.campaignNo,
    campaign_entry_no: e.campaignEntryNo,
    campaign_target: toFlag(e.campaignTarget),
    campaign_response: toFlag(e.campaignResponse),
    segment_no: e.segmentNo,
    logged_segment_entry_no: e.loggedSegmentEntryNo,
    evaluation: e.evaluation,
    attempt_failed: toFlag(e.attemptFailed),
    canceled: toFlag(e.canceled),
    postponed: toFlag(e.postponed),
    correspondence_type: e.correspondenceType,
    delivery_status: e.deliveryStatus,
    document_type: e.documentType,
    document_no: e.documentNo,
    version_no: e.versionNo,
    doc_no_occurrence: e.docNoOccurrence,
    contact_via: e.contactVia,
    opportunity_no: e.opportunityNo,
    task_no: e.taskNo,
    attachment_id: e.attachmentId,
    has_comments: 0,
    email_logged: toFlag(e.emailLogged),
    created_at: e.createdAt,
    origin: e.origin,
  };
}
