import type { Locale } from '@dari/contracts';
import { HTML_LANG } from './format';

/**
 * One way to show a moment on staff pages and in the account's device list: the programme runs in
 * Korea, so every date and time is Korea time (Asia/Seoul), whatever the laptop's own time zone, in
 * the reader's language, in the same medium style as a calendar day (`formatDay`), with a 24-hour
 * clock (no 오전/오후 or AM/PM to misread, and the ICU data of some runtimes writes "AM" in Korean):
 * "2026. 12. 7.", "2026. 12. 7. 14:05", "Dec 7, 2026, 14:05", "2026年12月7日 14:05".
 */
export const KOREA_TIME_ZONE = 'Asia/Seoul';

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withTime}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(HTML_LANG[locale], {
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'short' as const, hourCycle: 'h23' as const } : {}),
      timeZone: KOREA_TIME_ZONE,
    });
    cache.set(key, f);
  }
  return f;
}

/** The day of a moment, in Korea time. */
export function formatKoreaDate(iso: string, locale: Locale): string {
  return formatter(locale, false).format(new Date(iso));
}

/** A moment to the minute, in Korea time. */
export function formatKoreaDateTime(iso: string, locale: Locale): string {
  return formatter(locale, true).format(new Date(iso));
}
