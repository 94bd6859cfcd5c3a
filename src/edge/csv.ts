// A CSV writer for downloads (api.md §1.5, §13.13): RFC 4180, comma-separated, CRLF line ends;
// booleans true/false, null as an empty cell, money with 2 decimals, and formula-safe text.

/** Money in integer cents, written with exactly 2 decimals (`0.50`). */
export interface CsvMoney {
  readonly cents: number;
}
export type CsvCell = string | number | boolean | null | CsvMoney;

// A spreadsheet would run a cell starting with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function money(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function cell(v: CsvCell): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object') return money(v.cents);
  const text = FORMULA_START.test(v) ? `'${v}` : v;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record with its CRLF. */
export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(cell).join(',')}\r\n`;
}

/** The header row, then one chunk of records per batch: a stream source of constant memory. */
export async function* csvChunks<T>(
  batches: AsyncIterable<readonly T[]>,
  header: readonly string[],
  cells: (item: T) => readonly CsvCell[],
): AsyncGenerator<string> {
  yield csvLine(header);
  for await (const batch of batches) yield batch.map((item) => csvLine(cells(item))).join('');
}

/** One JSON array of the items (no envelope), written batch by batch. */
export async function* jsonArrayChunks<T>(batches: AsyncIterable<readonly T[]>, toJson: (item: T) => unknown): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const batch of batches) {
    if (!batch.length) continue;
    yield `${first ? '' : ','}${batch.map((item) => JSON.stringify(toJson(item))).join(',')}`;
    first = false;
  }
  yield ']';
}
