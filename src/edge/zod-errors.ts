import type { z } from 'zod';
import type { FieldError } from '../domain/shared/errors';

/** Turns zod issues into api.md §2 field errors; `prefix` is `query.`, `params.` or ``. */
export function fieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: prefix + (base ? `${base}.${key}` : key), message: 'unknown field' });
      continue;
    }
    let message = issue.message;
    if (issue.code === 'invalid_type') {
      message = issue.input === undefined ? 'is required' : issue.input === null ? 'must not be null' : `must be ${issue.expected}`;
    } else if (issue.code === 'invalid_value') {
      message = `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    }
    const path = prefix ? (base ? prefix + base : prefix.slice(0, -1)) : base;
    out.push({ path, message });
  }
  return out;
}
