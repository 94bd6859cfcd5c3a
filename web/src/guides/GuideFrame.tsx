import { Alert, Button, Group, Modal, Stack, Stepper } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { GuideComments } from './GuideComments';

export interface GuideFrameProps {
  readonly title: string;
  readonly size: 'lg' | 'xl';
  /** The steps' labels; `step` is the index of the one shown. */
  readonly steps: readonly string[];
  readonly step: number;
  /** Going back by clicking an earlier step. */
  readonly onStep: (step: number) => void;
  /** A hint of the guide itself (a mandatory field), shown above the step. */
  readonly note?: string | null;
  /** A failed Finish; shown at the top unless a field of the guide shows it. */
  readonly error: unknown;
  readonly shownAtField: boolean;
  readonly comments: readonly string[];
  readonly onCommentsChange: (lines: string[]) => void;
  /** Closing the dialog and the Cancel button. */
  readonly onCancel: () => void;
  readonly onBack: () => void;
  readonly onNext: () => void;
  readonly onFinish: () => void;
  readonly nextDisabled?: boolean;
  readonly finishDisabled?: boolean;
  readonly busy: boolean;
  /** The shown step. */
  readonly children: ReactNode;
}

/** The frame both guides share: the steps, the hints and errors, Comments, Cancel, Back, Next, Finish. */
export function GuideFrame(p: GuideFrameProps) {
  const { t } = useTranslation();
  const [commentsOpen, setCommentsOpen] = useState(false);
  const last = p.steps.length - 1;
  return (
    <Modal
      opened
      onClose={p.onCancel}
      title={p.title}
      size={p.size}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      closeOnClickOutside={false}
    >
      <Stack>
        <Stepper active={p.step} onStepClick={(s) => (s < p.step ? p.onStep(s) : undefined)} size="sm" allowNextStepsSelect={false}>
          {p.steps.map((label) => (
            <Stepper.Step key={label} label={label} />
          ))}
        </Stepper>
        {p.note && (
          <Alert color="yellow" role="alert">
            {p.note}
          </Alert>
        )}
        {p.error !== null && !p.shownAtField && <ErrorAlert error={p.error} />}
        {p.children}
        <Group justify="space-between" mt="md">
          <Button variant="subtle" onClick={() => setCommentsOpen(true)}>
            {t('actions.comments')} {p.comments.length > 0 ? `(${p.comments.length})` : ''}
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={p.onCancel}>
              {t('common.cancel')}
            </Button>
            <Button variant="default" onClick={p.onBack} disabled={p.step === 0}>
              {t('guide.back')}
            </Button>
            <Button variant="default" onClick={p.onNext} disabled={p.step === last || Boolean(p.nextDisabled)}>
              {t('guide.next')}
            </Button>
            <Button onClick={p.onFinish} loading={p.busy} disabled={Boolean(p.finishDisabled)}>
              {t('guide.finish')}
            </Button>
          </Group>
        </Group>
      </Stack>
      <GuideComments opened={commentsOpen} lines={p.comments} onChange={p.onCommentsChange} onClose={() => setCommentsOpen(false)} />
    </Modal>
  );
}
