import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findReferences, specIndex, unresolved, type SpecIndex } from './spec-references';

// The code cites the specification by rule number (R41), by decision letter (decision k) and by
// section (api.md §13.24, domain.md §7). Every such citation must name something docs/spec holds,
// so that a reader can follow it without leaving the repository.

const ROOT = join(import.meta.dirname, '..', '..');
const SPEC = join(ROOT, 'docs', 'spec');
const SCANNED = ['src', 'web/src', 'tests', 'bench', 'docs', 'README.md'];
// the specification is kept as it was handed over (its cross-references are its own); the scanner's
// own files hold made-up references on purpose
const SKIPPED = new Set(['docs/spec', 'tests/docs', 'node_modules', 'dist']);
const TEXT = /\.(ts|tsx|js|mjs|md|sql|css)$/;

function filesUnder(path: string): string[] {
  const rel = relative(ROOT, path).split('\\').join('/');
  if (SKIPPED.has(rel) || rel.endsWith('/node_modules')) return [];
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return [];
  if (st.isFile()) return TEXT.test(path) ? [path] : [];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

function loadIndex(): SpecIndex {
  const files = Object.fromEntries(
    readdirSync(SPEC)
      .filter((n) => n.endsWith('.md'))
      .map((n) => [n, readFileSync(join(SPEC, n), 'utf8')]),
  );
  return specIndex(files);
}

describe('references to the specification', () => {
  const index = loadIndex();

  it('docs/spec holds the three parts of the specification the code cites', () => {
    expect(Object.keys(index.sections).sort()).toEqual(['api.md', 'content.md', 'domain.md']);
    expect(index.rules.has('R1') && index.rules.has('R61')).toBe(true);
    expect(index.decisions.has('a') && index.decisions.has('o')).toBe(true);
  });

  it('every R-number, decision letter and section cited in the repository exists in docs/spec', () => {
    const files = SCANNED.flatMap((p) => filesUnder(join(ROOT, p)));
    expect(files.length).toBeGreaterThan(100);
    const wrong: string[] = [];
    let count = 0;
    for (const file of files) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const ref of findReferences(line)) {
          count++;
          const why = unresolved(ref, index);
          if (why) wrong.push(`${relative(ROOT, file)}:${i + 1}: "${ref.text}" — ${why}`);
        }
      });
    }
    expect(wrong).toEqual([]);
    // the scan finds the citations at all (a broken pattern would pass vacuously)
    expect(count).toBeGreaterThan(300);
  });
});

describe('the reference scanner', () => {
  const index = specIndex({
    'domain.md':
      '## 2. Decisions\n\n**a. One.** text\n**b. Two.**\n\n## 4. Rules\n\n### 4.1 Logging\n\n**R1 Inheritance.** x\n**R2 Description.**\n',
    'api.md': '## 13. Settled details\n\n1. **Default time.** x\n2. **Number series.** y\n',
  });
  const check = (line: string) => findReferences(line).map((r) => [r.text, unresolved(r, index)]);

  it('resolves rules, ranges, decisions, headings and numbered settled details', () => {
    expect(check('// as BC (R1, R1–R2; decisions a and b); domain.md §4.1, §4 and api.md §13.2')).toEqual([
      ['R1', null],
      ['R1–R2', null],
      ['decisions a and b', null],
      ['domain.md §4.1', null],
      ['§4', null],
      ['api.md §13.2', null],
    ]);
  });

  it('reports a rule, decision or section the specification does not have, and a § without a file', () => {
    expect(check('R3, decision c, domain.md §4.2, api.md §13.3, §9').map(([, why]) => why !== null)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it('does not take words or identifiers for references', () => {
    expect(check('HTTP/2 and R2D2 and decision-making, ER2, R2.5 and §')).toEqual([]);
    // template and contact codes in tests
    expect(check("template(env(), 'R9'); seedContact({ no: 'R4-MAIL' }); `R4-${n}`")).toEqual([]);
    expect(check("it('logs by R9', …); describe('R1 inheritance')").map(([text]) => text)).toEqual(['R9', 'R1']);
  });
});
