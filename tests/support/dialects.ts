// Which databases the storage and service suites run on. Both by default; RAPPORT_TEST_DIALECTS
// (a comma-separated list: `sqlite`, `postgres`) narrows a local run to one of them. The test
// support reads it here rather than through src/app/config.ts because the app never sees it.

export type DialectName = 'sqlite' | 'postgres';

const ALL: readonly DialectName[] = ['sqlite', 'postgres'];

export function selectedDialects(value: string | undefined): readonly DialectName[] {
  if (value === undefined || value.trim() === '') return ALL;
  const names = value.split(',').map((s) => s.trim().toLowerCase());
  const unknown = names.filter((n) => !ALL.includes(n as DialectName));
  if (unknown.length > 0) throw new Error(`RAPPORT_TEST_DIALECTS: unknown dialect ${unknown.join(', ')} (sqlite, postgres)`);
  return ALL.filter((d) => names.includes(d));
}

/** The dialects this run tests, in the order the suites run. */
export const TEST_DIALECTS = selectedDialects(process.env['RAPPORT_TEST_DIALECTS']);
