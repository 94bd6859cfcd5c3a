import type { DocumentType } from '../../contract/common';

export type InformationFlow = 'outbound' | 'inbound';
export type InitiatedBy = 'us' | 'them';
export type Evaluation = 'very_positive' | 'positive' | 'neutral' | 'negative' | 'very_negative';
export type CorrespondenceType = 'hard_copy' | 'email';
export type DeliveryStatus = 'in_progress' | 'error';
export type Origin = 'interaction' | 'phone_call' | 'document' | 'segment' | 'import' | 'email';

/** One interaction log entry (domain.md §3.8); money in integer cents. */
export interface LogEntry {
  readonly entryNo: number;
  readonly contactNo: string | null;
  readonly contactCompanyNo: string | null;
  readonly contactName: string | null;
  readonly contactCompanyName: string | null;
  readonly date: string | null;
  readonly timeOfInteraction: string | null;
  readonly description: string | null;
  readonly subject: string | null;
  readonly informationFlow: InformationFlow | null;
  readonly initiatedBy: InitiatedBy | null;
  readonly interactionGroupCode: string | null;
  readonly interactionTemplateCode: string | null;
  readonly interactionLanguageCode: string | null;
  readonly costCents: number;
  readonly durationMin: number;
  readonly userId: string;
  readonly salespersonCode: string | null;
  readonly campaignNo: string | null;
  readonly campaignEntryNo: number | null;
  readonly campaignTarget: boolean;
  readonly campaignResponse: boolean;
  readonly segmentNo: string | null;
  readonly loggedSegmentEntryNo: number | null;
  readonly evaluation: Evaluation | null;
  readonly attemptFailed: boolean;
  readonly canceled: boolean;
  readonly postponed: boolean;
  readonly correspondenceType: CorrespondenceType | null;
  readonly deliveryStatus: DeliveryStatus | null;
  readonly documentType: DocumentType | null;
  readonly documentNo: string | null;
  readonly versionNo: number;
  readonly docNoOccurrence: number;
  readonly contactVia: string | null;
  readonly opportunityNo: string | null;
  readonly taskNo: string | null;
  readonly attachmentId: number | null;
  readonly hasComments: boolean;
  readonly emailLogged: boolean;
  readonly createdAt: string;
  readonly origin: Origin;
}

/** The stored fields of a new entry (entryNo, names and hasComments come from storage). */
export type NewLogEntry = Omit<LogEntry, 'entryNo' | 'contactName' | 'contactCompanyName' | 'hasComments'>;
