import {
  Alert,
  Button,
  Checkbox,
  Collapse,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhone } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey, seg } from '../api/client';
import { EVALUATIONS } from '../api/enums';
import { CODE_FIELD, isApiError } from '../api/problem';
import type { Contact, LogEntry, Template, TemplateSetup } from '../api/types';
import { useSession } from '../app/session';
import { CodeSelect } from '../components/CodeSelect';
import { ContactSelect } from '../components/ContactSelect';
import { ErrorAlert } from '../components/ErrorAlert';
import { lookupRows } from '../components/lookups';
import { errorAt } from '../components/RecordFields';
import type { PhoneCallStart } from './guide-context';
import { GuideComments } from './GuideComments';
import { useOfferOpportunity } from './offer-opportunity';
import { OpportunitySelect } from './OpportunitySelect';

interface CallDraft {
  contactNo: string | null;
  contactVia: string;
  description: string;
  salespersonCode: string | null;
  evaluation: string | null;
  costLcy: number;
  durationMin: number;
  successful: boolean;
  campaignNo: string | null;
  opportunityNo: string | null;
  comments: string[];
}

const STEP_OF: Record<string, number> = { evaluation: 1, costLcy: 1, durationMin: 1, successful: 1, campaignNo: 2, opportunityNo: 2 };

/** The Make Phone Call guide (domain.md §5.2, R38). */
export function PhoneCallGuide({ start, onClose }: { start: PhoneCallStart; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const offerOpportunity = useOfferOpportunity();
  const [template, setTemplate] = useState<Template | null | undefined>(undefined);
  const [contact, setContact] = useState<Contact | null>(null);
  const [draft, setDraft] = useState<CallDraft>({
    contactNo: start.contactNo ?? null,
    contactVia: start.contactVia ?? '',
    description: '',
    salespersonCode: user?.salespersonCode ?? null,
    evaluation: null,
    costLcy: 0,
    durationMin: 0,
    successful: true,
    campaignNo: start.campaignNo ?? null,
    opportunityNo: null,
    comments: [],
  });
  const [step, setStep] = useState(0);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [commentsOpen, setCommentsOpen] = useState(false);
  const key = useRef(newIdempotencyKey());
  const set = (p: Partial<CallDraft>) => setDraft((d) => ({ ...d, ...p }));

  // the guide does not open without an Outgoing Calls template (R38)
  useEffect(() => {
    void api.get<TemplateSetup>('/interaction-template-setup').then(async (s) => {
      if (!s.outgoingCalls) return setTemplate(null);
      const tpl = (await lookupRows<Template>('templates')).find((r) => r.code === s.outgoingCalls) ?? null;
      setTemplate(tpl);
      if (tpl)
        setDraft((d) => ({
          ...d,
          description: d.description || (tpl.description ?? ''),
          costLcy: tpl.unitCostLcy,
          durationMin: tpl.unitDurationMin,
          campaignNo: d.campaignNo ?? tpl.campaignNo,
        }));
    }, setError);
  }, []);

  useEffect(() => {
    const no = draft.contactNo;
    if (!no || contact?.no === no) return;
    void api.get<Contact>(`/contacts/${seg(no)}`).then(
      (c) => {
        setContact(c);
        setDraft((d) => ({ ...d, contactVia: d.contactVia || c.phoneNo || c.mobilePhoneNo || '' }));
      },
      () => undefined,
    );
  }, [draft.contactNo, contact?.no]);

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
      if (isApiError(e)) setStep(STEP_OF[e.errors[0]?.path ?? CODE_FIELD[e.code] ?? ''] ?? 0);
    } finally {
      setBusy(false);
    }
  }

  const fe = (n: string) => errorAt(error, n);
  const shownAtField = [
    'contactNo',
    'contactVia',
    'description',
    'salespersonCode',
    'evaluation',
    'costLcy',
    'durationMin',
    'campaignNo',
    'opportunityNo',
  ].some((n) => fe(n));

  if (template === null)
    return (
      <Modal opened onClose={onClose} title={t('call.title')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Alert color="yellow" role="alert">
          {t('call.notSetUp')}
        </Alert>
      </Modal>
    );

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('call.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      closeOnClickOutside={false}
    >
      <Stack>
        <Stepper active={step} size="sm" onStepClick={(s) => (s < step ? setStep(s) : undefined)} allowNextStepsSelect={false}>
          <Stepper.Step label={t('call.step1')} />
          <Stepper.Step label={t('call.step2')} />
          <Stepper.Step label={t('call.step3')} />
        </Stepper>
        {error !== null && !shownAtField && <ErrorAlert error={error} />}
        {step === 0 && (
          <Stack gap="sm">
            <Text fw={600}>{t('call.q1')}</Text>
            <ContactSelect
              label={t('fields.contactNo')}
              required
              value={draft.contactNo}
              onChange={(no, c) => {
                setContact(c);
                set({ contactNo: no, contactVia: c?.phoneNo ?? c?.mobilePhoneNo ?? '' });
              }}
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
            <Button variant="subtle" size="xs" w="fit-content" onClick={() => setMore((m) => !m)} aria-expanded={more}>
              {more ? t('guide.showLess') : t('guide.showMore')}
            </Button>
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
            <Textarea
              label={t('guide.resultDescription')}
              value={draft.description}
              maxLength={100}
              onChange={(e) => set({ description: e.currentTarget.value })}
              autosize
              minRows={2}
            />
            <Select
              label={t('fields.evaluation')}
              data={EVALUATIONS.map((v) => ({ value: v, label: t(`enums.evaluation.${v}`) }))}
              value={draft.evaluation}
              onChange={(v) => set({ evaluation: v })}
              clearable
              comboboxProps={{ withinPortal: true }}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberInput
                label={t('fields.costLcy')}
                value={draft.costLcy}
                onChange={(v) => set({ costLcy: Number(v) || 0 })}
                min={0}
                decimalScale={2}
                fixedDecimalScale
                allowNegative={false}
                error={fe('costLcy')}
              />
              <NumberInput
                label={t('fields.durationMin')}
                value={draft.durationMin}
                onChange={(v) => set({ durationMin: Number(v) || 0 })}
                min={0}
                allowDecimal={false}
                allowNegative={false}
                error={fe('durationMin')}
              />
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
            <OpportunitySelect
              label={t('fields.opportunityNo')}
              companyNo={contact?.companyNo ?? contact?.no ?? null}
              salespersonCode={draft.salespersonCode}
              value={draft.opportunityNo}
              onChange={(v) => set({ opportunityNo: v })}
              error={fe('opportunityNo')}
            />
          </Stack>
        )}
        <Group justify="space-between" mt="md">
          <Button variant="subtle" onClick={() => setCommentsOpen(true)}>
            {t('actions.comments')} {draft.comments.length > 0 ? `(${draft.comments.length})` : ''}
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button variant="default" onClick={() => setStep((s) => Math.max(0, s - 1))} disabled={step === 0}>
              {t('guide.back')}
            </Button>
            <Button variant="default" onClick={() => setStep((s) => Math.min(2, s + 1))} disabled={step === 2 || !draft.contactNo}>
              {t('guide.next')}
            </Button>
            <Button onClick={() => void finish()} loading={busy} disabled={!draft.contactNo || template === undefined}>
              {t('guide.finish')}
            </Button>
          </Group>
        </Group>
      </Stack>
      <GuideComments
        opened={commentsOpen}
        lines={draft.comments}
        onChange={(lines) => set({ comments: lines })}
        onClose={() => setCommentsOpen(false)}
      />
    </Modal>
  );
}
