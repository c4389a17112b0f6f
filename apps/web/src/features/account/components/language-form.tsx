import { LOCALES, localeSchema } from '@dari/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusMessage } from '../../../components/alerts';
import { useLocale } from '../../../components/use-locale';
import { LANGUAGE_NAMES } from '../../../i18n';
import { HTML_LANG } from '../../../lib/format';
import { useChangeLocale } from '../hooks/use-change-locale';

export function LanguageForm() {
  const { t } = useTranslation();
  const id = useId();
  const locale = useLocale();
  const { change, error } = useChangeLocale();
  const [changed, setChanged] = useState(false);

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('account.languageTitle')}</h2>
      <div className="field">
        <label htmlFor={id}>{t('language.label')}</label>
        <select
          id={id}
          value={locale}
          onChange={(e) => {
            const parsed = localeSchema.safeParse(e.target.value);
            if (parsed.success) {
              change(parsed.data);
              setChanged(true);
            }
          }}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={HTML_LANG[l]}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </div>
      <ErrorAlert error={error} />
      <StatusMessage>{changed ? t('account.languageSaved') : null}</StatusMessage>
    </section>
  );
}
