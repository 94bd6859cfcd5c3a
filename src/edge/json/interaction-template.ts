import type { z } from 'zod';
import type { InteractionTemplate, TemplateLanguage } from '../../domain/interaction-template/interaction-template';
import { fromCents } from '../../contract/common';

import type { TemplateJson, templateLanguageOut } from '../../contract/interaction-template';

// The domain's interaction template as the contract shapes it: shared by the HTTP routes and the CLI.

export function toTemplateJson(t: InteractionTemplate): TemplateJson {
  const { unitCostCents, ...rest } = t;
  return {
    code: rest.code,
    interactionGroupCode: rest.interactionGroupCode,
    description: rest.description,
    unitCostLcy: fromCents(unitCostCents),
    unitDurationMin: rest.unitDurationMin,
    informationFlow: rest.informationFlow,
    initiatedBy: rest.initiatedBy,
    campaignNo: rest.campaignNo,
    campaignTarget: rest.campaignTarget,
    campaignResponse: rest.campaignResponse,
    correspondenceTypeDefault: rest.correspondenceTypeDefault,
    ignoreContactCorrespondenceType: rest.ignoreContactCorrespondenceType,
    languageCodeDefault: rest.languageCodeDefault,
    wizardAction: rest.wizardAction,
    attachmentId: rest.attachmentId,
  };
}

export function toTemplateLanguageJson(r: TemplateLanguage): z.infer<typeof templateLanguageOut> {
  return { languageCode: r.languageCode, description: r.description, attachmentId: r.attachmentId };
}
