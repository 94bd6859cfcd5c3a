import { Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, seg } from '../../api/client';
import type { LogPreview } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../format/format';
import { useLoad } from '../../hooks/use-load';

/** What logging would do, without writing anything (api.md §9.5). */
export function LogPreviewDialog({ segmentNo, opened, onClose }: { segmentNo: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const path = `/segments/${seg(segmentNo)}/log-preview`;
  const preview = useLoad<LogPreview>(opened ? path : null, (s) => api.get(path, undefined, s));
  const p = preview.data;
  const none = t('common.none');
  return (
    <Modal opened={opened} onClose={onClose} title={t('segments.preview')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <ErrorAlert error={preview.error} />
      {p && (
        <Stack>
          <Text data-testid="preview-entries">
            {t('segments.previewEntries', { count: p.noOfEntries, cost: f.money(p.costLcy), duration: f.int(p.durationMin) })}
          </Text>
          <Table aria-label={t('segments.byTemplate')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.interactionTemplateCode')}</Table.Th>
                <Table.Th ta="right">{t('fields.noOfEntries')}</Table.Th>
                <Table.Th ta="right">{t('fields.costLcy')}</Table.Th>
                <Table.Th ta="right">{t('fields.durationMin')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.byTemplate.map((g) => (
                <Table.Tr key={g.interactionTemplateCode ?? ''}>
                  <Table.Td>{g.interactionTemplateCode ?? none}</Table.Td>
                  <Table.Td ta="right">{f.int(g.noOfEntries)}</Table.Td>
                  <Table.Td ta="right">{f.money(g.costLcy)}</Table.Td>
                  <Table.Td ta="right">{f.int(g.durationMin)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm">
            {t('segments.byLanguage')}: {p.byLanguage.map((g) => `${g.languageCode ?? none} ${f.int(g.noOfEntries)}`).join(', ')}
          </Text>
          <Text size="sm">
            {t('segments.byCorrespondenceType')}:{' '}
            {p.byCorrespondenceType
              .map((g) => `${g.correspondenceType ? t(`enums.correspondenceType.${g.correspondenceType}`) : none} ${f.int(g.noOfEntries)}`)
              .join(', ')}
          </Text>
          {p.skipped.length > 0 && (
            <>
              <Title order={4} size="h6">
                {t('segments.skippedLines')}
              </Title>
              {p.skipped.map((s) => (
                <Text key={s.lineNo} size="sm">
                  {s.lineNo} · {s.contactNo} · {t(`errors.${s.reason}`)}
                </Text>
              ))}
            </>
          )}
          {p.refused.length > 0 && (
            <>
              <Title order={4} size="h6" c="red">
                {t('segments.refusedLines')}
              </Title>
              {p.refused.map((s) => (
                <Text key={s.lineNo} size="sm" c="red">
                  {s.lineNo} · {s.contactNo} · {s.message}
                </Text>
              ))}
            </>
          )}
        </Stack>
      )}
    </Modal>
  );
}
