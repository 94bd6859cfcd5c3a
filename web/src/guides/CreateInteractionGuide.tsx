import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Collapse,
  FileInput,
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
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, downloadUrl, newIdempotencyKey, seg } from '../api/client';
import { CORRESPONDENCE_TYPES, EVALUATIONS, INFORMATION_FLOWS, INITIATED_BY } from '../api/enums';
import { CODE_FIELD, isApiError } from '../api/problem';
import type { Attachment, Comment, Contact, LogEntry, Page, Template, TemplateLanguage } from '../api/types';
import { useSession } from '../app/session';
import { CodeSelect } from '../components/CodeSelect';
import { useConfirm } from '../components/confirm';
import { ContactSelect } from '../components/ContactSelect';
import { ErrorAlert } from '../components/ErrorAlert';
import { lookupRows } from '../components/lookups';
import { errorAt } from '../components/RecordFields';
import { useFormat } from '../format/format';
import type { CreateInteractionStart } from './guide-context';
import { GuideComments } from './GuideComments';
import { applyTemplate, draftFromEntry, EMPTY_DRAFT, interactionBody, stepOf, type Draft } from './interaction-draft';
import { OpportunitySelect } from './OpportunitySelect';
import { useOfferOpportunity } from './offer-opportunity';

/** The Create Interaction guide: four steps, one request at Finish (domain.md §5.1, decision k). */
export function CreateInteractionGuide({ start, onClose }: { start: CreateInteractionStart; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { user } = useSession();
  const confirm = useConfirm();
  const offerOpportunity = useOfferOpportunity();
  const locked = (field: string) => (start.lock ?? []).includes(field as never);
  const [draft, setDraft] = useState<Draft>(() => ({
    ...EMPTY_DRAFT,
    contactNo: start.contactNo ?? null,
    salespersonCode: start.salespersonCode ?? user?.salespersonCode ?? null,
    campaignNo: start.campaignNo ?? null,
    taskNo: start.taskNo ?? null,
    opportunityNo: start.opportunityNo ?? null,
  }));
  const [contact, setContact] = useState<Contact | null>(null);
  const [template, setTemplate] = useState<Template | null>(null);
  const [languages, setLanguages] = useState<TemplateLanguage[]>([]);
  const [step, setStep] = useState(0);
  const [more, setMore] = useState(false);
  const [moreResult, setMoreResult] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [commentsOpen, setCommentsOpen] = useState(false);
  const [commentsTouched, setCommentsTouched] = useState(false);
  const [upload, setUpload] = useState<Attachment | null>(null);
  const idempotencyKey = useRef(newIdempotencyKey());
  const resume = start.resume;

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  // resuming: the stored values, their template and comments
  useEffect(() => {
    if (!resume) return;
    const path = `/postponed-interactions/${resume.entryNo}/comments`;
    void api.get<Page<Comment>>(path, { limit: 500 }).then(
      (p) =>
        setDraft(
          draftFromEntry(
            resume,
            p.items.map((c) => c.comment),
          ),
        ),
      () => setDraft(draftFromEntry(resume, [])),
    );
  }, [resume]);

  // a contact given by the context (or a resumed entry) is loaded for its company and language
  useEffect(() => {
    const no = draft.contactNo;
    if (!no || contact?.no === no) return;
    let live = true;
    void api.get<Contact>(`/contacts/${seg(no)}`).then(
      (c) => live && setContact(c),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [draft.contactNo, contact?.no]);

  useEffect(() => {
    const code = draft.interactionTemplateCode;
    if (!code) {
      setTemplate(null);
      setLanguages([]);
      return;
    }
    let live = true;
    void lookupRows<Template>('templates').then((rows) => live && setTemplate(rows.find((r) => r.code === code) ?? null));
    void api.get<Page<TemplateLanguage>>(`/interaction-templates/${seg(code)}/languages`, { limit: 500 }).then(
      (p) => live && setLanguages(p.items),
      () => live && setLanguages([]),
    );
    return () => {
      live = false;
    };
  }, [draft.interactionTemplateCode]);

  async function chooseTemplate(code: string | null) {
    if (!code) {
      set({ interactionTemplateCode: null });
      return;
    }
    const tpl = (await lookupRows<Template>('templates')).find((r) => r.code === code);
    if (!tpl) return;
    const langs = await api.get<Page<TemplateLanguage>>(`/interaction-templates/${seg(code)}/languages`, { limit: 500 }).then(
      (p) => p.items,
      () => [],
    );
    setDraft((d) => applyTemplate(d, tpl, langs, contact, locked('campaignNo')));
  }

  const hasContentStep = Boolean(template?.wizardAction);
  const languageRow = languages.find((l) => l.languageCode === draft.languageCode) ?? null;
  const attachmentId = languageRow?.attachmentId ?? (draft.languageCode === null ? null : (template?.attachmentId ?? null));

  function validateStep(s: number): string | null {
    if (s !== 0) return null;
    if (!draft.contactNo) return t('guide.contactMandatory');
    if (!draft.interactionTemplateCode) return t('guide.templateMandatory');
    if (!draft.description.trim()) return t('guide.descriptionMandatory');
    return null;
  }

  function next() {
    const problem = validateStep(step);
    setNote(problem);
    if (problem) return;
    if (step === 1 && template?.wizardAction === 'import' && !upload)
      notifications.show({ message: t('guide.importStopped'), color: 'yellow' });
    setStep((s) => (s === 0 && !hasContentStep ? 2 : Math.min(3, s + 1)));
  }
  function back() {
    setNote(null);
    setStep((s) => (s === 2 && !hasContentStep ? 0 : Math.max(0, s - 1)));
  }

  async function send(postponed: boolean): Promise<LogEntry | null> {
    setBusy(true);
    setError(null);
    try {
      const body = interactionBody(draft, { postponed, includeComments: !resume || commentsTouched });
      const entry = resume
        ? await api.post<LogEntry>(`/postponed-interactions/${resume.entryNo}/resume`, body, { idempotencyKey: idempotencyKey.current })
        : await api.post<LogEntry>('/interactions', body, { idempotencyKey: idempotencyKey.current });
      return entry;
    } catch (e) {
      setError(e);
      if (isApiError(e)) {
        const field = e.errors[0]?.path ?? CODE_FIELD[e.code] ?? '';
        setStep(stepOf(field) === 1 && !hasContentStep ? 0 : stepOf(field));
      }
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function finish() {
    const problem = validateStep(0);
    if (problem) {
      setStep(0);
      setNote(problem);
      return;
    }
    const entry = await send(false);
    if (!entry) return;
    notifications.show({ message: t('guide.logged', { entryNo: entry.entryNo }), color: 'green' });
    start.onLogged?.(entry);
    onClose();
    if (!entry.opportunityNo && contact) offerOpportunity(entry, contact.name);
  }

  async function cancel() {
    if (busy) return;
    const later = await confirm({ message: t('guide.finishLater') });
    if (!later) return onClose();
    if (!draft.contactNo || !draft.interactionTemplateCode) {
      setNote(t('guide.finishLaterNeeds'));
      setStep(0);
      return;
    }
    const entry = await send(true);
    if (!entry) return;
    notifications.show({ message: t('guide.postponed', { entryNo: entry.entryNo }), color: 'blue' });
    start.onLogged?.(entry);
    onClose();
  }

  async function chooseFile(file: File | null) {
    setUpload(null);
    set({ attachmentId: null });
    if (!file) return;
    try {
      const a = await api.post<Attachment>('/attachments', undefined, { raw: file, query: { fileName: file.name } });
      setUpload(a);
      set({ attachmentId: a.id });
    } catch (e) {
      setError(e);
    }
  }

  const fieldError = (name: string) => errorAt(error, name);
  const shownAtField = useMemo(
    () =>
      [
        'contactNo',
        'interactionTemplateCode',
        'description',
        'salespersonCode',
        'languageCode',
        'date',
        'timeOfInteraction',
        'correspondenceType',
        'campaignNo',
        'opportunityNo',
        'taskNo',
        'evaluation',
        'costLcy',
        'durationMin',
      ].some((n) => errorAt(error, n)),
    [error],
  );
  const enabled = draft.interactionTemplateCode !== null;
  const enumData = (values: readonly string[], name: string) => values.map((v) => ({ value: v, label: t(`enums.${name}.${v}`) }));

  return (
    <Modal
      opened
      onClose={() => void cancel()}
      title={resume ? t('guide.resumeTitle', { entryNo: resume.entryNo }) : t('guide.title')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      closeOnClickOutside={false}
    >
      <Stack>
        <Stepper active={step} onStepClick={(s) => (s < step ? setStep(s) : undefined)} size="sm" allowNextStepsSelect={false}>
          <Stepper.Step label={t('guide.step1')} />
          <Stepper.Step label={t('guide.step2')} />
          <Stepper.Step label={t('guide.step3')} />
          <Stepper.Step label={t('guide.step4')} />
        </Stepper>
        {note && (
          <Alert color="yellow" role="alert">
            {note}
          </Alert>
        )}
        {error !== null && !shownAtField && <ErrorAlert error={error} />}

        {step === 0 && (
          <Stack gap="sm">
            <Text fw={600}>{t('guide.q1')}</Text>
            <ContactSelect
              label={t('fields.contactNo')}
              required
              value={draft.contactNo}
              disabled={locked('contactNo') || Boolean(resume?.contactNo)}
              onChange={(no, c) => {
                setContact(c);
                set({ contactNo: no });
              }}
              error={fieldError('contactNo')}
              data-autofocus
            />
            <CodeSelect
              kind="templates"
              label={t('fields.interactionTemplateCode')}
              required
              value={draft.interactionTemplateCode}
              onChange={(v) => void chooseTemplate(v)}
              error={fieldError('interactionTemplateCode')}
            />
            <TextInput
              label={t('fields.description')}
              required
              value={draft.description}
              maxLength={100}
              onChange={(e) => set({ description: e.currentTarget.value })}
              error={fieldError('description')}
            />
            <Button variant="subtle" size="xs" w="fit-content" onClick={() => setMore((m) => !m)} aria-expanded={more}>
              {more ? t('guide.showLess') : t('guide.showMore')}
            </Button>
            <Collapse
              in={
                more ||
                Boolean(
                  fieldError('salespersonCode') ?? fieldError('languageCode') ?? fieldError('date') ?? fieldError('correspondenceType'),
                )
              }
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <CodeSelect
                  kind="salespeople"
                  label={t('fields.salespersonCode')}
                  value={draft.salespersonCode}
                  onChange={(v) => set({ salespersonCode: v })}
                  disabled={!enabled || locked('salespersonCode')}
                  placeholder={t('guide.salespersonDefault')}
                  error={fieldError('salespersonCode')}
                />
                <Select
                  label={t('fields.languageCode')}
                  data={languages.map((l) => ({
                    value: l.languageCode,
                    label: l.description ? `${l.languageCode} · ${l.description}` : l.languageCode,
                  }))}
                  value={draft.languageCode}
                  onChange={(v) => set({ languageCode: v })}
                  disabled={!enabled}
                  clearable
                  error={fieldError('languageCode')}
                  comboboxProps={{ withinPortal: true }}
                />
                <TextInput
                  type="date"
                  label={t('fields.date')}
                  description={t('common.todayWhenEmpty')}
                  value={draft.date}
                  onChange={(e) => set({ date: e.currentTarget.value })}
                  disabled={!enabled}
                  error={fieldError('date')}
                />
                <TextInput
                  type="time"
                  label={t('fields.timeOfInteraction')}
                  description={t('common.nowWhenEmpty')}
                  value={draft.timeOfInteraction}
                  onChange={(e) => set({ timeOfInteraction: e.currentTarget.value })}
                  disabled={!enabled}
                  error={fieldError('timeOfInteraction')}
                />
                <Select
                  label={t('fields.correspondenceType')}
                  data={enumData(CORRESPONDENCE_TYPES, 'correspondenceType')}
                  value={draft.correspondenceType}
                  onChange={(v) => set({ correspondenceType: v })}
                  disabled={!enabled}
                  clearable
                  error={fieldError('correspondenceType')}
                  comboboxProps={{ withinPortal: true }}
                />
                <Select
                  label={t('fields.informationFlow')}
                  data={enumData(INFORMATION_FLOWS, 'informationFlow')}
                  value={draft.informationFlow}
                  onChange={(v) => set({ informationFlow: v })}
                  disabled={!enabled}
                  clearable
                  comboboxProps={{ withinPortal: true }}
                />
                <Select
                  label={t('fields.initiatedBy')}
                  data={enumData(INITIATED_BY, 'initiatedBy')}
                  value={draft.initiatedBy}
                  onChange={(v) => set({ initiatedBy: v })}
                  disabled={!enabled}
                  clearable
                  comboboxProps={{ withinPortal: true }}
                />
              </SimpleGrid>
            </Collapse>
          </Stack>
        )}

        {step === 1 && (
          <Stack gap="sm">
            <Text fw={600}>{t('guide.q2')}</Text>
            {template?.wizardAction === 'import' ? (
              <>
                <FileInput
                  label={t('guide.importFile')}
                  placeholder={t('guide.chooseFile')}
                  onChange={(file) => void chooseFile(file)}
                  clearable
                  error={fieldError('attachmentId')}
                />
                {upload && <Text size="sm">{t('guide.uploaded', { name: upload.fileName, size: f.int(upload.size) })}</Text>}
              </>
            ) : attachmentId !== null ? (
              <Anchor href={downloadUrl(`/attachments/${attachmentId}/content`)} target="_blank">
                {t('guide.reviewAttachment')}
              </Anchor>
            ) : (
              <Alert color="yellow">{t('guide.noAttachment')}</Alert>
            )}
          </Stack>
        )}

        {step === 2 && (
          <Stack gap="sm">
            <Text fw={600}>{t('guide.q3')}</Text>
            <CodeSelect
              kind="campaigns"
              label={t('fields.campaignNo')}
              value={draft.campaignNo}
              onChange={(v) => set({ campaignNo: v })}
              disabled={locked('campaignNo')}
              error={fieldError('campaignNo')}
            />
            <Checkbox
              label={t('guide.campaignTarget')}
              checked={draft.campaignTarget}
              onChange={(e) => set({ campaignTarget: e.currentTarget.checked })}
              disabled={!draft.campaignNo}
            />
            <Checkbox
              label={t('guide.campaignResponse')}
              checked={draft.campaignResponse}
              onChange={(e) => set({ campaignResponse: e.currentTarget.checked })}
              disabled={!draft.campaignNo}
            />
            <OpportunitySelect
              label={t('fields.opportunityNo')}
              companyNo={contact?.companyNo ?? contact?.no ?? null}
              salespersonCode={draft.salespersonCode}
              value={draft.opportunityNo}
              onChange={(v) => set({ opportunityNo: v })}
              disabled={locked('opportunityNo')}
              error={fieldError('opportunityNo')}
            />
          </Stack>
        )}

        {step === 3 && (
          <Stack gap="sm">
            <Text fw={600}>{t('guide.q4')}</Text>
            <Textarea
              label={t('guide.resultDescription')}
              value={draft.description}
              maxLength={100}
              onChange={(e) => set({ description: e.currentTarget.value })}
              autosize
              minRows={2}
              error={fieldError('description')}
            />
            <Select
              label={t('fields.evaluation')}
              data={enumData(EVALUATIONS, 'evaluation')}
              value={draft.evaluation}
              onChange={(v) => set({ evaluation: v })}
              clearable
              error={fieldError('evaluation')}
              comboboxProps={{ withinPortal: true }}
            />
            <Button variant="subtle" size="xs" w="fit-content" onClick={() => setMoreResult((m) => !m)} aria-expanded={moreResult}>
              {moreResult ? t('guide.showLess') : t('guide.showMore')}
            </Button>
            <Collapse in={moreResult || Boolean(fieldError('costLcy') ?? fieldError('durationMin'))}>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Checkbox
                  mt="lg"
                  label={t('guide.wasSuccessful')}
                  checked={!draft.attemptFailed}
                  onChange={(e) => set({ attemptFailed: !e.currentTarget.checked })}
                />
                <NumberInput
                  label={t('fields.costLcy')}
                  value={draft.costLcy}
                  onChange={(v) => set({ costLcy: Number(v) || 0 })}
                  min={0}
                  decimalScale={2}
                  fixedDecimalScale
                  allowNegative={false}
                  error={fieldError('costLcy')}
                />
                <NumberInput
                  label={t('fields.durationMin')}
                  value={draft.durationMin}
                  onChange={(v) => set({ durationMin: Number(v) || 0 })}
                  min={0}
                  allowDecimal={false}
                  allowNegative={false}
                  error={fieldError('durationMin')}
                />
              </SimpleGrid>
            </Collapse>
          </Stack>
        )}

        <Group justify="space-between" mt="md">
          <Button variant="subtle" onClick={() => setCommentsOpen(true)}>
            {t('actions.comments')} {draft.comments.length > 0 ? `(${draft.comments.length})` : ''}
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={() => void cancel()}>
              {t('common.cancel')}
            </Button>
            <Button variant="default" onClick={back} disabled={step === 0}>
              {t('guide.back')}
            </Button>
            <Button variant="default" onClick={next} disabled={step === 3}>
              {t('guide.next')}
            </Button>
            <Button onClick={() => void finish()} loading={busy}>
              {t('guide.finish')}
            </Button>
          </Group>
        </Group>
      </Stack>
      <GuideComments
        opened={commentsOpen}
        lines={draft.comments}
        onChange={(lines) => {
          setCommentsTouched(true);
          set({ comments: lines });
        }}
        onClose={() => setCommentsOpen(false)}
      />
    </Modal>
  );
}
