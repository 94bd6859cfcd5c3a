import type { CorrespondenceType, Evaluation, InformationFlow, InitiatedBy } from '../interaction-log/interaction-log';

/** Lines are numbered in steps of 10000 (as BC): a new line takes the last number plus this. */
export const LINE_STEP = 10000;

/** The stored header of a segment (domain.md §3.12); money in integer cents. */
export interface SegmentHeader {
  readonly no: string;
  readonly description: string | null;
  readonly salespersonCode: string | null;
  readonly date: string | null;
  readonly campaignNo: string | null;
  readonly campaignTarget: boolean;
  readonly campaignResponse: boolean;
  readonly interactionTemplateCode: string | null;
  readonly interactionGroupCode: string | null;
  readonly languageCodeDefault: string | null;
  readonly subjectDefault: string | null;
  readonly correspondenceTypeDefault: CorrespondenceType | null;
  readonly ignoreContactCorrespondenceType: boolean;
  readonly unitCostCents: number;
  readonly unitDurationMin: number;
  readonly informationFlow: InformationFlow | null;
  readonly initiatedBy: InitiatedBy | null;
}

/** A segment with its computed figures. */
export interface Segment extends SegmentHeader {
  readonly noOfLines: number;
  readonly costCents: number;
  readonly durationMin: number;
  readonly noOfCriteriaActions: number;
}

export type AttachmentSource = 'inherited' | 'unique';

/** The stored values of a line: the draft of the entry it will become (domain.md §3.13). */
export interface LineValues {
  readonly contactNo: string;
  readonly contactCompanyNo: string | null;
  readonly description: string | null;
  readonly subject: string | null;
  readonly date: string | null;
  readonly timeOfInteraction: string | null;
  readonly salespersonCode: string | null;
  readonly interactionTemplateCode: string | null;
  readonly interactionGroupCode: string | null;
  readonly languageCode: string | null;
  readonly correspondenceType: CorrespondenceType | null;
  readonly informationFlow: InformationFlow | null;
  readonly initiatedBy: InitiatedBy | null;
  readonly campaignNo: string | null;
  readonly campaignTarget: boolean;
  readonly campaignResponse: boolean;
  readonly costCents: number;
  readonly durationMin: number;
  readonly evaluation: Evaluation | null;
  readonly attemptFailed: boolean;
  readonly contactVia: string | null;
  readonly opportunityNo: string | null;
  readonly attachmentId: number | null;
  readonly attachmentSource: AttachmentSource | null;
}

/** A line as read: its values and the current name, company, e-mail and phone of its contact. */
export interface SegmentLine extends LineValues {
  readonly lineNo: number;
  readonly contactName: string | null;
  readonly contactCompanyName: string | null;
  readonly contactEmail: string | null;
  readonly contactPhoneNo: string | null;
}

/** A segment language row (domain.md §3.14); `lineNo` 0 is the segment level, else a line's own row. */
export interface SegmentLanguage {
  readonly languageCode: string;
  readonly description: string | null;
  readonly subject: string | null;
  readonly attachmentId: number | null;
}

/** A logged segment with its counts (domain.md §3.16). */
export interface LoggedSegment {
  readonly entryNo: number;
  readonly segmentNo: string;
  readonly description: string | null;
  readonly creationDate: string;
  readonly userId: string;
  readonly canceled: boolean;
  readonly noOfInteractions: number;
  readonly noOfCampaignEntries: number;
}

/** Who performs a segment operation: the user recorded as userId and its linked salesperson. */
export interface Actor {
  readonly username: string;
  readonly salespersonCode: string | null;
}

/** Line values a request may give (R41 personalisation); `contactNo` is required on a new line. */
export type LineInput = {
  readonly [K in Exclude<keyof LineValues, 'contactCompanyNo' | 'interactionGroupCode' | 'attachmentId' | 'attachmentSource'>]?:
    LineValues[K] | undefined;
};
