import type { z } from 'zod';
import type { LogPreview } from '../../domain/segment/segment-log';
import { fromCents } from '../../contract/common';
import type { correspondenceType } from '../../contract/common';
import type { previewOut } from '../../contract/segment-log';

// The domain's segment log as the contract shapes it: shared by the HTTP routes and the CLI.

export function toPreviewJson(p: LogPreview): z.infer<typeof previewOut> {
  return {
    noOfEntries: p.noOfEntries,
    byTemplate: p.byTemplate.map((t) => ({
      interactionTemplateCode: t.interactionTemplateCode,
      noOfEntries: t.noOfEntries,
      costLcy: fromCents(t.costCents),
      durationMin: t.durationMin,
    })),
    byLanguage: p.byLanguage.map((l) => ({ languageCode: l.languageCode, noOfEntries: l.noOfEntries })),
    byCorrespondenceType: p.byCorrespondenceType.map((c) => ({
      correspondenceType: c.correspondenceType as z.infer<typeof correspondenceType> | null,
      noOfEntries: c.noOfEntries,
    })),
    costLcy: fromCents(p.costCents),
    durationMin: p.durationMin,
    skipped: p.skipped.map((s) => ({ ...s })),
    refused: p.refused.map((r) => ({ ...r })),
  };
}
