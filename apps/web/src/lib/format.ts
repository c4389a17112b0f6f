import type { Locale } from '@dari/contracts';

/** BCP 47 tag for each interface language; Chinese is the simplified script. */
export const HTML_LANG: Record<Locale, string> = { ko: 'ko', en: 'en', zh: 'zh-Hans' };

export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(HTML_LANG[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(HTML_LANG[locale], { dateStyle: 'long' }).format(new Date(iso));
}
