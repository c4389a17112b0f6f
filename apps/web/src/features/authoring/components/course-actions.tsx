import type { AuthorCourse } from '@dari/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '@/components/alerts';
import { ConfirmAction } from '@/components/confirm-action';
import { isApiError } from '@/lib/api';
import { useSetCourseArchived } from '../api/archive-course';
import { useDuplicateCourse } from '../api/duplicate-course';
import { bundleUrl } from '../api/import-bundle';
import { paths } from '@/config/paths';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Export, copy, archive: the less frequent things done to a whole course. */
export function CourseActions({ course }: { course: AuthorCourse }) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const duplicate = useDuplicateCourse(course.id);
  const archive = useSetCourseArchived(course.id);
  const [slug, setSlug] = useState(`${course.slug}-copy`.slice(0, 80));
  const slugOk = slug.length >= 3 && SLUG.test(slug);
  const slugTaken = isApiError(duplicate.error) && duplicate.error.code === 'slug_taken';

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('courseActions.title')}</h2>
      <p>
        <a href={bundleUrl(course.id)} download className="button button-secondary">
          {t('courseActions.export')}
        </a>
      </p>
      <p className="muted">{t('courseActions.exportHint')}</p>
      {course.canEdit ? (
        <>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (slugOk)
                duplicate.mutate({ slug }, { onSuccess: (copy) => void navigate(paths.teach.course(copy.id)) });
            }}
          >
            <div className="field">
              <label htmlFor={`${id}-slug`}>{t('courseActions.copySlug')}</label>
              <p id={`${id}-slug-hint`} className="field-hint">
                {t('newCourse.slugHint')}
              </p>
              <input
                id={`${id}-slug`}
                type="text"
                translate="no"
                autoCapitalize="none"
                spellCheck={false}
                value={slug}
                aria-describedby={slugTaken ? `${id}-slug-hint ${id}-slug-error` : `${id}-slug-hint`}
                aria-invalid={!slugOk || slugTaken || undefined}
                onChange={(e) => setSlug(e.target.value)}
              />
              {slugTaken ? (
                <p id={`${id}-slug-error`} className="field-error">
                  {t('errors.slug_taken')}
                </p>
              ) : null}
            </div>
            <button type="submit" className="button" disabled={!slugOk || duplicate.isPending}>
              {t('courseActions.duplicate')}
            </button>
          </form>
          {!slugTaken ? <ErrorAlert error={duplicate.error} /> : null}
          {course.status === 'archived' ? (
            <button type="button" className="button" disabled={archive.isPending} onClick={() => archive.mutate(false)}>
              {t('courseActions.unarchive')}
            </button>
          ) : (
            <ConfirmAction
              label={t('courseActions.archive')}
              question={t('courseActions.archiveConfirm')}
              confirmLabel={t('courseActions.archiveYes')}
              pending={archive.isPending}
              onConfirm={() => archive.mutate(true)}
            />
          )}
          <ErrorAlert error={archive.error} />
        </>
      ) : null}
    </section>
  );
}
