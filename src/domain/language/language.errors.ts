/** The refusals of the language rules (domain.md §7). */
export type LanguageErrorCode = 'language_not_found';
