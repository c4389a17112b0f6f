import { DEFAULT_LOCALE, LOCALES, type Locale } from '@dari/contracts';

// A plain check instead of `localeSchema.safeParse`, so the first page does not need zod.
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function toLocale(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}
