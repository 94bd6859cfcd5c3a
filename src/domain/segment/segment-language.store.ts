import type { SegmentLanguage } from './segment';

/** The language rows of a segment (line 0) and of its lines (R42). */
export interface SegmentLanguagePort {
  /** Rows of the segment level (`lineNo` 0) or of one line, by language code. */
  languageRows(no: string, lineNo: number): Promise<SegmentLanguage[]>;
  insertLanguageRows(no: string, lineNo: number, rows: readonly SegmentLanguage[]): Promise<void>;
  updateLanguageRow(no: string, lineNo: number, row: SegmentLanguage): Promise<void>;
  /** Deletes rows of one level (one language, or all of it); answers their attachment ids. */
  deleteLanguageRows(no: string, lineNo: number, languageCode?: string): Promise<number[]>;
  /** Deletes every line's own rows; answers their attachment ids. */
  deleteOwnLanguageRows(no: string): Promise<number[]>;
}
