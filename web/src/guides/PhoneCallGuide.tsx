import { Alert, Button, Checkbox, Collapse, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhone } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../api/client';
import type { LogEntry } from '../api/types';
import { CodeSelect } from '../components/CodeSelect';
import { ContactSelect } from '../components/ContactSelect';
import { errorAt } from '../components/RecordFields';
import type { PhoneCallStart } from './guide-context';
import {
  CostInput,
  DurationInput,
  EvaluationSelect,
  OpportunityField,
  problemField,
  ResultDescription,
  shownAtAGuideField,
  ShowMoreButton,
} from './guide-fields';
import { GuideFrame } from './GuideFrame';
import { useOfferOpportunity } from './offer-opportunity';
import { useCallDraft } from './use-call-draft';

const STEP_OF: Record<string, number> = { evaluation: 1, costLcy: 1, durationMin: 1, successful: 1, campaignNo: 2, opportunityNo: 2 };
const GUIDE_FIELDS = [
  'contactNo',
  'contactVia',
  'description',
  'salespersonCode',
  'evaluation',
  'costLcy',
  'durationMin',
  'campaignNo',
  'opportunityNo',
];

/** The Make Phone Call guide (domain.md §5.2, R38). */
export function PhoneCallGuide({ start, onClose }: { start: PhoneCallStart; onClose: () => void }) {
  const { t } = useTranslation();
  const offerOpportunity = useOfferOpportunity();
  const [error, setError] = useState<unknown>(null);
  const { draft, set, contact, chooseContact, template } = useCallDraft(start, setError);
  const [step, setStep] = useState(0);
  const [more, setMore] = useState(false);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());

  async function finish() {
    setBusy(true);
    setError(null);
    try {
      const entry = await api.post<LogEntry>(
        '/interactions/phone-call',
        {
          contactNo: draft.contactNo ?? '',
          ...(draft.contactVia.trim() && { contactVia: draft.contactVia }),
          description: draft.description.trim() ? draft.description : null,
          successful: draft.successful,
          evaluation: draft.evaluation,
          costLcy: draft.costLcy,
          durationMin: draft.durationMin,
          campaignNo: draft.campaignNo,
          ...(draft.opportunityNo && { opportunityNo: draft.opportunityNo }),
          ...(draft.salespersonCode && { salespersonCode: draft.salespersonCode }),
          ...(start.taskNo && { taskNo: start.taskNo }),
          comments: draft.comments,
        },
        { idempotencyKey: key.current },
      );
      notifications.show({ message: t('guide.logged', { entryNo: entry.entryNo }), color: 'green' });
      start.onLogged?.(entry);
      onClose();
      if (!entry.opportunityNo && contact) offerOpportunity(entry, contact.name);
    } catch (e) {
      setError(e);
      const field = problemField(e);
      if (field !== null) setStep(STEP_OF[field] ?? 0);
    } finally {
      setBusy(false);
    }
  }

  const fe = (n: string) => errorAt(error, n);

  if (template === null)
    return (
      <Modal opened onClose={onClose} title={t('call.title')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Alert color="yellow" role="alert">
          {t('call.notSetUp')}
        </Alert>
      </Modal>
    );

  return (
    <GuideFrame
      title={t('call.title')}
      size="lg"
      steps={[t('call.step1'), t('call.step2'), t('call.step3')]}
      step={step}
      onStep={setStep}
      error={error}
      shownAtField={shownAtAGuideField(error, GUIDE_FIELDS)}
      comments={draft.comments}
      onCommentsChange={(lines) => set({ comments: lines })}
      onCancel={onClose}
      onBack={() => setStep((s) => Math.max(0, s - 1))}
      onNext={() => setStep((s) => Math.min(2, s + 1))}
      nextDisabled={!draft.contactNo}
      onFinish={() => void finish()}
      finishDisabled={!draft.contactNo || template === undefined}
      busy={busy}
    >
      {step === 0 && (
        <Stack gap="sm">
          <Text fw={600}>{t('call.q1')}</Text>
          <ContactSelect
            label={t('fields.contactNo')}
            required
            value={draft.contactNo}
            onChange={chooseContact}
            error={fe('contactNo')}
            data-autofocus
          />
          <Group align="flex-end" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={t('call.phoneNo')}
              value={draft.contactVia}
              maxLength={80}
              onChange={(e) => set({ contactVia: e.currentTarget.value })}
              error={fe('contactVia')}
            />
            <Button
              component="a"
              href={`tel:${draft.contactVia.replace(/\s/g, '')}`}
              variant="default"
              leftSection={<IconPhone size={14} aria-hidden />}
              disabled={!draft.contactVia.trim()}
            >
              {t('call.call')}
            </Button>
          </Group>
          <TextInput
            label={t('fields.description')}
            value={draft.description}
            maxLength={100}
            onChange={(e) => set({ description: e.currentTarget.value })}
            error={fe('description')}
          />
          <ShowMoreButton open={more} onToggle={() => setMore((m) => !m)} />
          <Collapse in={more || Boolean(fe('salespersonCode'))}>
            <CodeSelect
              kind="salespeople"
              label={t('fields.salespersonCode')}
              value={draft.salespersonCode}
              onChange={(v) => set({ salespersonCode: v })}
              placeholder={t('guide.salespersonDefault')}
              error={fe('salespersonCode')}
            />
          </Collapse>
        </Stack>
      )}
      {step === 1 && (
        <Stack gap="sm">
          <Text fw={600}>{t('call.q2')}</Text>
          <ResultDescription value={draft.description} onChange={(v) => set({ description: v })} />
          <EvaluationSelect value={draft.evaluation} onChange={(v) => set({ evaluation: v })} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <CostInput value={draft.costLcy} onChange={(v) => set({ costLcy: v })} error={fe('costLcy')} />
            <DurationInput value={draft.durationMin} onChange={(v) => set({ durationMin: v })} error={fe('durationMin')} />
            <Checkbox
              mt="lg"
              label={t('call.successful')}
              checked={draft.successful}
              onChange={(e) => set({ successful: e.currentTarget.checked })}
            />
          </SimpleGrid>
        </Stack>
      )}
      {step === 2 && (
        <Stack gap="sm">
          <Text fw={600}>{t('call.q3')}</Text>
          <CodeSelect
            kind="campaigns"
            label={t('fields.campaignNo')}
            value={draft.campaignNo}
            onChange={(v) => set({ campaignNo: v })}
            error={fe('campaignNo')}
          />
          <OpportunityField
            contact={contact}
            salespersonCode={draft.salespersonCode}
            value={draft.opportunityNo}
            onChange={(v) => set({ opportunityNo: v })}
            error={fe('opportunityNo')}
          />
        </Stack>
      )}
    </GuideFrame>
  );
}
