import type { Stores } from '../stores';
import { decodeCursor, toPage } from '../shared/cursor';
import { notFound } from '../shared/errors';
import type { Page, UnitOfWork } from '../shared/unit-of-work';
import type { FollowUpFilter, Opportunity, OpportunityChanges, OpportunityStatus } from './opportunity';

export interface OpportunityService {
  list(q: { filter: FollowUpFilter<OpportunityStatus>; limit: number; cursor?: string | undefined }): Promise<Page<Opportunity>>;
  get(no: string): Promise<Opportunity>;
  /** Sets the status (closing it as won or lost) and optionally the description (api.md §13.20). */
  update(no: string, changes: OpportunityChanges): Promise<Opportunity>;
}

export const filterScope = (kind: string, f: FollowUpFilter<string>) => [
  kind,
  f.contactNo ?? null,
  f.contactCompanyNo ?? null,
  f.salespersonCode ?? null,
  f.status ?? null,
];

/** Opportunities: created from log entries, read and closed here. */
export function createOpportunityService({ uow }: { uow: UnitOfWork<Stores> }): OpportunityService {
  const must = async (s: Stores, no: string) => (await s.opportunities.getOpportunity(no)) ?? Promise.reject(notFound.opportunity(no));
  return {
    list: ({ filter, limit, cursor }) =>
      uow.read(async (s) => {
        const scope = filterScope('opportunities', filter);
        const after = decodeCursor(cursor, scope);
        const rows = await s.opportunities.listOpportunities(filter, (after?.[0] as string | undefined) ?? null, limit + 1);
        return toPage(rows, limit, (r) => [r.no], scope);
      }),
    get: (no) => uow.read((s) => must(s, no)),
    update: (no, changes) =>
      uow.transaction(async (s) => {
        await must(s, no);
        await s.opportunities.updateOpportunity(no, changes);
        return must(s, no);
      }),
  };
}
