import type { Stores } from '../stores';
import { decodeCursor, toPage } from '../shared/cursor';
import { duplicate, notFound, fail } from '../shared/errors';
import type { Page, UnitOfWork } from '../shared/unit-of-work';
import type { InteractionGroup } from './interaction-group';

export interface InteractionGroupService {
  list(q: { limit: number; cursor?: string | undefined }): Promise<Page<InteractionGroup>>;
  get(code: string): Promise<InteractionGroup>;
  create(input: { code: string; description?: string | null | undefined }): Promise<InteractionGroup>;
  update(code: string, changes: { description?: string | null | undefined }): Promise<InteractionGroup>;
  remove(code: string): Promise<void>;
}

/** Interaction groups: set-up records that cannot be deleted while in use (decision b). */
export function createInteractionGroupService({ uow }: { uow: UnitOfWork<Stores> }): InteractionGroupService {
  const must = async (s: Stores, code: string) => (await s.interactionGroups.get(code)) ?? Promise.reject(notFound.group(code));
  return {
    list: ({ limit, cursor }) =>
      uow.read(async (s) => {
        const after = decodeCursor(cursor, 'interaction-groups');
        const rows = await s.interactionGroups.list((after?.[0] as string | undefined) ?? null, limit + 1);
        return toPage(rows, limit, (r) => [r.code], 'interaction-groups');
      }),
    get: (code) => uow.read((s) => must(s, code)),
    create: (input) =>
      uow.transaction(async (s) => {
        // concurrent creates of one code wait here, so the later ones see it and answer 409
        await s.lock(`interaction-group:${input.code}`);
        if (await s.interactionGroups.get(input.code)) throw duplicate('Interaction group', input.code);
        const group: InteractionGroup = { code: input.code, description: input.description ?? null };
        await s.interactionGroups.insert(group);
        return group;
      }),
    update: (code, changes) =>
      uow.transaction(async (s) => {
        await must(s, code);
        await s.interactionGroups.update(code, changes);
        return must(s, code);
      }),
    remove: (code) =>
      uow.transaction(async (s) => {
        await must(s, code);
        // decision b: Business Central has no check here; Rapport keeps templates and entries consistent
        if (await s.interactionGroups.isInUse(code)) throw fail('interaction_group_in_use', code);
        await s.interactionGroups.delete(code);
      }),
  };
}
