/** The refusals of the salesperson rules (domain.md §7). */
export type SalespersonErrorCode = 'salesperson_not_found' | 'salesperson_blocked';
