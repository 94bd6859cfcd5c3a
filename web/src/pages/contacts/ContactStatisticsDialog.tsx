import { useTranslation } from 'react-i18next';
import { seg } from '../../api/client';
import type { Contact } from '../../api/types';
import { StatisticsDialog } from '../../components/StatisticsDialog';

/** A contact's statistics (R28, R29); a company's include its persons' entries. */
export function ContactStatisticsDialog({ contact, onClose }: { contact: Contact | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <StatisticsDialog
      title={`${t('actions.statistics')} — ${contact ? `${contact.no} ${contact.name}` : ''}`}
      path={contact ? `/contacts/${seg(contact.no)}/statistics` : null}
      figures={[
        ['noOfInteractions', 'int'],
        ['costLcy', 'money'],
        ['durationMin', 'int'],
        ['dateOfLastInteraction', 'date'],
        ['lastDateAttempted', 'date'],
      ]}
      onClose={onClose}
    />
  );
}
