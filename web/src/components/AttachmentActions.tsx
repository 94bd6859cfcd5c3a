import { Anchor, Button, FileButton, Group } from '@mantine/core';
import { IconDownload, IconPaperclip, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, downloadUrl } from '../api/client';
import { useConfirm } from './confirm';
import { ErrorAlert } from './ErrorAlert';

/** Show, import (set or replace) and remove the attachment of a language row (R57, R60). */
export function AttachmentActions({
  attachmentId,
  path,
  canWrite,
  onChanged,
  name,
}: {
  attachmentId: number | null;
  path: string;
  canWrite: boolean;
  onChanged: () => void;
  name: string;
}) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function upload(file: File | null) {
    if (!file) return;
    if (attachmentId !== null && !(await confirm({ message: t('attachments.replace') }))) return;
    setBusy(true);
    setError(null);
    try {
      await api.put(path, file, { fileName: file.name });
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!(await confirm({ message: t('attachments.removeConfirm'), danger: true, defaultNo: true }))) return;
    setError(null);
    try {
      await api.delete(path);
      onChanged();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <Group gap={4} wrap="nowrap">
        {attachmentId !== null ? (
          <Anchor href={downloadUrl(`/attachments/${attachmentId}/content`)} size="sm" aria-label={t('attachments.open', { name })}>
            <IconPaperclip size={14} aria-hidden /> {t('attachments.show')}
          </Anchor>
        ) : (
          <span>{t('attachments.none')}</span>
        )}
        {canWrite && (
          <>
            <FileButton onChange={(f) => void upload(f)}>
              {(props) => (
                <Button
                  {...props}
                  size="compact-xs"
                  variant="subtle"
                  loading={busy}
                  leftSection={<IconUpload size={12} aria-hidden />}
                  aria-label={t('attachments.importFor', { name })}
                >
                  {t('attachments.import')}
                </Button>
              )}
            </FileButton>
            {attachmentId !== null && (
              <>
                <Button
                  component="a"
                  href={downloadUrl(`/attachments/${attachmentId}/content`)}
                  size="compact-xs"
                  variant="subtle"
                  leftSection={<IconDownload size={12} aria-hidden />}
                  aria-label={t('attachments.exportFor', { name })}
                >
                  {t('attachments.export')}
                </Button>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={12} aria-hidden />}
                  onClick={() => void remove()}
                  aria-label={t('attachments.removeFor', { name })}
                >
                  {t('attachments.remove')}
                </Button>
              </>
            )}
          </>
        )}
      </Group>
      <ErrorAlert error={error} onClose={() => setError(null)} />
    </>
  );
}
