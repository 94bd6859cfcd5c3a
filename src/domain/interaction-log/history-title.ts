import type { HistoryRow } from './interaction-log.store';

/**
 * The title of an entry in a contact's History (api.md §5.1, §13.21), as BC's contact history:
 * outbound "<template> - by <salesperson name, else the user's full name, else userId>",
 * inbound "<template> - from <contact name>", otherwise the template description.
 */
export function historyTitle(row: HistoryRow): string {
  const e = row.entry;
  // A template without a description still needs a readable title: its code stands in.
  const template = row.templateDescription ?? e.interactionTemplateCode ?? '';
  if (e.informationFlow === 'outbound') return `${template} - by ${row.salespersonName ?? row.userFullName ?? e.userId}`;
  if (e.informationFlow === 'inbound') return `${template} - from ${e.contactName ?? e.contactNo ?? ''}`;
  return template;
}
