import { Alert, Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../api/client';
import type { LogEntry } from '../api/types';
import { errorAt } from '../components/RecordFields';
import { CallCampaignStep } from './call-steps/CallCampaignStep';
import { CallContactStep } from './call-steps/CallContactStep';
import { CallResultStep } from './call-steps/CallResultStep';
import type { PhoneCallStart } from './guide-context';
import { problemField, shownAtAGuideField } from './guide-fields';
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
  const call = useCallDraft(start, setError);
  const { draft, set, contact, template } = call;
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

  const props = { call, fieldError: (n: string) => errorAt(error, n) };

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
      {step === 0 && <CallContactStep {...props} more={more} onToggleMore={() => setMore((m) => !m)} />}
      {step === 1 && <CallResultStep {...props} />}
      {step === 2 && <CallCampaignStep {...props} />}
    </GuideFrame>
  );
}
