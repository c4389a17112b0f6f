import type { AuthorCourse } from '@dari/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { QueryState } from '@/components/query-state';
import { useLocale } from '@/components/use-locale';
import { isApiError } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { useVersions } from '../api/list-versions';
import { usePublishCourse } from '../api/publish-course';
import { PublishProblemText } from './publish-problem-text';
import { UnpublishedChanges } from './unpublished-changes';
import { paths } from '@/config/paths';

/** Publishing freezes the draft as a numbered version; what blocks it is listed with a link to each lesson. */
export function PublishPanel({ course }: { course: AuthorCourse }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const publish = usePublishCourse(course.id);
  const versions = useVersions(course.id);
  const problems = isApiError(publish.error) && publish.error.code === 'publish_blocked' ? publish.error.problems : [];

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('publish.title')}</h2>
      <p>
        {course.latestVersion === null
          ? t('publish.neverPublished')
          : course.hasUnpublishedChanges
            ? t('publish.hasChanges', { version: course.latestVersion })
            : t('publish.upToDate', { version: course.latestVersion })}
      </p>
      {course.latestVersion !== null && course.hasUnpublishedChanges ? <UnpublishedChanges course={course} /> : null}
      <p>
        <Link to={paths.teach.preview(course.id)}>{t('publish.previewLink')}</Link>
      </p>
      {course.canEdit ? (
        <>
          <p className="muted">{t('publish.explain')}</p>
          <button
            type="button"
            className="button button-primary"
            disabled={publish.isPending || course.status === 'archived'}
            onClick={() => publish.mutate()}
          >
            {publish.isPending ? t('publish.publishing') : t('publish.submit')}
          </button>
        </>
      ) : null}
      <StatusMessage>{publish.isSuccess ? t('publish.done', { version: publish.data.version }) : null}</StatusMessage>
      {problems.length > 0 ? (
        <div className="alert alert-error" role="alert">
          <p>{t('publish.blocked', { count: problems.length })}</p>
          <ul>
            {problems.map((problem, i) => (
              <li key={`${problem.lessonId ?? problem.moduleId ?? 'course'}-${i}`}>
                {problem.lessonId ? (
                  <Link to={paths.teach.lesson(course.id, problem.lessonId)}>
                    <PublishProblemText problem={problem} />
                  </Link>
                ) : (
                  <PublishProblemText problem={problem} />
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <ErrorAlert error={publish.error} />
      )}
      <h3>{t('publish.history')}</h3>
      <QueryState
        query={versions}
        isEmpty={(data) => data.items.length === 0}
        empty={<p className="muted">{t('publish.noVersions')}</p>}
      >
        {(data) => (
          <ul className="versions">
            {data.items.map((v) => (
              <li key={v.version}>
                <Link to={paths.teach.version(course.id, v.version)}>
                  {t('authoring.versionN', { version: v.version })}
                </Link>{' '}
                <span className="muted">
                  {t('publish.versionFacts', {
                    date: formatDateTime(v.publishedAt, locale),
                    name: v.publishedBy?.displayName ?? t('publish.someone'),
                    count: v.lessonCount,
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
