import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { FilterSpec, Filters } from '../components/FilterPane';

/** The page's filters live in its address (`?contactNo=CT000001&canceled=false`). */
export function useUrlFilters(specs: readonly FilterSpec[]): [Filters, (f: Filters) => void, URLSearchParams] {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const filters = useMemo(() => {
    const out: Record<string, string> = {};
    for (const s of specs) {
      const v = params.get(s.name);
      if (v) out[s.name] = v;
    }
    return out;
    // the parameters are compared by their string (key), not by the URLSearchParams object
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, specs]);
  const set = useCallback(
    (f: Filters) => {
      setParams((prev) => {
        const next = new URLSearchParams();
        // keep what is not a filter (sort)
        for (const [k, v] of prev) if (!specs.some((s) => s.name === k)) next.set(k, v);
        for (const [k, v] of Object.entries(f)) if (v) next.set(k, v);
        return next;
      });
    },
    [setParams, specs],
  );
  return [filters, set, params];
}
