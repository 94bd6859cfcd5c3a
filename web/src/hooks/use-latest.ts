import { useLayoutEffect, useRef } from 'react';

/**
 * A ref that holds the latest value of a prop or callback, for effects and handlers that must see
 * it without re-running when it changes. It is written after each render (a layout effect runs
 * before any passive effect of the same commit reads it), never during one.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
