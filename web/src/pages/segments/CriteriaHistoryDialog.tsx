import { Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, seg } from '../../api/client';
import type { CriteriaAction, Page } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../format/format';
import { useLoad } from '../../hooks/use-load';

function summary(filter: Record<string, unknown>): string {
  return Object.entries(filter)
    .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0) && v !== false)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('|') : String(v)}`)
    .join(', ');
}

/** The segment's criteria history (R45): Action No., Kind, Filters, Affected, Created At. */
export function CriteriaHistoryDialog({ segmentNo, opened, onClose }: { segmentNo: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const path = `/segments/${seg(segmentNo)}/criteria`;
  const actions = useLoad<Page<CriteriaAction>>(opened ? path : null, (s) => api.get(path, { limit: 500 }, s));
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('segments.criteria')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <ErrorAlert error={actions.error} />
      <Table aria-label={t('segments.criteria')} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.actionNo')}</Table.Th>
            <Table.Th>{t('fields.kind')}</Table.Th>
            <Table.Th>{t('fields.filters')}</Table.Th>
            <Table.Th ta="right">{t('fields.affected')}</Table.Th>
            <Table.Th>{t('fields.createdAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(actions.data?.items ?? []).map((a) => (
            <Table.Tr key={a.actionNo}>
              <Table.Td>{a.actionNo}</Table.Td>
              <Table.Td>{t(`segments.${a.kind}`)}</Table.Td>
              <Table.Td>{[summary(a.contactFilter), summary(a.interactionFilter), summary(a.options)].filter(Boolean).join('; ')}</Table.Td>
              <Table.Td ta="right">{f.int(a.affected)}</Table.Td>
              <Table.Td>{f.instant(a.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {actions.data?.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('table.empty')}
        </Text>
      )}
    </Modal>
  );
}
