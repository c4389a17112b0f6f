import { MEDIA_TYPES, type LessonContent } from '@dari/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MarkdownEditor } from './markdown-editor';
import { AUDIO_TYPES, MediaUpload, VIDEO_TYPES } from './media-upload';

export type MediaContent = Extract<LessonContent, { kind: 'media' }>;

/** A video or audio lesson: an uploaded file or an https address, and a transcript for those who read. */
export function MediaEditor({
  value,
  onChange,
  courseId,
  disabled,
}: {
  value: MediaContent;
  onChange: (value: MediaContent) => void;
  courseId: string;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const source = value.url !== null && value.mediaId === null ? 'url' : 'file';

  return (
    <section className="media-editor" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('mediaEditor.title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-type`}>{t('mediaEditor.mediaType')}</label>
        <select
          id={`${id}-type`}
          value={value.mediaType}
          disabled={disabled}
          onChange={(e) => onChange({ ...value, mediaType: e.target.value as MediaContent['mediaType'] })}
        >
          {MEDIA_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`mediaTypes.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{t('mediaEditor.source')}</legend>
        <div className="field field-checkbox">
          <input
            id={`${id}-file`}
            type="radio"
            name={`${id}-source`}
            checked={source === 'file'}
            disabled={disabled}
            onChange={() => onChange({ ...value, url: null })}
          />
          <label htmlFor={`${id}-file`}>{t('mediaEditor.sourceFile')}</label>
        </div>
        <div className="field field-checkbox">
          <input
            id={`${id}-url`}
            type="radio"
            name={`${id}-source`}
            checked={source === 'url'}
            disabled={disabled}
            onChange={() => onChange({ ...value, mediaId: null, url: value.url ?? '' })}
          />
          <label htmlFor={`${id}-url`}>{t('mediaEditor.sourceUrl')}</label>
        </div>
      </fieldset>
      {source === 'file' ? (
        <>
          <p className="muted">{value.mediaId ? t('mediaEditor.fileChosen') : t('mediaEditor.noFile')}</p>
          <MediaUpload
            courseId={courseId}
            label={t('mediaEditor.upload')}
            hint={value.mediaType === 'video' ? t('media.videoRules') : t('media.audioRules')}
            accept={value.mediaType === 'video' ? VIDEO_TYPES : AUDIO_TYPES}
            disabled={disabled}
            onUploaded={(media) => onChange({ ...value, mediaId: media.id, url: null })}
          />
        </>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-address`}>{t('mediaEditor.url')}</label>
          <p id={`${id}-address-hint`} className="field-hint">
            {t('mediaEditor.urlHint')}
          </p>
          <input
            id={`${id}-address`}
            type="url"
            inputMode="url"
            value={value.url ?? ''}
            disabled={disabled}
            aria-describedby={`${id}-address-hint`}
            onChange={(e) => onChange({ ...value, mediaId: null, url: e.target.value })}
          />
        </div>
      )}
      <MarkdownEditor
        label={t('mediaEditor.transcript')}
        value={value.transcript}
        courseId={courseId}
        disabled={disabled}
        onChange={(transcript) => onChange({ ...value, transcript })}
      />
    </section>
  );
}
