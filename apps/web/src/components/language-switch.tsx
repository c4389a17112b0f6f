import { LOCALES, type Locale } from '@dari/contracts';
import { useTranslation } from 'react-i18next';
import { HTML_LANG } from '../lib/format';
import { LANGUAGE_NAMES } from '../i18n';

/** Each language named in itself, so a person who cannot read the current one still finds theirs. */
export function LanguageSwitch({ value, onChange }: { value: Locale; onChange: (locale: Locale) => void }) {
  const { t } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={HTML_LANG[locale]}
          aria-pressed={value === locale}
          onClick={() => onChange(locale)}
        >
          {LANGUAGE_NAMES[locale]}
        </button>
      ))}
    </div>
  );
}
