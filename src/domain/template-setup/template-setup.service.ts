import type { Stores } from '../stores';
import { invalid, notFound, type FieldError } from '../shared/errors';
import type { UnitOfWork } from '../shared/unit-of-work';
import { slotAllowsAttachment, TEMPLATE_SETUP_SLOTS, type TemplateSetup, type TemplateSetupSlot } from './template-setup';

export interface TemplateSetupService {
  /** The setup record; every slot null until set (R59). */
  get(): Promise<TemplateSetup>;
  /** Sets any subset of the slots (R36, R59) and answers the whole record. */
  update(changes: Partial<Record<TemplateSetupSlot, string | null | undefined>>): Promise<TemplateSetup>;
}

export function createTemplateSetupService({ uow }: { uow: UnitOfWork<Stores> }): TemplateSetupService {
  return {
    get: () => uow.read((s) => s.templateSetup.get()),
    update: (changes) =>
      uow.transaction(async (s) => {
        // one writer of the single setup record at a time: slots are replaced row by row
        await s.lock('template-setup');
        const given = TEMPLATE_SETUP_SLOTS.flatMap((slot) => {
          const code = changes[slot];
          return code === undefined ? [] : [[slot, code] as const];
        });
        for (const [, code] of given) {
          if (code !== null && !(await s.templates.get(code))) throw notFound.template(code);
        }
        // R36: a slot's template may carry no attachment in any language, except the meeting invitation's
        const errors: FieldError[] = [];
        for (const [slot, code] of given) {
          if (code === null || slotAllowsAttachment(slot)) continue;
          if ((await s.templates.languageAttachmentIds(code)).length > 0)
            errors.push({
              path: slot,
              message: `template ${code} has an attachment in a language row; choose a template without attachments`,
            });
        }
        if (errors.length) throw invalid(errors);
        await s.templateSetup.set(Object.fromEntries(given));
        return s.templateSetup.get();
      }),
  };
}
