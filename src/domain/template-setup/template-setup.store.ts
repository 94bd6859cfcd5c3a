import type { TemplateSetup, TemplateSetupSlot } from './template-setup';

/** What the interaction template setup needs from storage; a slot without a stored row is null. */
export interface TemplateSetupStore {
  /** The whole record, every slot present. */
  get(): Promise<TemplateSetup>;
  /** The template of one slot, or null. */
  templateOf(slot: TemplateSetupSlot): Promise<string | null>;
  /** Sets or empties slots. */
  set(changes: Partial<Record<TemplateSetupSlot, string | null>>): Promise<void>;
}
