import type { z } from 'zod';
import type { Segment } from '../../domain/segment/segment';
import type { SegmentInput } from '../../domain/segment/header-rules';
import { fromCents } from '../../contract/common';

import type { patchSegmentBody, segmentOut } from '../../contract/segment-header';

// The domain's segment header as the contract shapes it: shared by the HTTP routes and the CLI.

/** A header body in the system's units (cents). */
export function segmentInput(body: z.output<typeof patchSegmentBody>): SegmentInput {
  const { unitCostLcy, ...rest } = body;
  return { ...rest, ...(unitCostLcy !== undefined && { unitCostCents: unitCostLcy }) };
}

export function toSegmentJson(s: Segment): z.infer<typeof segmentOut> {
  return {
    no: s.no,
    description: s.description,
    salespersonCode: s.salespersonCode,
    date: s.date,
    campaignNo: s.campaignNo,
    campaignTarget: s.campaignTarget,
    campaignResponse: s.campaignResponse,
    interactionTemplateCode: s.interactionTemplateCode,
    interactionGroupCode: s.interactionGroupCode,
    languageCodeDefault: s.languageCodeDefault,
    subjectDefault: s.subjectDefault,
    correspondenceTypeDefault: s.correspondenceTypeDefault,
    ignoreContactCorrespondenceType: s.ignoreContactCorrespondenceType,
    unitCostLcy: fromCents(s.unitCostCents),
    unitDurationMin: s.unitDurationMin,
    informationFlow: s.informationFlow,
    initiatedBy: s.initiatedBy,
    noOfLines: s.noOfLines,
    costLcy: fromCents(s.costCents),
    durationMin: s.durationMin,
    noOfCriteriaActions: s.noOfCriteriaActions,
  };
}
