// Finds citations of the specification in a line of text and checks them against docs/spec.

export interface SpecIndex {
  /** Per spec file, the numbers of its headings and of the numbered items under them ("13.24"). */
  readonly sections: Readonly<Record<string, ReadonlySet<string>>>;
  /** Rule numbers defined as `**R41 …` in any spec file. */
  readonly rules: ReadonlySet<string>;
  /** Decision letters defined as `**k. …` in domain.md §2. */
  readonly decisions: ReadonlySet<string>;
}

export type Reference =
  | { readonly kind: 'rule'; readonly text: string; readonly numbers: readonly number[] }
  | { readonly kind: 'decision'; readonly text: string; readonly letters: readonly string[] }
  | { readonly kind: 'section'; readonly text: string; readonly file: string | null; readonly section: string };

const HEADING = /^#{1,6} (\d+(?:\.\d+)*)\.?\s/;
const ITEM = /^(\d+)\. /;

export function specIndex(files: Readonly<Record<string, string>>): SpecIndex {
  const sections: Record<string, Set<string>> = {};
  const rules = new Set<string>();
  const decisions = new Set<string>();
  for (const [name, text] of Object.entries(files)) {
    const found = new Set<string>();
    let current: string | null = null;
    for (const line of text.split('\n')) {
      const h = HEADING.exec(line);
      if (h) {
        current = h[1]!;
        found.add(current);
        continue;
      }
      if (line.startsWith('#')) current = null;
      const item = ITEM.exec(line);
      if (item && current) found.add(`${current}.${item[1]}`);
      const rule = /^\*\*R(\d+)\b/.exec(line);
      if (rule) rules.add(`R${rule[1]}`);
      const decision = /^\*\*([a-z])\. /.exec(line);
      if (decision && name === 'domain.md') decisions.add(decision[1]!);
    }
    sections[name] = found;
  }
  return { sections, rules, decisions };
}

const RULE = /(?<![\w/.-])R(\d+)(?:[–-]R?(\d+))?(?![\w.]\d|\w)/g;
const DECISION = /\bdecisions? ([a-z](?:(?:,? and |, | or |–)[a-z])*)(?![\w-])/g;
const SECTION = /(?:\b(api|domain|content)\.md,? )?§ ?(\d+(?:\.\d+)*)/g;

const QUOTE = /['"`]/;

/** A code written as a string in a test (`'R1'`, `'R4-IGN'`) is a value, not a citation. */
function isCodeValue(line: string, at: number, length: number): boolean {
  const before = line[at - 1] ?? '';
  const after = line.slice(at + length, at + length + 2);
  return QUOTE.test(before) && (QUOTE.test(after[0] ?? '') || /^-[A-Za-z$]/.test(after));
}

/** The citations in one line, in order. A bare `§6.1` belongs to the spec file named before it. */
export function findReferences(line: string): Reference[] {
  const found: { at: number; ref: Reference }[] = [];
  for (const m of line.matchAll(RULE)) {
    if (isCodeValue(line, m.index, m[0].length)) continue;
    const numbers = [Number(m[1])];
    if (m[2]) numbers.push(Number(m[2]));
    found.push({ at: m.index, ref: { kind: 'rule', text: m[0], numbers } });
  }
  for (const m of line.matchAll(DECISION)) {
    const letters = m[1]!.split(/,? and |, | or |–/);
    found.push({ at: m.index, ref: { kind: 'decision', text: m[0], letters } });
  }
  let file: string | null = null;
  for (const m of line.matchAll(SECTION)) {
    if (m[1]) file = `${m[1]}.md`;
    found.push({ at: m.index, ref: { kind: 'section', text: m[0], file, section: m[2]! } });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.ref);
}

/** Why a citation does not resolve, or null when it does. */
export function unresolved(ref: Reference, index: SpecIndex): string | null {
  switch (ref.kind) {
    case 'rule': {
      const missing = ref.numbers.filter((n) => !index.rules.has(`R${n}`));
      if (missing.length > 0) return `no rule ${missing.map((n) => `R${n}`).join(', ')} in docs/spec`;
      if (ref.numbers.length === 2 && ref.numbers[0]! >= ref.numbers[1]!) return 'a range runs upwards';
      return null;
    }
    case 'decision': {
      const missing = ref.letters.filter((l) => !index.decisions.has(l));
      return missing.length > 0 ? `no decision ${missing.join(', ')} in domain.md §2` : null;
    }
    case 'section': {
      if (!ref.file) return 'a § names its spec file (api.md §…, domain.md §…, content.md §…)';
      const sections = index.sections[ref.file];
      if (!sections) return `no ${ref.file} in docs/spec`;
      return sections.has(ref.section) ? null : `no §${ref.section} in ${ref.file}`;
    }
  }
}
