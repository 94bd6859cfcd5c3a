// Row codec shared by both dialects: flags are 0/1 integers.
export const toFlag = (b: boolean): number => (b ? 1 : 0);
export const fromFlag = (n: number | string | boolean | null | undefined): boolean => n === 1 || n === '1' || n === true;
/** Escapes % and _ (and the escape char) for a LIKE pattern; use with `escape '\\'`. */
export const likeContains = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/** Search text: Unicode lower-case folding done here, identical on both dialects (api.md §13.4). */
export const fold = (...parts: (string | null | undefined)[]): string =>
  parts
    .filter((p): p is string => !!p)
    .join('\n')
    .toLowerCase();
