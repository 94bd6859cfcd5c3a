import {
  CORRESPONDENCE_TYPES,
  DELIVERY_STATUSES,
  DOCUMENT_TYPES,
  EVALUATIONS,
  INFORMATION_FLOWS,
  INITIATED_BY,
  ORIGINS,
} from '../../api/enums';
import type { FilterSpec, Filters } from '../../components/FilterPane';

/** Every filter of GET /interaction-log-entries (api.md §7.2), in the order of domain.md §6.1. */
export const ENTRY_FILTERS: readonly FilterSpec[] = [
  { name: 'entryNoFrom', kind: 'int' },
  { name: 'entryNoTo', kind: 'int' },
  { name: 'dateFrom', kind: 'date' },
  { name: 'dateTo', kind: 'date' },
  { name: 'contactNo', kind: 'contact' },
  { name: 'contactCompanyNo', kind: 'company' },
  { name: 'salespersonCode', kind: 'lookup', lookup: 'salespeople' },
  { name: 'interactionTemplateCode', kind: 'lookup', lookup: 'templates' },
  { name: 'interactionGroupCode', kind: 'lookup', lookup: 'groups' },
  { name: 'campaignNo', kind: 'lookup', lookup: 'campaigns' },
  { name: 'campaignEntryNo', kind: 'int' },
  { name: 'segmentNo', kind: 'code' },
  { name: 'loggedSegmentEntryNo', kind: 'int' },
  { name: 'taskNo', kind: 'code' },
  { name: 'opportunityNo', kind: 'code' },
  { name: 'canceled', kind: 'bool' },
  { name: 'attemptFailed', kind: 'bool' },
  { name: 'evaluation', kind: 'enum', values: EVALUATIONS, enumName: 'evaluation' },
  { name: 'documentType', kind: 'enum', values: DOCUMENT_TYPES, enumName: 'documentType' },
  { name: 'documentNo', kind: 'code' },
  { name: 'correspondenceType', kind: 'enum', values: CORRESPONDENCE_TYPES, enumName: 'correspondenceType' },
  { name: 'deliveryStatus', kind: 'enum', values: DELIVERY_STATUSES, enumName: 'deliveryStatus' },
  { name: 'informationFlow', kind: 'enum', values: INFORMATION_FLOWS, enumName: 'informationFlow' },
  { name: 'initiatedBy', kind: 'enum', values: INITIATED_BY, enumName: 'initiatedBy' },
  { name: 'origin', kind: 'enum', values: ORIGINS, enumName: 'origin' },
  { name: 'q', kind: 'text' },
];

/** The filters of Postponed Interactions (domain.md §6.2). */
export const POSTPONED_FILTERS: readonly FilterSpec[] = [
  { name: 'contactNo', kind: 'contact' },
  { name: 'contactCompanyNo', kind: 'company' },
  { name: 'salespersonCode', kind: 'lookup', lookup: 'salespeople' },
];

/** The seven filters of Delete Canceled Interaction Log Entries (R27). */
export const DELETE_CANCELED_FILTERS: readonly FilterSpec[] = [
  { name: 'entryNoFrom', kind: 'int' },
  { name: 'entryNoTo', kind: 'int' },
  { name: 'contactNo', kind: 'contact' },
  { name: 'dateFrom', kind: 'date' },
  { name: 'dateTo', kind: 'date' },
  { name: 'campaignNo', kind: 'lookup', lookup: 'campaigns' },
  { name: 'interactionGroupCode', kind: 'lookup', lookup: 'groups' },
  { name: 'interactionTemplateCode', kind: 'lookup', lookup: 'templates' },
  { name: 'salespersonCode', kind: 'lookup', lookup: 'salespeople' },
];

/** Those of a list's filters that Delete Canceled Interaction Log Entries takes (R27). */
export function deleteCanceledFilters(filters: Filters): Filters {
  return Object.fromEntries(DELETE_CANCELED_FILTERS.filter((s) => filters[s.name]).map((s) => [s.name, filters[s.name]!]));
}
