import { Button, Checkbox, Group, Modal, Stack, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, seg } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Values } from '../../components/fields';
import { RecordFields } from '../../components/RecordFields';
import { CONTACT_CRITERIA, CRITERIA_OPTIONS, INTERACTION_CRITERIA } from './segment-fields';

export type CriteriaKind = 'add' | 'reduce' | 'refine';

/** The criteria with their values set, as the API takes them (unset criteria filter nothing). */
function criteria(values: Values, names: readonly string[]): Values {
  const out: Values = {};
  for (const n of names) {
    const v = values[n];
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[n] = n === 'canceled' ? v === 'true' : v;
  }
  return out;
}

/** Add, Reduce or Refine Contacts (R43, R44) with the contact and interaction criteria and the options. */
export function CriteriaDialog({
  segmentNo,
  kind,
  onClose,
  onDone,
}: {
  segmentNo: string;
  kind: CriteriaKind | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [contact, setContact] = useState<Values>({});
  const [interaction, setInteraction] = useState<Values>({});
  const [options, setOptions] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setError(null);
  }, [kind]);

  async function submit() {
    if (!kind) return;
    setBusy(true);
    setError(null);
    try {
      const body = {
        contactFilter: criteria(
          contact,
          CONTACT_CRITERIA.map((s) => s.name),
        ),
        interactionFilter: criteria(
          interaction,
          INTERACTION_CRITERIA.map((s) => s.name),
        ),
        ...(kind === 'add' && { options }),
      };
      const res = await api.post<{ added?: number; removed?: number; kept?: number; noOfLines: number }>(
        `/segments/${seg(segmentNo)}/${kind}-contacts`,
        body,
      );
      onDone(t(`segments.${kind}Done`, { count: res.added ?? res.removed ?? res.kept ?? 0, lines: res.noOfLines }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened={kind !== null}
      onClose={onClose}
      title={kind ? t(`segments.${kind}`) : ''}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          {/* criteria errors name their group (contactFilter.type): the alert names the field */}
          <ErrorAlert error={error} />
          <Title order={3} size="h6">
            {t('segments.contactCriteria')}
          </Title>
          <RecordFields
            specs={CONTACT_CRITERIA}
            values={contact}
            onChange={(n, v) => setContact((c) => ({ ...c, [n]: v }))}
            error={null}
            cols={3}
          />
          <Title order={3} size="h6">
            {t('segments.interactionCriteria')}
          </Title>
          <RecordFields
            specs={INTERACTION_CRITERIA}
            values={interaction}
            onChange={(n, v) => setInteraction((c) => ({ ...c, [n]: v }))}
            error={null}
            cols={3}
          />
          {kind === 'add' && (
            <>
              <Title order={3} size="h6">
                {t('segments.options')}
              </Title>
              <Group>
                {CRITERIA_OPTIONS.map((o) => (
                  <Checkbox
                    key={o}
                    label={t(`fields.${o}`)}
                    checked={Boolean(options[o])}
                    onChange={(e) => setOptions((x) => ({ ...x, [o]: e.currentTarget.checked }))}
                  />
                ))}
              </Group>
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('common.ok')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
