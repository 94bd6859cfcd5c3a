import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

// Dates, times, money and counts formatted for the chosen UI language. Dates travel as
// YYYY-MM-DD and are shown without any time-zone shift.

const LOCALES: Record<string, string> = { en: 'en-US', ru: 'ru-RU' };

export interface Format {
  readonly locale: string;
  date(value: string | null | undefined): string;
  time(value: string | null | undefined): string;
  instant(value: string | null | undefined): string;
  money(value: number | null | undefined): string;
  int(value: number | null | undefined): string;
  pct(value: number | null | undefined): string;
}

export function makeFormat(language: string): Format {
  const locale = LOCALES[language] ?? 'en-US';
  const dateFmt = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
  const instantFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
  const moneyFmt = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const intFmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const pctFmt = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return {
    locale,
    date(v) {
      if (!v) return '';
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      return m ? dateFmt.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))) : v;
    },
    // whole minutes as HH:MM, as Business Central shows them; seconds only when there are any
    time: (v) => (!v ? '' : v.endsWith(':00') ? v.slice(0, 5) : v),
    instant: (v) => (v ? instantFmt.format(new Date(v)) : ''),
    money: (v) => (v === null || v === undefined ? '' : moneyFmt.format(v)),
    int: (v) => (v === null || v === undefined ? '' : intFmt.format(v)),
    pct: (v) => (v === null || v === undefined ? '' : `${pctFmt.format(v)} %`),
  };
}

export function useFormat(): Format {
  const { i18n } = useTranslation();
  return useMemo(() => makeFormat(i18n.language), [i18n.language]);
}
