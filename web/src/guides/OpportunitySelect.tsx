import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Opportunity, Page } from '../api/types';
import { useLoad } from '../hooks/use-load';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  readonly companyNo: string | null;
  readonly salespersonCode: string | null;
  readonly value: string | null;
  readonly onChange: (no: string | null) => void;
};

/** The open opportunities of the contact's company (of the salesperson when one is set), as BC's guide offers them. */
export function OpportunitySelect({ companyNo, salespersonCode, value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  const key = companyNo ? `${companyNo}|${salespersonCode ?? ''}` : null;
  const found = useLoad<Page<Opportunity>>(key, (s) =>
    api.get('/opportunities', { contactCompanyNo: companyNo, salespersonCode, limit: 200 }, s),
  );
  const open = (found.data?.items ?? []).filter((o) => o.status === 'not_started' || o.status === 'in_progress');
  const data = open.map((o) => ({ value: o.no, label: o.description ? `${o.no} · ${o.description}` : o.no }));
  if (value && !data.some((d) => d.value === value)) data.unshift({ value, label: value });
  return (
    <Select
      clearable
      searchable
      data={data}
      value={value}
      onChange={onChange}
      nothingFoundMessage={t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      {...rest}
    />
  );
}
