import type { Locale } from '@dari/contracts';
import { useTranslation } from 'react-i18next';
import { toLocale } from '../lib/locale';

/** The interface language as one of the contract's locales. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return toLocale(i18n.language);
}
