import type { Locale } from '@dari/contracts';
import { HTML_LANG } from '../../lib/format';

/** The programme runs in Korea: audit times are shown in Korea time, to the second, in the reader's language. */
export const AUDIT_TIME_ZONE = 'Asia/Seoul';

export function formatAuditTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(HTML_LANG[locale], {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: AUDIT_TIME_ZONE,
  }).format(new Date(iso));
}

/** A calendar day (YYYY-MM-DD from a date input) as the start of that day in Korea time. */
export function startOfKoreanDay(day: string): string {
  return `${day}T00:00:00+09:00`;
}

/** The start of the next day in Korea time: the API's `to` is exclusive, so the chosen day is included. */
export function endOfKoreanDay(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return `${next.toISOString().slice(0, 10)}T00:00:00+09:00`;
}

/** Today in Korea time, as YYYY-MM-DD (the date inputs' upper bound). */
export function koreanToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: AUDIT_TIME_ZONE }).format(now);
}
