import { LOCALES, type Locale } from '@dari/contracts';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyMarkdown } from '../../../components/markdown/lazy-markdown';
import { LANGUAGE_NAMES } from '../../../i18n';
import { HTML_LANG } from '../../../lib/format';
import { routeUrl } from '../../../lib/route-table';
import { UnknownTermsHint, useGlossaryCheck } from '@/features/glossary';
import type { Text } from './localized-fields';
import { IMAGE_TYPES, MediaUpload } from './media-upload';

interface MarkdownEditorProps {
  label: string;
  value: Text;
  onChange: (value: Text) => void;
  courseId: string;
  disabled?: boolean;
  /** Show the image upload (reading lessons). */
  images?: boolean;
  koreanMissing?: boolean;
}

/** Markdown per language beside (or, on a phone, above) a live preview drawn by the learner renderer itself. */
export function MarkdownEditor({
  label,
  value,
  onChange,
  courseId,
  disabled,
  images,
  koreanMissing,
}: MarkdownEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const [locale, setLocale] = useState<Locale>('ko');
  const [alt, setAlt] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  const text = value[locale] ?? '';
  // Which [[terms]] have no glossary entry yet: flagged in the preview and counted above it.
  const glossary = useGlossaryCheck(text);

  const insert = (snippet: string) => {
    const el = area.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    onChange({ ...value, [locale]: `${text.slice(0, start)}${snippet}${text.slice(end)}` });
  };

  return (
    <section className="markdown-editor" aria-label={label}>
      <div className="language-tabs" role="group" aria-label={t('authoring.writingLanguage')}>
        {LOCALES.map((l) => (
          <button key={l} type="button" lang={HTML_LANG[l]} aria-pressed={locale === l} onClick={() => setLocale(l)}>
            {LANGUAGE_NAMES[l]}
            {l !== 'ko' && !value[l] ? <span className="visually-hidden">{t('authoring.empty')}</span> : null}
          </button>
        ))}
      </div>
      <div className="editor-split">
        <div className="field">
          <label htmlFor={`${id}-text`}>
            {t(locale === 'ko' ? 'authoring.inLanguage' : 'authoring.inLanguageOptional', {
              label,
              language: LANGUAGE_NAMES[locale],
            })}
          </label>
          <textarea
            id={`${id}-text`}
            ref={area}
            lang={HTML_LANG[locale]}
            className="markdown-input"
            rows={14}
            value={text}
            disabled={disabled}
            aria-invalid={(locale === 'ko' && koreanMissing) || undefined}
            onChange={(e) => onChange({ ...value, [locale]: e.target.value })}
          />
        </div>
        <section className="markdown-preview card" aria-label={t('authoring.livePreview')}>
          <h3 className="preview-label">{t('authoring.livePreview')}</h3>
          <UnknownTermsHint check={glossary} />
          {text.trim() ? (
            <LazyMarkdown source={text} lang={HTML_LANG[locale]} knownTerms={glossary.knownTerms} />
          ) : (
            <p className="muted">{t('authoring.previewEmpty')}</p>
          )}
        </section>
      </div>
      <details className="markdown-help">
        <summary>{t('markdownHelp.title')}</summary>
        <ul>
          <li>
            <code>{'## '}</code> {t('markdownHelp.heading')}
          </li>
          <li>
            <code>{'**'}</code> {t('markdownHelp.bold')}
          </li>
          <li>
            <code>{'- '}</code> {t('markdownHelp.list')}
          </li>
          <li>
            <code>{t('markdownHelp.linkExample')}</code> {t('markdownHelp.link')}
          </li>
          <li>
            <code>{'> [!NOTE]'}</code> {t('markdownHelp.callout')}
          </li>
          <li>
            <code>{t('markdownHelp.termExample')}</code> {t('markdownHelp.term')}
          </li>
        </ul>
      </details>
      {images && !disabled ? (
        <div className="image-insert">
          <div className="field">
            <label htmlFor={`${id}-alt`}>{t('media.altText')}</label>
            <p id={`${id}-alt-hint`} className="field-hint">
              {t('media.altHint')}
            </p>
            <input
              id={`${id}-alt`}
              type="text"
              value={alt}
              aria-describedby={`${id}-alt-hint`}
              onChange={(e) => setAlt(e.target.value)}
            />
          </div>
          <MediaUpload
            courseId={courseId}
            label={t('media.insertImage')}
            hint={t('media.imageRules')}
            accept={IMAGE_TYPES}
            onUploaded={(media) => {
              const description = (alt.trim() || media.filename.replace(/\.[^.]+$/, '')).replace(/[[\]]/g, '');
              insert(`\n![${description}](${routeUrl('media.get', { params: { id: media.id } })})\n`);
              setAlt('');
            }}
          />
        </div>
      ) : null}
    </section>
  );
}
