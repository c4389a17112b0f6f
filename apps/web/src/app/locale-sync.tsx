import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { rememberLocale, setLanguage } from '../i18n';
import { useMe } from '../lib/session';

/** A signed-in person's saved language wins over this browser's last choice. */
export function LocaleSync() {
  const { i18n } = useTranslation();
  const locale = useMe().data?.locale;
  useEffect(() => {
    if (locale && i18n.language !== locale) {
      void setLanguage(locale);
      rememberLocale(locale);
    }
  }, [locale, i18n]);
  return null;
}
