import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Contact, Page } from '../api/types';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  readonly value: string | null;
  readonly onChange: (no: string | null, contact: Contact | null) => void;
  readonly type?: 'company' | 'person';
};

const label = (c: Contact) => `${c.no} · ${c.name}${c.companyName && c.companyNo !== c.no ? ` (${c.companyName})` : ''}`;

/**
 * Contact lookup: typed text is matched against names and e-mails (case-insensitive "contains",
 * the server's `q`); the matches come in number order, so the first one offered is the lowest no.
 */
export function ContactSelect({ value, onChange, type, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [found, setFound] = useState<Contact[]>([]);
  const [selected, setSelected] = useState<Contact | null>(null);

  useEffect(() => {
    if (!value) {
      setSelected(null);
      return;
    }
    if (selected?.no === value) return;
    let live = true;
    api
      .get<Contact>(`/contacts/${encodeURIComponent(value)}`)
      .then((c) => live && setSelected(c))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [value, selected?.no]);

  useEffect(() => {
    const q = debounced.trim();
    if (selected && q === label(selected)) return;
    let live = true;
    api
      .get<Page<Contact>>('/contacts', { q: q || undefined, type, limit: 20 })
      .then((p) => live && setFound(p.items))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [debounced, type, selected]);

  const all = selected && !found.some((c) => c.no === selected.no) ? [selected, ...found] : found;
  return (
    <Select
      searchable
      clearable
      filter={({ options }) => options}
      nothingFoundMessage={t('common.nothingFound')}
      data={all.map((c) => ({ value: c.no, label: label(c) }))}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(no) => {
        const c = all.find((x) => x.no === no) ?? null;
        setSelected(c);
        onChange(no, c);
      }}
      comboboxProps={{ withinPortal: true }}
      {...rest}
    />
  );
}
