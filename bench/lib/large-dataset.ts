import { sql } from 'kysely';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, benchUrl, freshDatabase, type Dialect } from './databases';
import { insertEntries, seedMasters } from './dataset';
import { now } from './measure';

// The large data set is generated once per dialect and reused by the scenarios that only read it;
// a marker file says which size it has, and a scenario that changes it removes the marker.

const marker = (dialect: Dialect) => join(BENCH_DIR, `dataset-${dialect}.json`);

export const datasetUrl = (dialect: Dialect): string => benchUrl(dialect, 'entries');

export function datasetReady(dialect: Dialect, entries: number): boolean {
  if (!existsSync(marker(dialect))) return false;
  return (JSON.parse(readFileSync(marker(dialect), 'utf8')) as { entries: number }).entries === entries;
}

export function invalidateDataset(dialect: Dialect): void {
  rmSync(marker(dialect), { force: true });
}

/** Generates the data set on a fresh database; answers the seconds the entries took. */
export async function generateDataset(dialect: Dialect, entries: number, log: (m: string) => void): Promise<number> {
  invalidateDataset(dialect);
  const handle = await freshDatabase(dialect, 'entries');
  try {
    await seedMasters(handle.db);
    const start = now();
    let reported = 0;
    await insertEntries(handle.db, 0, entries, entries, (done) => {
      if (done - reported >= entries / 10 || done === entries) {
        log(`  ${dialect}: ${done.toLocaleString('en-US')} entries, ${((now() - start) / 1000).toFixed(0)} s`);
        reported = done;
      }
    });
    const seconds = (now() - start) / 1000;
    if (dialect === 'postgres') await sql`analyze`.execute(handle.db);
    writeFileSync(marker(dialect), JSON.stringify({ entries }));
    return seconds;
  } finally {
    await handle.close();
  }
}
