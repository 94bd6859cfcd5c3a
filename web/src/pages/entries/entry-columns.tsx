import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { CORRESPONDENCE_TYPES, DELIVERY_STATUSES, DOCUMENT_TYPES, EVALUATIONS, INFORMATION_FLOWS, INITIATED_BY } from '../../api/enums';
import type { LogEntry } from '../../api/types';
import { columnsFor, type FieldSpec } from '../../components/fields';
import type { Format } from '../../format/format';

// The columns of Interaction Log Entries (domain.md §6.1): the default ones in their order,
// then the optional ones a user may show with the column chooser.

const enumSpec = (name: string, values: readonly string[], enumName = name): FieldSpec => ({ name, kind: 'enum', values, enumName });

export const DEFAULT_ENTRY_COLUMNS: readonly FieldSpec[] = [
  { name: 'canceled', kind: 'bool' },
  { name: 'attemptFailed', kind: 'bool' },
  { name: 'date', kind: 'date' },
  { name: 'interactionTemplateCode', kind: 'code' },
  { name: 'description', kind: 'text' },
  { name: 'attachment', kind: 'bool' },
  { name: 'contactNo', kind: 'code' },
  { name: 'contactName', kind: 'text' },
  { name: 'contactCompanyName', kind: 'text' },
  enumSpec('evaluation', EVALUATIONS),
  { name: 'costLcy', kind: 'money' },
  { name: 'durationMin', kind: 'int' },
  { name: 'salespersonCode', kind: 'code' },
  { name: 'campaignNo', kind: 'code' },
  { name: 'opportunityNo', kind: 'code' },
  { name: 'entryNo', kind: 'int' },
  { name: 'hasComments', kind: 'bool' },
];

export const OPTIONAL_ENTRY_COLUMNS: readonly FieldSpec[] = [
  enumSpec('documentType', DOCUMENT_TYPES),
  { name: 'documentNo', kind: 'code' },
  enumSpec('deliveryStatus', DELIVERY_STATUSES),
  { name: 'timeOfInteraction', kind: 'code' },
  enumSpec('correspondenceType', CORRESPONDENCE_TYPES),
  { name: 'interactionGroupCode', kind: 'code' },
  enumSpec('informationFlow', INFORMATION_FLOWS),
  enumSpec('initiatedBy', INITIATED_BY),
  { name: 'contactCompanyNo', kind: 'code' },
  { name: 'userId', kind: 'code' },
  { name: 'segmentNo', kind: 'code' },
  { name: 'campaignEntryNo', kind: 'int' },
  { name: 'campaignResponse', kind: 'bool' },
  { name: 'campaignTarget', kind: 'bool' },
  { name: 'taskNo', kind: 'code' },
  { name: 'interactionLanguageCode', kind: 'code' },
  { name: 'subject', kind: 'text' },
  { name: 'contactVia', kind: 'text' },
];

const SIZES: Record<string, number> = {
  canceled: 90,
  attemptFailed: 110,
  date: 110,
  interactionTemplateCode: 110,
  description: 240,
  attachment: 100,
  contactNo: 110,
  contactName: 180,
  contactCompanyName: 180,
  evaluation: 120,
  entryNo: 90,
  hasComments: 100,
  subject: 220,
  documentType: 180,
};

export function entryColumns(t: TFunction, f: Format, without: readonly string[] = []): ColumnDef<LogEntry>[] {
  const specs = [...DEFAULT_ENTRY_COLUMNS, ...OPTIONAL_ENTRY_COLUMNS].filter((s) => !without.includes(s.name));
  return columnsFor<LogEntry>(specs, t, f, SIZES).map((c) => {
    if (c.id === 'attachment') return { ...c, accessorFn: (r: LogEntry) => r.attachmentId !== null };
    if (c.id === 'timeOfInteraction') return { ...c, cell: (ctx) => f.time(ctx.getValue() as string | null) };
    if (c.id === 'entryNo') return { ...c, meta: { ...c.meta, sortKey: 'entryNo' } };
    if (c.id === 'date') return { ...c, meta: { ...c.meta, sortKey: 'date' } };
    return c;
  });
}

export function entryColumnChoices(t: TFunction, without: readonly string[] = []) {
  return [...DEFAULT_ENTRY_COLUMNS.map((s) => ({ s, d: true })), ...OPTIONAL_ENTRY_COLUMNS.map((s) => ({ s, d: false }))]
    .filter(({ s }) => !without.includes(s.name))
    .map(({ s, d }) => ({ id: s.name, label: t(`fields.${s.name}`), default: d }));
}
