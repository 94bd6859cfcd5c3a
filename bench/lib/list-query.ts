// The filtered first page (and keyset page) of the list scenario as the raw driver runs it: the
// same keyset query with the contact names, one row more than the page to tell whether another follows.

export const FILTER = { salespersonCode: 'SP03', dateFrom: '2026-01-01' } as const;

/** `p(n)` writes the n-th placeholder (`?` for SQLite, `$n` for PostgreSQL). */
export function listSql(p: (n: number) => string, deep: boolean): string {
  return `
    select e.*, (select c.name from contacts c where c.no = e.contact_no) as contact_name,
           (select k.name from contacts k where k.no = e.contact_company_no) as contact_company_name
    from interaction_log_entries e
    where e.postponed = 0 and e.salesperson_code = ${p(1)} and e.date >= ${p(2)}${deep ? ` and e.entry_no < ${p(3)}` : ''}
    order by e.entry_no desc limit 51`;
}
