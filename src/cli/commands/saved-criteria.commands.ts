import type { Command } from 'commander';
import { savedCriteriaParams } from '../../contract/saved-criteria';
import { toSavedCriteriaDetailJson, toSavedCriteriaJson } from '../../edge/json/saved-criteria';
import type { SavedCriteria } from '../../domain/segment/saved-criteria';
import { parseOptions, run, table } from '../context';

// `rapport saved-criteria …`: the criteria saved by `rapport segment save-criteria`.

type Options = Record<string, unknown>;
const COLUMNS = ['code', 'description', 'noOfActions', 'userId', 'createdAt'];

/** The criteria an action sets, as `name=value` (unset members and empty lists left out). */
function criteriaText(a: { contactFilter: object; interactionFilter: object; options: object }): string {
  const set = (o: object) => Object.entries(o).filter(([, v]) => v !== null && v !== false && !(Array.isArray(v) && v.length === 0));
  const parts = [...set(a.contactFilter), ...set(a.interactionFilter)].map(
    ([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`,
  );
  return [...parts, ...set(a.options).map(([k]) => k)].join(' ') || '(every contact)';
}

export function savedCriteriaCommands(program: Command): void {
  const saved = program.command('saved-criteria').description('criteria saved from segments, to reuse on other segments');
  saved
    .command('list')
    .description('list saved criteria (GET /saved-criteria)')
    .action(async (_o: Options, cmd: Command) =>
      run(cmd, async (ctx) => {
        const items: SavedCriteria[] = [];
        let cursor: string | undefined;
        do {
          const p = await ctx.app.services.segments.savedCriteria.list({ limit: 500, cursor });
          items.push(...p.items);
          cursor = p.nextCursor ?? undefined;
        } while (cursor);
        const json = items.map(toSavedCriteriaJson);
        ctx.out({ items: json, nextCursor: null }, () => table(json, COLUMNS));
      }),
    );
  saved
    .command('show <code>')
    .description('saved criteria with their actions (GET /saved-criteria/{code})')
    .action(async (code: string, _o: Options, cmd: Command) =>
      run(cmd, async (ctx) => {
        const params = parseOptions(savedCriteriaParams, { code });
        const c = toSavedCriteriaDetailJson(await ctx.app.services.segments.savedCriteria.get(params.code));
        ctx.out(c, () =>
          [
            `code: ${c.code}`,
            `description: ${c.description ?? ''}`,
            `userId: ${c.userId}`,
            `createdAt: ${c.createdAt}`,
            table(
              c.actions.map((a) => ({ actionNo: a.actionNo, kind: a.kind, criteria: criteriaText(a) })),
              ['actionNo', 'kind', 'criteria'],
            ),
          ].join('\n'),
        );
      }),
    );
  saved
    .command('delete <code>')
    .description('delete saved criteria (DELETE /saved-criteria/{code})')
    .action(async (code: string, _o: Options, cmd: Command) =>
      run(cmd, async (ctx) => {
        const params = parseOptions(savedCriteriaParams, { code });
        await ctx.app.services.segments.savedCriteria.remove(params.code);
        ctx.out({}, () => `saved criteria ${params.code} deleted`);
      }),
    );
}
