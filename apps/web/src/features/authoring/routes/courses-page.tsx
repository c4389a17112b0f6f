import { COURSE_STATUSES, type AuthorCourseSummary } from '@dari/contracts';
import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoadError } from '../../../components/alerts';
import { pickText } from '../../../components/course/localized';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { useLocale } from '../../../components/use-locale';
import { formatDateTime } from '../../../lib/format';
import { useMe } from '../../../lib/session';
import { useAuthorCourses, type AuthorCoursesFilter } from '../api/list-courses';
import { FactsToReview } from '../components/facts-to-review';
import { ImportBundle } from '../components/import-bundle';

const PAGE_SIZE = 20;
type Status = AuthorCourseSummary['status'];

function readFilter(params: URLSearchParams): AuthorCoursesFilter {
  const status = params.get('status');
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const q = (params.get('q') ?? '').trim().slice(0, 100);
  return {
    q: q || undefined,
    status: (COURSE_STATUSES as readonly string[]).includes(status ?? '') ? (status as Status) : undefined,
    page: Number.isFinite(page) && page >= 1 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

/** Instructors' and admins' courses to edit; managers see the same list to read. */
export function CoursesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const courses = useAuthorCourses(filter);
  const canCreate = me?.role === 'instructor' || me?.role === 'admin';
  const pages = courses.data ? Math.max(1, Math.ceil(courses.data.total / courses.data.pageSize)) : 1;

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === 'string' && value.trim()) next.set(key, value.trim());
    }
    setParams(next);
  };
  const goTo = (page: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(page));
    setParams(next);
  };

  return (
    <Page title={me?.role === 'manager' ? t('authoring.coursesTitleManager') : t('authoring.coursesTitle')}>
      {canCreate ? (
        <div className="button-row">
          <Link to="/teach/new" className="button button-primary">
            {t('authoring.newCourse')}
          </Link>
        </div>
      ) : (
        <p className="alert alert-info">{t('authoring.readOnly')}</p>
      )}
      <form
        key={params.toString()}
        onSubmit={onSearch}
        role="search"
        className="filters"
        aria-label={t('authoring.findCourses')}
      >
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('authoring.search')}</label>
          <input id={`${id}-q`} name="q" type="search" defaultValue={filter.q ?? ''} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('fields.status')}</label>
          <select id={`${id}-status`} name="status" defaultValue={filter.status ?? ''}>
            <option value="">{t('authoring.allStatuses')}</option>
            {COURSE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`courseStatuses.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('authoring.searchSubmit')}
        </button>
      </form>
      {courses.isPending ? <Loading /> : null}
      {courses.isError ? <LoadError error={courses.error} onRetry={() => void courses.refetch()} /> : null}
      {courses.data ? (
        <>
          <p role="status" className="muted">
            {t('authoring.count', { count: courses.data.total })}
          </p>
          {courses.data.items.length === 0 ? (
            <section className="card empty-state">
              <p>{filter.q || filter.status ? t('authoring.noMatch') : t('home.teach.emptyBody')}</p>
            </section>
          ) : (
            <ul className="course-cards">
              {courses.data.items.map((course) => {
                const title = pickText(course.title, locale);
                return (
                  <li key={course.id} className="card">
                    <h2 lang={title.lang}>
                      <Link to={`/teach/courses/${course.id}`}>{title.text || course.slug}</Link>
                    </h2>
                    <p>
                      <span className={`badge badge-${course.status}`}>{t(`courseStatuses.${course.status}`)}</span>{' '}
                      {course.hasUnpublishedChanges && course.latestVersion !== null ? (
                        <span className="badge">{t('authoring.unpublishedChanges')}</span>
                      ) : null}
                    </p>
                    <p className="muted">
                      {t('authoring.updatedAt', { date: formatDateTime(course.updatedAt, locale) })}
                      {course.latestVersion !== null
                        ? ` · ${t('authoring.versionN', { version: course.latestVersion })}`
                        : null}
                    </p>
                  </li>
                );
              })}
            </ul>
          )}
          {pages > 1 ? (
            <nav className="pager" aria-label={t('adminUsers.pagesLabel')}>
              <button
                type="button"
                className="button button-secondary"
                disabled={filter.page <= 1}
                onClick={() => goTo(filter.page - 1)}
              >
                {t('common.previous')}
              </button>
              <span>{t('adminUsers.pageOf', { page: filter.page, pages })}</span>
              <button
                type="button"
                className="button button-secondary"
                disabled={filter.page >= pages}
                onClick={() => goTo(filter.page + 1)}
              >
                {t('common.next')}
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
      {canCreate ? <ImportBundle /> : null}
      {canCreate ? <FactsToReview /> : null}
    </Page>
  );
}
