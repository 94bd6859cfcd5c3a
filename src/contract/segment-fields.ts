import { z } from 'zod';
import { rangeOk } from './common';

// Field helpers the segment contract files share (api.md §9, §10).

export const nullable = <T extends z.ZodType>(t: T) => t.nullable().optional();

/** A `from` after its `to` is refused on the `from` field (api.md §1.2). */
export function ranges<T extends Record<string, unknown>>(pairs: readonly (readonly [keyof T & string, keyof T & string])[]) {
  return (v: T, ctx: z.RefinementCtx) => {
    for (const [from, to] of pairs)
      if (!rangeOk(v[from], v[to])) ctx.addIssue({ code: 'custom', path: [from], message: `must not be after ${to}` });
  };
}
