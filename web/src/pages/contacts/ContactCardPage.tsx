import { Anchor, Button, Grid, Paper, Stack, Table, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, seg } from '../../api/client';
import { entriesPageOf } from '../../api/contact-scope';
import type { Contact, ContactStatistics } from '../../api/types';
import { useSession } from '../../app/session';
import { useConfirm } from '../../components/confirm';
import { ErrorAlert } from '../../components/ErrorAlert';
import { bodyOf, type Values } from '../../components/fields';
import { PageHeader } from '../../components/PageHeader';
import { RecordFields, shownAtAField } from '../../components/RecordFields';
import { useFormat } from '../../format/format';
import { useGuides } from '../../guides/guide-context';
import { useLoad } from '../../hooks/use-load';
import { ContactHistory } from './ContactHistory';
import { CONTACT_FIELDS } from './contact-fields';

/** The contact card: its fields, the statistics FactBox and the History part (domain.md §6.8). */
export function ContactCardPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { no = '' } = useParams();
  const navigate = useNavigate();
  const guides = useGuides();
  const confirm = useConfirm();
  const { canWrite } = useSession();
  const base = `/contacts/${seg(no)}`;
  const contact = useLoad<Contact>(base, (s) => api.get(base, undefined, s));
  const [statsTick, setStatsTick] = useState(0);
  const [historyTick, setHistoryTick] = useState(0);
  const logged = () => {
    setStatsTick((n) => n + 1);
    setHistoryTick((n) => n + 1);
  };
  const stats = useLoad<ContactStatistics>(`${base}#${statsTick}`, (s) => api.get(`${base}/statistics`, undefined, s));
  const [values, setValues] = useState<Values | null>(null);
  const [error, setError] = useState<unknown>(null);
  const current = values ?? (contact.data as Values | undefined) ?? {};
  const c = contact.data;
  const entriesOf = c ? entriesPageOf(c) : '/entries';

  async function save() {
    if (!c) return;
    setError(null);
    try {
      contact.set(await api.patch<Contact>(base, bodyOf(CONTACT_FIELDS, current, c as Values)));
      setValues(null);
      notifications.show({ message: t('common.saved'), color: 'green' });
    } catch (e) {
      setError(e);
    }
  }

  async function remove() {
    if (!(await confirm({ message: t('common.deleteOne', { key: no }), danger: true, defaultNo: true }))) return;
    try {
      await api.delete(base);
      void navigate('/contacts');
    } catch (e) {
      setError(e);
    }
  }

  const figure = (name: string, value: string, to?: string) => (
    <Table.Tr key={name}>
      <Table.Th scope="row" fw={500}>
        {t(`fields.${name}`)}
      </Table.Th>
      <Table.Td ta="right" data-testid={`stat-${name}`}>
        {to && value ? (
          <Anchor component={Link} to={to}>
            {value}
          </Anchor>
        ) : (
          value
        )}
      </Table.Td>
    </Table.Tr>
  );
  const s = stats.data;

  return (
    <>
      <PageHeader
        title={t('pages.contactCard')}
        caption={c ? `${c.no} ${c.name}` : no}
        actions={
          <>
            {canWrite && (
              <Button size="xs" onClick={() => void save()} disabled={!values}>
                {t('common.save')}
              </Button>
            )}
            {canWrite && (
              <Button
                size="xs"
                variant="default"
                onClick={() => guides.openCreateInteraction({ contactNo: no, lock: ['contactNo'], onLogged: logged })}
              >
                {t('actions.createInteraction')}
              </Button>
            )}
            {canWrite && (
              <Button size="xs" variant="default" onClick={() => guides.openPhoneCall({ contactNo: no, onLogged: logged })}>
                {t('actions.makePhoneCall')}
              </Button>
            )}
            <Button size="xs" variant="default" onClick={() => navigate(entriesOf)}>
              {t('pages.entries')}
            </Button>
            <Button size="xs" variant="default" onClick={() => navigate(`/postponed?contactNo=${seg(no)}`)}>
              {t('pages.postponed')}
            </Button>
            {canWrite && (
              <Button size="xs" variant="default" color="red" onClick={() => void remove()}>
                {t('common.delete')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={contact.error} />
      {error !== null && !shownAtAField(error, CONTACT_FIELDS) && <ErrorAlert error={error} onClose={() => setError(null)} />}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            <Paper withBorder p="md">
              <RecordFields
                specs={CONTACT_FIELDS}
                values={current}
                onChange={(n, v) => setValues({ ...current, [n]: v })}
                error={error}
                readOnly={!canWrite}
                existing
                cols={2}
              />
              <TextInput mt="sm" label={t('fields.companyName')} value={c?.companyName ?? ''} readOnly variant="filled" />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Paper withBorder p="md" component="aside" aria-labelledby="stats-title">
            <Title order={3} size="h5" id="stats-title" mb="xs">
              {t('actions.statistics')}
            </Title>
            <ErrorAlert error={stats.error} />
            <Table>
              <Table.Tbody>
                {figure('noOfInteractions', f.int(s?.noOfInteractions))}
                {figure('costLcy', f.money(s?.costLcy))}
                {figure('durationMin', f.int(s?.durationMin))}
                {figure(
                  'dateOfLastInteraction',
                  f.date(s?.dateOfLastInteraction),
                  c && s?.dateOfLastInteraction
                    ? entriesPageOf(c, { dateFrom: s.dateOfLastInteraction, dateTo: s.dateOfLastInteraction, attemptFailed: 'false' })
                    : undefined,
                )}
                {figure(
                  'lastDateAttempted',
                  f.date(s?.lastDateAttempted),
                  c && s?.lastDateAttempted
                    ? entriesPageOf(c, { dateFrom: s.lastDateAttempted, dateTo: s.lastDateAttempted, initiatedBy: 'us' })
                    : undefined,
                )}
              </Table.Tbody>
            </Table>
          </Paper>
        </Grid.Col>
      </Grid>
      {c && (
        <Stack mt="md">
          <ContactHistory
            key={`history-${historyTick}`}
            contactNo={c.no}
            contactName={c.name}
            onChanged={() => setStatsTick((n) => n + 1)}
          />
        </Stack>
      )}
    </>
  );
}
