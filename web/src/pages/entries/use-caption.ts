import { useTranslation } from 'react-i18next';
import { api, seg } from '../../api/client';
import type { Contact } from '../../api/types';
import type { Filters } from '../../components/FilterPane';
import { useLoad } from '../../hooks/use-load';

/**
 * The record a filtered list was opened from, for its caption ("— CT000001 Adatum"): a contact or
 * company with its name, else a segment, logged segment, campaign, salesperson, template or group.
 */
export function useCaption(filters: Filters): string | null {
  const { t } = useTranslation();
  const contactNo = filters.contactNo ?? filters.contactCompanyNo ?? null;
  const contact = useLoad<Contact>(contactNo ? `contact:${contactNo}` : null, (s) => api.get(`/contacts/${seg(contactNo!)}`, undefined, s));
  if (contactNo) return contact.data?.no === contactNo ? `${contactNo} ${contact.data.name}` : contactNo;
  if (filters.loggedSegmentEntryNo) return `${t('fields.loggedSegmentEntryNo')} ${filters.loggedSegmentEntryNo}`;
  for (const k of ['segmentNo', 'campaignNo', 'salespersonCode', 'interactionTemplateCode', 'interactionGroupCode'] as const)
    if (filters[k]) return filters[k];
  return null;
}
