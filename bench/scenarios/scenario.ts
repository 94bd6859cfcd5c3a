import type { Dialect } from '../lib/databases';
import type { Row, ScenarioResult } from '../lib/report';

export interface BenchOptions {
  readonly dialects: readonly Dialect[];
  /** Entries in the large data set (default 1,000,000). */
  readonly entries: number;
  /** Requests of the throughput scenario. */
  readonly requests: number;
  readonly concurrency: number;
  /** Requests and calls in flight of the list scenario's first page under load. */
  readonly listRequests: number;
  readonly listConcurrency: number;
  /** Segment sizes of the segments scenario (default 100,000 and 1,000,000). */
  readonly segmentLines: readonly number[];
  /** Extra node flags of the server process (--server-flags). */
  readonly serverFlags: readonly string[];
  readonly log: (message: string) => void;
}

export interface Scenario {
  readonly name: string;
  readonly title: string;
  /** Whether it reads the large generated data set (generated first when missing). */
  readonly needsDataset: boolean;
  run(options: BenchOptions): Promise<ScenarioResult>;
}

/** The answer of a scenario whose endpoint is not there yet. */
export const NOT_AVAILABLE = 'endpoint not available';

/** Runs a scenario's part for each dialect and gathers the rows and the skipped parts. */
export async function perDialect(
  o: BenchOptions,
  scenario: Pick<Scenario, 'name' | 'title'>,
  part: (dialect: Dialect) => Promise<{ rows: Row[]; skipped?: string | undefined }>,
): Promise<ScenarioResult> {
  const rows: Row[] = [];
  const skipped: string[] = [];
  for (const dialect of o.dialects) {
    o.log(`${scenario.name} [${dialect}]`);
    const r = await part(dialect);
    rows.push(...r.rows);
    if (r.skipped) skipped.push(`${dialect}: ${r.skipped}`);
  }
  return { scenario: scenario.name, title: scenario.title, rows, ...(skipped.length && { skipped: skipped.join('; ') }) };
}
