import { Button, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Template, TemplateSetup } from '../../api/types';
import { useSession } from '../../app/session';
import { CodeSelect } from '../../components/CodeSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { errorAt, shownAtAField } from '../../components/RecordFields';
import { useLoad } from '../../hooks/use-load';
import { SETUP_GROUPS, type Slot } from './setup-slots';

// a slot may name only a template without an attachment, except Meeting Invitation (R36)
const withoutAttachment = (row: never) => (row as Template).attachmentId === null;

/** Interaction Template Setup: one card, four groups of slots (domain.md §6.5). */
export function TemplateSetupPage() {
  const { t } = useTranslation();
  const { isAdmin } = useSession();
  const setup = useLoad<TemplateSetup>('/interaction-template-setup', (s) => api.get('/interaction-template-setup', undefined, s));
  const [changes, setChanges] = useState<Partial<Record<Slot, string | null>>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      setup.set(await api.patch<TemplateSetup>('/interaction-template-setup', changes));
      setChanges({});
      notifications.show({ message: t('common.saved'), color: 'green' });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const value = (slot: Slot) => (slot in changes ? (changes[slot] ?? null) : (setup.data?.[slot] ?? null));
  const specs = SETUP_GROUPS.flatMap((g) => g.slots).map((name) => ({ name, kind: 'code' as const }));

  return (
    <>
      <PageHeader
        title={t('pages.templateSetup')}
        actions={
          isAdmin && (
            <Button size="xs" onClick={() => void save()} loading={busy} disabled={Object.keys(changes).length === 0}>
              {t('common.save')}
            </Button>
          )
        }
      />
      <ErrorAlert error={setup.error} />
      {error !== null && !shownAtAField(error, specs) && <ErrorAlert error={error} onClose={() => setError(null)} />}
      <Stack>
        {SETUP_GROUPS.map((g) => (
          <Paper key={g.id} withBorder p="md" component="section" aria-labelledby={`setup-${g.id}`}>
            <Title order={3} size="h5" mb="sm" id={`setup-${g.id}`}>
              {t(`setup.groups.${g.id}`)}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {g.slots.map((slot) => (
                <CodeSelect
                  key={slot}
                  kind="templates"
                  label={t(`setup.slots.${slot}`)}
                  value={value(slot)}
                  onChange={(v) => setChanges((c) => ({ ...c, [slot]: v }))}
                  disabled={!isAdmin}
                  error={errorAt(error, slot)}
                  {...(slot !== 'meetingInvitation' && { only: withoutAttachment })}
                />
              ))}
            </SimpleGrid>
          </Paper>
        ))}
      </Stack>
    </>
  );
}
