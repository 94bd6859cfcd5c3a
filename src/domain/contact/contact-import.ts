import type { Stores } from '../stores';
import { DomainError, invalid, type ErrorCode, type FieldError } from '../shared/errors';
import type { UnitOfWork } from '../shared/unit-of-work';
import { buildContact, contactSeries, type ContactDraft, type ContactRecord, type ContactRef } from './contact';
import { csvRecords, type CsvRecord } from './csv-records';
import { checkNewContact, type ContactLookups } from './new-contact';

/** The answer of an import (api.md §5.1). */
export interface ImportResult {
  readonly imported: number;
  readonly skipped: number;
  readonly errors: readonly { readonly line: number; readonly message: string }[];
}

export interface ImportOptions {
  /** Import the valid rows and skip the invalid ones; otherwise any invalid row refuses the file. */
  readonly skipInvalid: boolean;
  /** Called with the rows done so far (and, at the end, the total). */
  readonly onProgress?: ((done: number, total?: number) => void) | undefined;
}

export interface ContactImport {
  /** Imports a CSV file of contacts in one transaction (all rows or, without skipInvalid, none). */
  importCsv(source: AsyncIterable<Uint8Array | string> | Uint8Array, opts: ImportOptions): Promise<ImportResult>;
}

/**
 * How a CSV row becomes a draft: the contract's column names and create schema, given by the
 * composition root so that the rule code does not depend on the validation language.
 */
export interface ContactCsvRows {
  readonly columns: readonly string[];
  parse(
    columns: readonly string[],
    cells: readonly string[],
  ): { readonly ok: true; readonly draft: ContactDraft } | { readonly ok: false; readonly errors: FieldError[] };
}

/** Rows validated and written together: one batch of lookups, one insert statement. */
const CHUNK = 400;

/** The column a refusal of the create rules is about. */
const COLUMN_OF: Partial<Record<ErrorCode, string>> = {
  contact_not_found: 'companyNo',
  duplicate_code: 'no',
  salesperson_not_found: 'salespersonCode',
  salesperson_blocked: 'salespersonCode',
  language_not_found: 'languageCode',
};

function headerColumns(header: CsvRecord | undefined, known: ReadonlyMap<string, string>): string[] {
  if (!header)
    throw invalid(
      [{ path: 'lines.1', message: 'is missing: the first line must name the columns' }],
      'The file is empty; nothing was imported.',
    );
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const columns = header.cells.map((raw, i) => {
    const name = raw.trim();
    const column = known.get(name.toLowerCase());
    if (name === '') errors.push({ path: 'lines.1', message: `column ${i + 1} has no name` });
    else if (!column)
      errors.push({
        path: `lines.1.${name}`,
        message: name.toLowerCase() === 'companyname' ? 'is computed and cannot be imported' : 'is not a contact field',
      });
    else if (seen.has(column)) errors.push({ path: `lines.1.${column}`, message: 'is named twice' });
    if (column) seen.add(column);
    return column ?? name;
  });
  if (!seen.has('name')) errors.push({ path: 'lines.1', message: 'must have a name column' });
  if (errors.length) throw invalid(errors, 'The header line of the file is not valid; nothing was imported.');
  return columns;
}

type Parsed = { readonly line: number; readonly draft: ContactDraft | null; readonly errors: FieldError[] };

export function createContactImport({ uow, csvRows }: { uow: UnitOfWork<Stores>; csvRows: ContactCsvRows }): ContactImport {
  const known = new Map(csvRows.columns.map((c) => [c.toLowerCase(), c]));
  return {
    importCsv: (source, { skipInvalid, onProgress }) =>
      uow.transaction(async (s) => {
        await s.lock('series:contact');
        const records = csvRecords(source);
        try {
          return await importRecords(s, records, known, csvRows.parse, skipInvalid, onProgress);
        } finally {
          await records.return(undefined);
        }
      }),
  };
}

async function importRecords(
  s: Stores,
  records: AsyncGenerator<CsvRecord>,
  known: ReadonlyMap<string, string>,
  parse: ContactCsvRows['parse'],
  skipInvalid: boolean,
  onProgress: ImportOptions['onProgress'],
): Promise<ImportResult> {
  const columns = headerColumns((await records.next()).value || undefined, known);

  const fieldErrors: FieldError[] = [];
  const rowErrors: { line: number; message: string }[] = [];
  let imported = 0;
  let done = 0;
  // the next series number: above every number in the database and in the file so far
  let nextSeries: number | null = null;
  let highestInFile = 0;
  const takeNumber = async () => {
    nextSeries ??= Math.max(contactSeries.valueOf(await s.nextNumber('contact')) ?? 1, highestInFile + 1);
    return contactSeries.format(nextSeries++);
  };

  const refuse = (line: number, errors: readonly FieldError[]) => {
    for (const e of errors) fieldErrors.push({ path: e.path ? `lines.${line}.${e.path}` : `lines.${line}`, message: e.message });
    rowErrors.push({ line, message: errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ') });
  };

  const flush = async (chunk: readonly Parsed[]) => {
    const drafts = chunk.flatMap((p) => (p.draft ? [p.draft] : []));
    const nos = drafts.flatMap((d) => [d.no, d.companyNo].filter((n): n is string => !!n));
    const [refs, salespeople, languages] = await Promise.all([
      s.contacts.refs(nos),
      s.contacts.salespeople(drafts.flatMap((d) => (d.salespersonCode ? [d.salespersonCode] : []))),
      s.contacts.languages(drafts.flatMap((d) => (d.languageCode ? [d.languageCode] : []))),
    ]);
    // rows of this chunk count as existing for the rows after them (a person may name an earlier company)
    const created = new Map<string, ContactRef>();
    const look: ContactLookups = {
      contact: async (no) => created.get(no) ?? refs.get(no) ?? null,
      salesperson: async (code) => salespeople.get(code) ?? null,
      languageExists: async (code) => languages.has(code),
    };
    const rows: ContactRecord[] = [];
    for (const p of chunk) {
      if (!p.draft) {
        refuse(p.line, p.errors);
        continue;
      }
      try {
        const company = await checkNewContact(p.draft, look);
        const no = p.draft.no ?? (await takeNumber());
        const record = buildContact(no, p.draft, company);
        const n = contactSeries.valueOf(no);
        if (n !== null) {
          highestInFile = Math.max(highestInFile, n);
          if (nextSeries !== null && n >= nextSeries) nextSeries = n + 1;
        }
        created.set(no, { no, type: record.type, defaults: record, salespersonBlocked: false });
        rows.push(record);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        refuse(p.line, e.code === 'validation_failed' ? (e.extra.errors ?? []) : [{ path: COLUMN_OF[e.code] ?? '', message: e.detail }]);
      }
    }
    await s.contacts.insert(rows);
    imported += rows.length;
    done += chunk.length;
    onProgress?.(done);
  };

  let chunk: Parsed[] = [];
  for await (const { line, cells } of records) {
    if (cells.length !== columns.length) {
      chunk.push({ line, draft: null, errors: [{ path: '', message: `has ${cells.length} cells, the header has ${columns.length}` }] });
    } else {
      const r = parse(columns, cells);
      chunk.push(r.ok ? { line, draft: r.draft, errors: [] } : { line, draft: null, errors: r.errors });
    }
    if (chunk.length >= CHUNK) {
      await flush(chunk);
      chunk = [];
    }
  }
  await flush(chunk);
  onProgress?.(done, done);

  if (!skipInvalid && rowErrors.length)
    throw invalid(fieldErrors, `${rowErrors.length} ${rowErrors.length === 1 ? 'row is' : 'rows are'} not valid; nothing was imported.`);
  return { imported, skipped: rowErrors.length, errors: rowErrors };
}
