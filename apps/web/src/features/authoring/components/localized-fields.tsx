import { LOCALES, type Locale } from '@dari/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES } from '../../../i18n';
import { HTML_LANG } from '../../../lib/format';

export type Text = { ko: string; en?: string; zh?: string };

/** Empty English or Chinese is left out, so the learner falls back to Korean. */
export function cleanText(text: Text): Text {
  return { ko: text.ko, ...(text.en ? { en: text.en } : {}), ...(text.zh ? { zh: text.zh } : {}) };
}

interface LocalizedFieldsProps {
  /** What the text is ("Title"); each box is labelled with it and its language. */
  label: string;
  value: Text;
  onChange: (value: Text) => void;
  languages?: readonly Locale[];
  multiline?: boolean;
  disabled?: boolean;
  maxLength?: number;
  /** Shown under the Korean box when it must not be empty and is. */
  koreanMissing?: boolean;
}

/** One box per language: Korean first (learners always get it), English and Chinese optional. */
export function LocalizedFields({
  label,
  value,
  onChange,
  languages = LOCALES,
  multiline,
  disabled,
  maxLength,
  koreanMissing,
}: LocalizedFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="localized">
      <legend>{label}</legend>
      {languages.map((locale) => {
        const inputId = `${id}-${locale}`;
        const invalid = locale === 'ko' && koreanMissing;
        const common = {
          id: inputId,
          lang: HTML_LANG[locale],
          value: value[locale] ?? '',
          disabled,
          maxLength,
          'aria-invalid': invalid || undefined,
          'aria-describedby': invalid ? `${inputId}-error` : undefined,
          onChange: (e: { target: { value: string } }) => onChange({ ...value, [locale]: e.target.value }),
        };
        return (
          <div key={locale} className="field">
            <label htmlFor={inputId}>
              {t(locale === 'ko' ? 'authoring.inLanguage' : 'authoring.inLanguageOptional', {
                label,
                language: LANGUAGE_NAMES[locale],
              })}
            </label>
            {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
            {invalid ? (
              <p id={`${inputId}-error`} className="field-error">
                {t('authoring.koreanNeeded')}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
