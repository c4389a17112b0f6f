import type { Locale } from '@dari/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES } from '../../../i18n';
import { HTML_LANG } from '../../../lib/format';

interface LessonLanguageControlProps {
  /** The languages the lesson has (lessonLanguages): only these are offered. */
  languages: readonly Locale[];
  value: Locale;
  onChange: (lang: Locale) => void;
  /** The interface language: when the lesson lacks it, a line says so. */
  interfaceLocale: Locale;
}

/**
 * "Lesson language": radio buttons drawn as a row of large segments (each 44 px high, named in its own
 * language), switching the lesson's text on the page; the interface language stays as it is. Shown only
 * when the lesson has more than one language.
 */
export function LessonLanguageControl({ languages, value, onChange, interfaceLocale }: LessonLanguageControlProps) {
  const { t } = useTranslation();
  const name = useId();
  const missing = !languages.includes(interfaceLocale);
  if (languages.length < 2) {
    return missing ? (
      <p className="muted lesson-language-missing">{t('learning.player.lessonLanguageMissing')}</p>
    ) : null;
  }
  return (
    <fieldset className="lesson-language">
      <legend>{t('learning.player.lessonLanguage')}</legend>
      <span className="lesson-language-options">
        {languages.map((lang) => (
          <label key={lang} lang={HTML_LANG[lang]}>
            <input type="radio" name={name} value={lang} checked={value === lang} onChange={() => onChange(lang)} />
            <span>{LANGUAGE_NAMES[lang]}</span>
          </label>
        ))}
      </span>
      {missing ? (
        <span className="muted lesson-language-missing">{t('learning.player.lessonLanguageMissing')}</span>
      ) : null}
    </fieldset>
  );
}
