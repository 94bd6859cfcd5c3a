import type { CorrespondenceType, InformationFlow, InitiatedBy } from '../interaction-log/interaction-log';
import { DomainError, fail } from '../shared/errors';

export type WizardAction = 'open' | 'import' | 'merge';

/** An interaction template (domain.md §3.5); money in integer cents. */
export interface InteractionTemplate {
  readonly code: string;
  readonly interactionGroupCode: string;
  readonly description: string | null;
  readonly unitCostCents: number;
  readonly unitDurationMin: number;
  readonly informationFlow: InformationFlow | null;
  readonly initiatedBy: InitiatedBy | null;
  readonly campaignNo: string | null;
  readonly campaignTarget: boolean;
  readonly campaignResponse: boolean;
  readonly correspondenceTypeDefault: CorrespondenceType | null;
  readonly ignoreContactCorrespondenceType: boolean;
  readonly languageCodeDefault: string | null;
  readonly wizardAction: WizardAction | null;
  /** Computed: the attachment of the default language's row. */
  readonly attachmentId: number | null;
}

/** The stored fields of a template (everything but the computed attachment). */
export type TemplateFields = Omit<InteractionTemplate, 'attachmentId'>;
/** A change to a template: any stored field except the key. */
export type TemplateChanges = { readonly [K in Exclude<keyof TemplateFields, 'code'>]?: TemplateFields[K] | undefined };

/** A template language row (domain.md §3.6); the template is the key it is read under. */
export interface TemplateLanguage {
  readonly templateCode: string;
  readonly languageCode: string;
  readonly description: string | null;
  readonly attachmentId: number | null;
}

/**
 * The fields a template gets from a change. As BC: setting a default language resets a stored
 * wizard action `merge` (R57), unless the same change sets the wizard action itself.
 */
export function applyTemplateChanges(current: TemplateFields, changes: TemplateChanges): TemplateFields {
  const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<TemplateFields>;
  const next: TemplateFields = { ...current, ...given };
  const resetsMerge = changes.languageCodeDefault != null && changes.wizardAction === undefined && current.wizardAction === 'merge';
  return resetsMerge ? { ...next, wizardAction: null } : next;
}

/**
 * R58: `merge` needs a Word template or e-mail layout, which Rapport does not have, so it is refused
 * while the template has a row for its default language.
 */
export function mergeRefused(t: Pick<TemplateFields, 'code' | 'wizardAction'>, hasDefaultLanguageRow: boolean): DomainError | null {
  if (t.wizardAction !== 'merge' || !hasDefaultLanguageRow) return null;
  return fail('wizard_action_not_allowed', t.code);
}

export function templateInUse(code: string): DomainError {
  return fail('template_in_use', code);
}
