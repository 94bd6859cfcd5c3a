/** A language (domain.md §3.1). */
export interface Language {
  readonly code: string;
  readonly name: string;
}
