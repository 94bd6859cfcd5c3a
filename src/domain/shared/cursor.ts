import { createHash } from 'node:crypto';
import { invalid } from './errors';

// Keyset cursors: the last row's sort key plus a digest of the filters and sort it belongs to,
// so a cursor used with other filters is refused (api.md §1.5).

function digest(scope: unknown): string {
  return createHash('sha256').update(JSON.stringify(scope)).digest('base64url').slice(0, 12);
}

export function encodeCursor(key: readonly (string | number | null)[], scope: unknown): string {
  return Buffer.from(JSON.stringify({ k: key, s: digest(scope) })).toString('base64url');
}

/** Decodes a cursor of the same scope, or throws validation_failed (path query.cursor). */
export function decodeCursor(cursor: string | undefined, scope: unknown): (string | number | null)[] | null {
  if (cursor === undefined) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown; s?: unknown };
    if (Array.isArray(parsed.k) && parsed.s === digest(scope)) return parsed.k as (string | number | null)[];
  } catch {
    // fall through
  }
  throw invalid([{ path: 'query.cursor', message: 'is not a cursor of this list with these filters and sort' }]);
}

/** Splits `limit + 1` fetched rows into a page and the cursor of its last row. */
export function toPage<T>(
  rows: readonly T[],
  limit: number,
  keyOf: (row: T) => readonly (string | number | null)[],
  scope: unknown,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last !== undefined ? encodeCursor(keyOf(last), scope) : null;
  return { items, nextCursor };
}
