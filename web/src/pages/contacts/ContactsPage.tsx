import { Button } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { seg } from '../../api/client';
import { entriesPageOf } from '../../api/contact-scope';
import type { Contact } from '../../api/types';
import { useSession } from '../../app/session';
import type { FieldSpec } from '../../components/fields';
import { RecordListPage } from '../../components/RecordListPage';
import { useGuides } from '../../guides/guide-context';
import { CONTACT_FIELDS, CONTACT_LIST_COLUMNS } from './contact-fields';
import { ContactStatisticsDialog } from './ContactStatisticsDialog';

const COMPUTED: readonly FieldSpec[] = [{ name: 'companyName', kind: 'text' }];

/** Contacts (domain.md §6.8). */
export function ContactsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const guides = useGuides();
  const { canWrite } = useSession();
  const [stats, setStats] = useState<Contact | null>(null);
  const initial = useMemo(() => ({ type: 'company' }), []);
  return (
    <>
      <RecordListPage<Contact>
        id="contacts"
        title={t('pages.contacts')}
        path="/contacts"
        keyField="no"
        fields={CONTACT_FIELDS}
        displayFields={COMPUTED}
        columns={CONTACT_LIST_COLUMNS}
        writeRole="user"
        searchable
        initial={initial}
        cardPath={(c) => `/contacts/${seg(c.no)}`}
        actions={(sel) => {
          const one = sel.length === 1 ? sel[0]! : null;
          return (
            <>
              {canWrite && (
                <Button
                  size="xs"
                  variant="default"
                  disabled={!one}
                  onClick={() => one && guides.openCreateInteraction({ contactNo: one.no, lock: ['contactNo'] })}
                >
                  {t('actions.createInteraction')}
                </Button>
              )}
              {canWrite && (
                <Button size="xs" variant="default" disabled={!one} onClick={() => one && guides.openPhoneCall({ contactNo: one.no })}>
                  {t('actions.makePhoneCall')}
                </Button>
              )}
              <Button size="xs" variant="default" disabled={!one} onClick={() => one && navigate(entriesPageOf(one))}>
                {t('pages.entries')}
              </Button>
              <Button size="xs" variant="default" disabled={!one} onClick={() => one && navigate(`/postponed?contactNo=${seg(one.no)}`)}>
                {t('pages.postponed')}
              </Button>
              <Button size="xs" variant="default" disabled={!one} onClick={() => setStats(one)}>
                {t('actions.statistics')}
              </Button>
              {canWrite && (
                <Button size="xs" variant="default" onClick={() => navigate('/contacts/import')}>
                  {t('pages.importContacts')}
                </Button>
              )}
            </>
          );
        }}
      />
      <ContactStatisticsDialog contact={stats} onClose={() => setStats(null)} />
    </>
  );
}
