import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type Query } from '../api/client';
import type { Page } from '../api/types';
import { useLatest } from './use-latest';

export interface KeysetList<T> {
  readonly items: readonly T[];
  readonly hasMore: boolean;
  readonly loading: boolean;
  readonly error: unknown;
  /** Fetches the next page (no-op while one is loading or at the end). */
  loadMore(): void;
  /** Starts again from the first page. */
  reload(): void;
  /** Replaces loaded rows by key with the rows a write answered (e.g. after cancel). */
  replace(rows: readonly T[]): void;
  /** Drops loaded rows by key (e.g. after a delete). */
  remove(keys: readonly (string | number)[]): void;
}

/**
 * Endless scrolling over a keyset-paged list (api.md §1.5): each page follows the previous page's
 * `nextCursor`, so rows inserted meanwhile are neither repeated nor skipped.
 */
export function useKeysetList<T>(path: string | null, query: Query, keyOf: (row: T) => string | number, pageSize = 100): KeysetList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(true);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [generation, setGeneration] = useState(0);
  const busy = useRef(false);
  const queryKey = JSON.stringify(query);
  const scope = `${path}?${queryKey}#${generation}`;
  const scopeRef = useRef(scope);
  const keyRef = useLatest(keyOf);

  const fetchPage = useCallback(
    async (after: string | null, forScope: string) => {
      if (!path) return;
      busy.current = true;
      setLoading(true);
      try {
        const page = await api.get<Page<T>>(path, { ...(JSON.parse(queryKey) as Query), limit: pageSize, cursor: after });
        if (scopeRef.current !== forScope) return;
        setItems((prev) => (after === null ? page.items : [...prev, ...page.items]));
        setCursor(page.nextCursor);
        setHasMore(page.nextCursor !== null);
        setError(undefined);
      } catch (e) {
        if (scopeRef.current === forScope) {
          setError(e);
          setHasMore(false);
        }
      } finally {
        if (scopeRef.current === forScope) {
          busy.current = false;
          setLoading(false);
        }
      }
    },
    [path, queryKey, pageSize],
  );

  useEffect(() => {
    scopeRef.current = scope;
    busy.current = false;
    setItems([]);
    setCursor(null);
    setHasMore(path !== null);
    void fetchPage(null, scope);
  }, [scope, fetchPage, path]);

  const loadMore = useCallback(() => {
    if (busy.current || !hasMore || cursor === null) return;
    void fetchPage(cursor, scopeRef.current);
  }, [cursor, hasMore, fetchPage]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const replace = useCallback(
    (rows: readonly T[]) => {
      const byKey = new Map(rows.map((r) => [keyRef.current(r), r]));
      setItems((prev) => prev.map((r) => byKey.get(keyRef.current(r)) ?? r));
    },
    [keyRef],
  );
  const remove = useCallback(
    (keys: readonly (string | number)[]) => {
      const gone = new Set(keys);
      setItems((prev) => prev.filter((r) => !gone.has(keyRef.current(r))));
    },
    [keyRef],
  );

  return { items, hasMore, loading, error, loadMore, reload, replace, remove };
}
