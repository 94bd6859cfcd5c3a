import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { problemText } from './problem-text';

/** A failure of an action or a load, as a readable sentence (never raw JSON). */
export function ErrorAlert({ error, title, onClose }: { error: unknown; title?: string; onClose?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      color="red"
      role="alert"
      icon={<IconAlertCircle size={18} aria-hidden />}
      {...(title && { title })}
      withCloseButton={Boolean(onClose)}
      {...(onClose && { onClose })}
      closeButtonLabel={t('common.close')}
      my="xs"
    >
      {problemText(error, t)}
    </Alert>
  );
}
