import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { invalid } from '../shared/errors';

export interface CsvRecord {
  /** The record's number, the header being 1 (api.md §13.15: records, not physical lines). */
  readonly line: number;
  readonly cells: string[];
}

/**
 * Streams the records of an RFC 4180 file (UTF-8, optional BOM) one at a time, so that a large
 * file is never held as rows in memory. A file that cannot be read as CSV is invalid input.
 */
export async function* csvRecords(source: AsyncIterable<Uint8Array | string> | Uint8Array): AsyncGenerator<CsvRecord> {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true });
  const input = source instanceof Uint8Array ? Readable.from([source]) : Readable.from(source);
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  let line = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      line += 1;
      yield { line, cells };
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // csv-parse counts the records it read before the fault; some may not have reached us yet
    const read = (e as { records?: unknown }).records;
    if (typeof read === 'number') line = Math.max(line, read);
    throw invalid(
      [{ path: `lines.${line + 1}`, message: `cannot be read as CSV: ${message}` }],
      `The file cannot be read as CSV (line ${line + 1}); nothing was imported.`,
    );
  } finally {
    input.destroy();
  }
}
