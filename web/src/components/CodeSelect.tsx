import { Select, type SelectProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lookupRows, toOption, type LookupKind, type Option } from './lookups';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  readonly kind: LookupKind;
  readonly value: string | null;
  readonly onChange: (value: string | null) => void;
  /** Narrows the offered rows (e.g. templates without attachment). */
  readonly only?: (row: never) => boolean;
  /** Options offered instead of the whole list (e.g. a template's languages). */
  readonly options?: readonly Option[];
};

/** A searchable lookup of a set-up list: type part of the code or name. */
export function CodeSelect({ kind, value, onChange, only, options, ...rest }: Props) {
  const { t } = useTranslation();
  const [data, setData] = useState<Option[]>([]);
  useEffect(() => {
    if (options) {
      setData([...options]);
      return;
    }
    let live = true;
    lookupRows(kind)
      .then((rows) => {
        if (live) setData(rows.filter((r) => !only || only(r as never)).map((r) => toOption(kind, r)));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [kind, only, options]);
  // a stored code that is not (or no longer) in the list is still shown
  const withValue = value && !data.some((o) => o.value === value) ? [{ value, label: value }, ...data] : data;
  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={t('common.nothingFound')}
      data={withValue}
      value={value}
      onChange={(v) => onChange(v)}
      comboboxProps={{ withinPortal: true }}
      {...rest}
    />
  );
}
