import { createHash } from 'node:crypto';
import { invalid } from './errors';

// Keyset cursors: the last row's sort key plus a digest of that key together with the filters and
// sort it belongs to. The digest covers the whole cursor, so a cursor used with other filters, or
// whose key was edited, is refused (api.md §1.5); and the key must be what an encoder writes
// (text without NUL, whole numbers, null), so that no forged cursor reaches a query.

type CursorKey = (string | number | null)[];

function digest(key: readonly unknown[], scope: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([key, scope]))
    .digest('base64url')
    .slice(0, 16);
}

const isKeyPart = (v: unknown): v is string | number | null =>
  v === null || (typeof v === 'string' && v.length <= 1000 && !v.includes('\u0000')) || Number.isSafeInteger(v);

export function encodeCursor(key: readonly (string | number | null)[], scope: unknown): string {
  return Buffer.from(JSON.stringify({ k: key, s: digest(key, scope) })).toString('base64url');
}

/** Decodes a cursor of the same scope, or throws validation_failed (path query.cursor). */
export function decodeCursor(cursor: string | undefined, scope: unknown): CursorKey | null {
  if (cursor === undefined) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown; s?: unknown };
    const k = parsed?.k;
    if (Array.isArray(k) && k.length > 0 && k.length <= 8 && k.every(isKeyPart) && parsed.s === digest(k, scope)) return k;
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
