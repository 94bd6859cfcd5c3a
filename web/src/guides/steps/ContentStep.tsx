import { Alert, Anchor, FileInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { downloadUrl } from '../../api/client';
import { useFormat } from '../../format/format';
import type { StepProps } from './step-props';

/** Step 2, for a template with a wizard action (R58): review its attachment, or import a file. */
export function ContentStep({ d, fieldError }: StepProps) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Stack gap="sm">
      <Text fw={600}>{t('guide.q2')}</Text>
      {d.template?.wizardAction === 'import' ? (
        <>
          <FileInput
            label={t('guide.importFile')}
            placeholder={t('guide.chooseFile')}
            onChange={(file) => void d.chooseFile(file)}
            clearable
            error={fieldError('attachmentId')}
          />
          {d.upload && <Text size="sm">{t('guide.uploaded', { name: d.upload.fileName, size: f.int(d.upload.size) })}</Text>}
        </>
      ) : d.reviewAttachmentId !== null ? (
        <Anchor href={downloadUrl(`/attachments/${d.reviewAttachmentId}/content`)} target="_blank">
          {t('guide.reviewAttachment')}
        </Anchor>
      ) : (
        <Alert color="yellow">{t('guide.noAttachment')}</Alert>
      )}
    </Stack>
  );
}
