import type { CallDraftState } from '../use-call-draft';

/** What each step of the Make Phone Call guide works on. */
export interface CallStepProps {
  readonly call: CallDraftState;
  /** The message of a failed Finish at one of the step's fields. */
  readonly fieldError: (name: string) => string | undefined;
}
