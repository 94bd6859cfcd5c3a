import { CORRESPONDENCE_TYPES, INFORMATION_FLOWS, INITIATED_BY, WIZARD_ACTIONS } from '../../api/enums';
import type { FieldSpec } from '../../components/fields';

/** The fields of an interaction template, in the order of its list (domain.md §6.3). */
export const TEMPLATE_FIELDS: readonly FieldSpec[] = [
  { name: 'code', kind: 'code', max: 10, required: true, key: true },
  { name: 'interactionGroupCode', kind: 'lookup', lookup: 'groups', required: true },
  { name: 'description', kind: 'text', max: 100 },
  { name: 'wizardAction', kind: 'enum', values: WIZARD_ACTIONS, enumName: 'wizardAction' },
  { name: 'correspondenceTypeDefault', kind: 'enum', values: CORRESPONDENCE_TYPES, enumName: 'correspondenceType' },
  { name: 'languageCodeDefault', kind: 'lookup', lookup: 'languages' },
  { name: 'ignoreContactCorrespondenceType', kind: 'bool' },
  { name: 'unitCostLcy', kind: 'money' },
  { name: 'unitDurationMin', kind: 'int' },
  { name: 'informationFlow', kind: 'enum', values: INFORMATION_FLOWS, enumName: 'informationFlow' },
  { name: 'initiatedBy', kind: 'enum', values: INITIATED_BY, enumName: 'initiatedBy' },
  { name: 'campaignNo', kind: 'lookup', lookup: 'campaigns' },
  { name: 'campaignTarget', kind: 'bool' },
  { name: 'campaignResponse', kind: 'bool' },
];
