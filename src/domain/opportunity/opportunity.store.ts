/** What this module needs from storage. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OpportunityStore {}
