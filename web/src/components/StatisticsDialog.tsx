import { Group, Loader, Modal, Stack, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useFormat } from '../format/format';
import { useLoad } from '../hooks/use-load';
import { ErrorAlert } from './ErrorAlert';

export type FigureKind = 'int' | 'money' | 'pct' | 'decimal' | 'date';

/** The statistics of a record (R28–R31) for an optional date range. */
export function StatisticsDialog({
  title,
  path,
  figures,
  onClose,
}: {
  title: string;
  path: string | null;
  figures: readonly (readonly [string, FigureKind])[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const stats = useLoad<Record<string, number | string | null>>(path ? `${path}?${from}&${to}` : null, (signal) =>
    api.get(path!, { dateFrom: from || undefined, dateTo: to || undefined }, signal),
  );
  const show = (kind: FigureKind, v: number | string | null | undefined) =>
    v === null || v === undefined
      ? ''
      : kind === 'money'
        ? f.money(v as number)
        : kind === 'pct'
          ? f.pct(v as number)
          : kind === 'date'
            ? f.date(v as string)
            : kind === 'decimal'
              ? f.money(v as number)
              : f.int(v as number);
  return (
    <Modal opened={path !== null} onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        <Group grow>
          <TextInput type="date" label={t('fields.dateFrom')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          <TextInput type="date" label={t('fields.dateTo')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        </Group>
        <ErrorAlert error={stats.error} />
        {stats.loading && <Loader size="sm" />}
        <Table aria-label={title}>
          <Table.Tbody>
            {figures.map(([name, kind]) => (
              <Table.Tr key={name}>
                <Table.Th scope="row">{t(`fields.${name}`)}</Table.Th>
                <Table.Td ta="right" data-testid={`stat-${name}`}>
                  {show(kind, stats.data?.[name])}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Modal>
  );
}

export const INTERACTION_FIGURES: readonly (readonly [string, FigureKind])[] = [
  ['noOfInteractions', 'int'],
  ['costLcy', 'money'],
  ['durationMin', 'int'],
];
