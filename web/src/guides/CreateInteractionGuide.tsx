import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../api/client';
import type { LogEntry } from '../api/types';
import { useConfirm } from '../components/confirm';
import { errorAt } from '../components/RecordFields';
import type { CreateInteractionStart } from './guide-context';
import { problemField, shownAtAGuideField } from './guide-fields';
import { GuideFrame } from './GuideFrame';
import { interactionBody, stepOf } from './interaction-draft';
import { useOfferOpportunity } from './offer-opportunity';
import { CampaignStep } from './steps/CampaignStep';
import { ContentStep } from './steps/ContentStep';
import { InteractionStep } from './steps/InteractionStep';
import { ResultStep } from './steps/ResultStep';
import { useInteractionDraft } from './use-interaction-draft';

// the fields whose refusal the steps show where the value is entered
const GUIDE_FIELDS = [
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
];

/** The Create Interaction guide: four steps, one request at Finish (domain.md §5.1, decision k). */
export function CreateInteractionGuide({ start, onClose }: { start: CreateInteractionStart; onClose: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const offerOpportunity = useOfferOpportunity();
  const [error, setError] = useState<unknown>(null);
  const d = useInteractionDraft(start, setError);
  const { draft } = d;
  const [step, setStep] = useState(0);
  const [more, setMore] = useState({ interaction: false, result: false });
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idempotencyKey = useRef(newIdempotencyKey());
  const resume = start.resume;
  // the content step is there only for a template with a wizard action (R58)
  const hasContentStep = Boolean(d.template?.wizardAction);

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
    if (step === 1 && d.template?.wizardAction === 'import' && !d.upload)
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
      const body = interactionBody(draft, { postponed, includeComments: !resume || d.commentsTouched });
      const entry = resume
        ? await api.post<LogEntry>(`/postponed-interactions/${resume.entryNo}/resume`, body, { idempotencyKey: idempotencyKey.current })
        : await api.post<LogEntry>('/interactions', body, { idempotencyKey: idempotencyKey.current });
      return entry;
    } catch (e) {
      setError(e);
      const field = problemField(e);
      if (field !== null) setStep(stepOf(field) === 1 && !hasContentStep ? 0 : stepOf(field));
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
    if (!entry.opportunityNo && d.contact) offerOpportunity(entry, d.contact.name);
  }

  // as BC: cancelling asks whether to finish later, which keeps the draft as a postponed entry (R17)
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

  const fieldError = (name: string) => errorAt(error, name);
  const props = { d, fieldError };

  return (
    <GuideFrame
      title={resume ? t('guide.resumeTitle', { entryNo: resume.entryNo }) : t('guide.title')}
      size="xl"
      steps={[t('guide.step1'), t('guide.step2'), t('guide.step3'), t('guide.step4')]}
      step={step}
      onStep={setStep}
      note={note}
      error={error}
      shownAtField={shownAtAGuideField(error, GUIDE_FIELDS)}
      comments={draft.comments}
      onCommentsChange={d.setComments}
      onCancel={() => void cancel()}
      onBack={back}
      onNext={next}
      onFinish={() => void finish()}
      busy={busy}
    >
      {step === 0 && (
        <InteractionStep
          {...props}
          more={more.interaction}
          onToggleMore={() => setMore((m) => ({ ...m, interaction: !m.interaction }))}
          contactFixed={Boolean(resume?.contactNo)}
        />
      )}
      {step === 1 && <ContentStep {...props} />}
      {step === 2 && <CampaignStep {...props} />}
      {step === 3 && <ResultStep {...props} more={more.result} onToggleMore={() => setMore((m) => ({ ...m, result: !m.result }))} />}
    </GuideFrame>
  );
}
