import { CONTACT_TYPES, CORRESPONDENCE_TYPES } from '../../api/enums';
import type { FieldSpec } from '../../components/fields';

/** The fields of a contact (domain.md §3.3). */
export const CONTACT_FIELDS: readonly FieldSpec[] = [
  { name: 'no', kind: 'code', max: 20, key: true },
  { name: 'type', kind: 'enum', values: CONTACT_TYPES, enumName: 'contactType', nullable: false },
  { name: 'name', kind: 'text', max: 100, required: true },
  { name: 'companyNo', kind: 'company' },
  { name: 'email', kind: 'text', max: 80 },
  { name: 'phoneNo', kind: 'text', max: 30 },
  { name: 'mobilePhoneNo', kind: 'text', max: 30 },
  { name: 'salespersonCode', kind: 'lookup', lookup: 'salespeople' },
  { name: 'languageCode', kind: 'lookup', lookup: 'languages' },
  { name: 'correspondenceType', kind: 'enum', values: CORRESPONDENCE_TYPES, enumName: 'correspondenceType' },
  { name: 'address', kind: 'text', max: 100 },
  { name: 'postCode', kind: 'text', max: 20 },
  { name: 'city', kind: 'text', max: 30 },
  { name: 'countryCode', kind: 'code', max: 10 },
  { name: 'territoryCode', kind: 'code', max: 10 },
  { name: 'industryGroupCodes', kind: 'codes' },
  { name: 'businessRelationCodes', kind: 'codes' },
  { name: 'mailingGroupCodes', kind: 'codes' },
  { name: 'customerNo', kind: 'code', max: 20 },
  { name: 'vendorNo', kind: 'code', max: 20 },
  { name: 'excludeFromSegment', kind: 'bool' },
  { name: 'privacyBlocked', kind: 'bool' },
];

export const CONTACT_LIST_COLUMNS = ['no', 'name', 'type', 'companyName', 'phoneNo', 'email', 'salespersonCode', 'city'];
