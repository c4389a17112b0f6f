import type { Locale } from '@dari/contracts';
import { HTML_LANG } from '../../lib/format';

/** 0.375 → "38%" in the reader's language. */
export function formatPercent(rate: number, locale: Locale): string {
  return new Intl.NumberFormat(HTML_LANG[locale], { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(HTML_LANG[locale]).format(value);
}

/** A calendar day (YYYY-MM-DD) shown as a date, without shifting it through time zones. */
export function formatDay(day: string, locale: Locale): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(HTML_LANG[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** The end of a chosen day in the person's own time zone, as the API's ISO timestamp. */
export function endOfDayIso(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 23, 59, 59).toISOString();
}
