import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Decision records carry their status and date, are listed in the index, and name the records
// that supersede them (docs/decisions/0018).

const DIR = join(import.meta.dirname, '..', '..', 'docs', 'decisions');
const records = readdirSync(DIR)
  .filter((n) => /^\d{4}-.+\.md$/.test(n))
  .map((name) => ({ name, no: name.slice(0, 4), text: readFileSync(join(DIR, name), 'utf8') }));
const index = readFileSync(join(DIR, 'README.md'), 'utf8');

describe('decision records', () => {
  it('are there', () => {
    expect(records.length).toBeGreaterThanOrEqual(8);
  });

  it.each(records.map((r) => [r.name, r] as const))('%s carries its status and date', (_, r) => {
    expect(r.text).toMatch(/^[-*\s]*\**Status\**:?\**\s*\S/im);
    expect(r.text).toMatch(/^[-*\s]*\**Date\**:?\**\s*\d{4}-\d{2}-\d{2}/im);
    expect(r.text.startsWith(`# ${r.no}`)).toBe(true);
  });

  it('are each listed in the index', () => {
    const missing = records.filter((r) => !new RegExp(`^\\|\\s*\\[?${r.no}\\b`, 'm').test(index)).map((r) => r.name);
    expect(missing).toEqual([]);
  });

  it('name only records that exist as superseding, superseded or extended', () => {
    const numbers = new Set(records.map((r) => r.no));
    const wrong: string[] = [];
    for (const r of records) {
      const status = /^[-*\s]*\**Status\**:?\**\s*(.*)$/im.exec(r.text)?.[1] ?? '';
      for (const m of status.matchAll(/\b(\d{4})\b/g)) if (!numbers.has(m[1]!)) wrong.push(`${r.name}: ${m[1]}`);
    }
    expect(wrong).toEqual([]);
  });
});
