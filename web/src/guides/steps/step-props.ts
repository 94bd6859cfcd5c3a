import type { InteractionDraft } from '../use-interaction-draft';

/** What each step of the Create Interaction guide works on. */
export interface StepProps {
  readonly d: InteractionDraft;
  /** The message of a failed Finish at one of the step's fields. */
  readonly fieldError: (name: string) => string | undefined;
}

/** A step with further fields behind "Show more". */
export interface MoreProps {
  /** Whether the step shows its further fields; kept by the guide while the user moves between steps. */
  readonly more: boolean;
  readonly onToggleMore: () => void;
}
