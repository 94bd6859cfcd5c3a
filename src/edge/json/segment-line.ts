import type { z } from 'zod';
import type { LineInput, SegmentLine } from '../../domain/segment/segment';
import { fromCents } from '../../contract/common';

import type { lineOut, patchLineBody } from '../../contract/segment-line';

// The domain's segment line as the contract shapes it: shared by the HTTP routes and the CLI.

/** A line body in the system's units (cents). */
export function lineInput(body: z.output<typeof patchLineBody>): LineInput {
  const { costLcy, ...rest } = body;
  return { ...rest, ...(costLcy !== undefined && { costCents: costLcy }) };
}

export function toLineJson(l: SegmentLine): z.infer<typeof lineOut> {
  return {
    lineNo: l.lineNo,
    contactNo: l.contactNo,
    contactName: l.contactName,
    contactCompanyNo: l.contactCompanyNo,
    contactCompanyName: l.contactCompanyName,
    contactEmail: l.contactEmail,
    contactPhoneNo: l.contactPhoneNo,
    description: l.description,
    subject: l.subject,
    date: l.date,
    timeOfInteraction: l.timeOfInteraction,
    salespersonCode: l.salespersonCode,
    interactionTemplateCode: l.interactionTemplateCode,
    interactionGroupCode: l.interactionGroupCode,
    languageCode: l.languageCode,
    correspondenceType: l.correspondenceType,
    informationFlow: l.informationFlow,
    initiatedBy: l.initiatedBy,
    campaignNo: l.campaignNo,
    campaignTarget: l.campaignTarget,
    campaignResponse: l.campaignResponse,
    costLcy: fromCents(l.costCents),
    durationMin: l.durationMin,
    evaluation: l.evaluation,
    attemptFailed: l.attemptFailed,
    contactVia: l.contactVia,
    opportunityNo: l.opportunityNo,
    attachmentId: l.attachmentId,
    attachmentSource: l.attachmentSource,
  };
}
