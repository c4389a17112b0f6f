import { COURSE_TAGS, ENROLMENT_POLICIES, LOCALES, type AuthorCourse } from '@dari/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../components/fields';
import { mediaUrl } from '../../../components/course/media-url';
import { LANGUAGE_NAMES } from '../../../i18n';
import { HTML_LANG } from '../../../lib/format';
import { useQueryClient } from '@tanstack/react-query';
import { storeCourse } from '../api/get-course';
import { useMediaList } from '../api/list-media';
import { updateCourse } from '../api/update-course';
import { useAutosave } from '../hooks/use-autosave';
import { cleanText, LocalizedFields } from './localized-fields';
import { IMAGE_TYPES, MediaUpload } from './media-upload';
import { SaveStatus } from './save-status';

type Settings = Pick<
  AuthorCourse,
  'title' | 'summary' | 'language' | 'tags' | 'enrolmentPolicy' | 'courseCode' | 'sequential' | 'coverMediaId'
>;

const CODE = /^[A-Z0-9-]{4,32}$/;

function toSettings(course: AuthorCourse): Settings {
  const { title, summary, language, tags, enrolmentPolicy, courseCode, sequential, coverMediaId } = course;
  return { title, summary, language, tags, enrolmentPolicy, courseCode, sequential, coverMediaId };
}

/** The course's own fields, saved as they are written. */
export function CourseSettings({ course, onReload }: { course: AuthorCourse; onReload: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Settings>(() => toSettings(course));
  const readOnly = !course.canEdit;
  const media = useMediaList(course.id, !readOnly);
  const images = media.data?.items.filter((m) => m.contentType.startsWith('image/')) ?? [];
  const code = (draft.courseCode ?? '').trim().toUpperCase();

  const autosave = useAutosave({
    revision: course.revision,
    enabled: !readOnly,
    canSave: () => draft.title.ko.trim() !== '' && (draft.enrolmentPolicy !== 'code' || CODE.test(code)),
    send: async (revision) => {
      const saved = await updateCourse(course.id, {
        revision,
        title: cleanText(draft.title),
        summary: cleanText(draft.summary),
        language: draft.language,
        tags: draft.tags,
        enrolmentPolicy: draft.enrolmentPolicy,
        courseCode: draft.enrolmentPolicy === 'code' ? code : code || null,
        sequential: draft.sequential,
        coverMediaId: draft.coverMediaId,
      });
      storeCourse(client, saved);
      return saved.revision;
    },
  });
  const update = (patch: Partial<Settings>) => {
    setDraft((d) => ({ ...d, ...patch }));
    autosave.changed();
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('courseSettings.title')}</h2>
      {!readOnly ? (
        <SaveStatus state={autosave.state} error={autosave.error} onRetry={autosave.retry} onReload={onReload} />
      ) : null}
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          autosave.flush();
        }}
        onBlur={() => autosave.flush()}
      >
        <fieldset disabled={readOnly || autosave.state === 'stale'} className="plain-fieldset">
          <legend className="visually-hidden">{t('courseSettings.title')}</legend>
          <LocalizedFields
            label={t('courseSettings.courseTitle')}
            value={draft.title}
            maxLength={200}
            koreanMissing={!draft.title.ko.trim()}
            onChange={(title) => update({ title })}
          />
          <LocalizedFields
            label={t('courseSettings.summary')}
            value={draft.summary}
            maxLength={1000}
            multiline
            onChange={(summary) => update({ summary })}
          />
          <div className="field">
            <label htmlFor={`${id}-language`}>{t('newCourse.language')}</label>
            <select
              id={`${id}-language`}
              value={draft.language}
              onChange={(e) => update({ language: e.target.value as Settings['language'] })}
            >
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={HTML_LANG[l]}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="checkbox-group">
            <legend>{t('newCourse.tags')}</legend>
            {COURSE_TAGS.map((tag) => (
              <CheckboxField
                key={tag}
                label={t(`courseTags.${tag}`)}
                checked={draft.tags.includes(tag)}
                onChange={(e) =>
                  update({ tags: e.target.checked ? [...draft.tags, tag] : draft.tags.filter((x) => x !== tag) })
                }
              />
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-policy`}>{t('newCourse.enrolmentPolicy')}</label>
            <select
              id={`${id}-policy`}
              value={draft.enrolmentPolicy}
              onChange={(e) => update({ enrolmentPolicy: e.target.value as Settings['enrolmentPolicy'] })}
            >
              {ENROLMENT_POLICIES.map((p) => (
                <option key={p} value={p}>
                  {t(`enrolmentPolicies.${p}`)}
                </option>
              ))}
            </select>
          </div>
          {draft.enrolmentPolicy === 'code' ? (
            <div className="field">
              <label htmlFor={`${id}-code`}>{t('courseSettings.courseCode')}</label>
              <p id={`${id}-code-hint`} className="field-hint">
                {t('courseSettings.courseCodeHint')}
              </p>
              <input
                id={`${id}-code`}
                type="text"
                className="input-code"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={32}
                value={draft.courseCode ?? ''}
                aria-describedby={`${id}-code-hint`}
                aria-invalid={!CODE.test(code) || undefined}
                onChange={(e) => update({ courseCode: e.target.value })}
              />
            </div>
          ) : null}
          <CheckboxField
            label={t('courseSettings.sequential')}
            hint={t('courseSettings.sequentialHint')}
            checked={draft.sequential}
            onChange={(e) => update({ sequential: e.target.checked })}
          />
          <fieldset>
            <legend>{t('courseSettings.cover')}</legend>
            {draft.coverMediaId ? (
              <img
                className="cover-preview"
                src={mediaUrl(draft.coverMediaId)}
                alt={t('courseSettings.coverAlt')}
                loading="lazy"
              />
            ) : (
              <p className="muted">{t('courseSettings.noCover')}</p>
            )}
            {!readOnly ? (
              <>
                <div className="field">
                  <label htmlFor={`${id}-cover`}>{t('courseSettings.chooseCover')}</label>
                  <select
                    id={`${id}-cover`}
                    value={draft.coverMediaId ?? ''}
                    onChange={(e) => update({ coverMediaId: e.target.value || null })}
                  >
                    <option value="">{t('courseSettings.noCoverOption')}</option>
                    {images.map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.filename}
                      </option>
                    ))}
                  </select>
                </div>
                <MediaUpload
                  courseId={course.id}
                  label={t('courseSettings.uploadCover')}
                  hint={t('media.imageRules')}
                  accept={IMAGE_TYPES}
                  onUploaded={(m) => update({ coverMediaId: m.id })}
                />
              </>
            ) : null}
          </fieldset>
        </fieldset>
      </form>
    </section>
  );
}
