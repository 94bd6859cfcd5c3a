import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** One measured figure: what Rapport did and what the raw driver did for the same work. */
export interface Row {
  readonly dialect: 'sqlite' | 'postgres';
  readonly measure: string;
  readonly rapport: string;
  readonly raw: string;
  readonly target?: string;
  readonly note?: string;
}

export interface ScenarioResult {
  readonly scenario: string;
  readonly title: string;
  readonly rows: Row[];
  readonly skipped?: string;
}

const RESULTS = '.bench-data/results.json';

/** Prints a scenario's table as Markdown and keeps it in .bench-data/results.json (latest run wins). */
export function report(result: ScenarioResult): void {
  console.log(`\n### ${result.title}\n`);
  if (result.skipped) console.log(`skipped: ${result.skipped}`);
  if (result.rows.length) {
    console.log('| Dialect | Measure | Rapport | Raw driver | Target | Note |');
    console.log('|---|---|---|---|---|---|');
    for (const r of result.rows)
      console.log(`| ${r.dialect} | ${r.measure} | ${r.rapport} | ${r.raw} | ${r.target ?? ''} | ${r.note ?? ''} |`);
  }
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>;
  } catch {
    // first run
  }
  all[result.scenario] = { ...result, at: new Date().toISOString() };
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);
}

export const ms = (n: number): string => `${n < 10 ? n.toFixed(2) : n.toFixed(0)} ms`;
export const perSecond = (n: number): string => `${Math.round(n).toLocaleString('en-US')}/s`;
export const mb = (kb: number): string => `${(kb / 1024).toFixed(0)} MB`;
