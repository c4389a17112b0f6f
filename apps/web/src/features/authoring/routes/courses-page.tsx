import { COURSE_STATUSES, type AuthorCourseSummary } from '@dari/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pickText } from '@/components/course/localized';
import { Page } from '@/components/page';
import { Pager, pageCount } from '@/components/pager';
import { QueryState } from '@/components/query-state';
import { paths } from '@/config/paths';
import { useLocale } from '@/components/use-locale';
import { formatDateTime } from '@/lib/format';
import { useMe } from '@/lib/session';
import { readChoice, readPage, readText, useUrlFilters } from '@/lib/use-url-filters';
import { useAuthorCourses, type AuthorCoursesFilter } from '../api/list-courses';
import { FactsToReview } from '../components/facts-to-review';
import { ImportBundle } from '../components/import-bundle';

const PAGE_SIZE = 20;
type Status = AuthorCourseSummary['status'];

function readFilter(params: URLSearchParams): AuthorCoursesFilter {
  return {
    q: readText(params, 'q', 100),
    status: readChoice<Status>(params, 'status', COURSE_STATUSES),
    page: readPage(params),
    pageSize: PAGE_SIZE,
  };
}

/** Instructors' and admins' courses to edit; managers see the same list to read. */
export function CoursesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const { data: me } = useMe();
  const { filter, formKey, onSearch, goToPage } = useUrlFilters(readFilter);
  const courses = useAuthorCourses(filter);
  const canCreate = me?.role === 'instructor' || me?.role === 'admin';
  const pages = pageCount(courses.data);

  return (
    <Page title={me?.role === 'manager' ? t('authoring.coursesTitleManager') : t('authoring.coursesTitle')}>
      {canCreate ? (
        <div className="button-row">
          <Link to={paths.teach.newCourse} className="button button-primary">
            {t('authoring.newCourse')}
          </Link>
        </div>
      ) : (
        <p className="alert alert-info">{t('authoring.readOnly')}</p>
      )}
      <form key={formKey} onSubmit={onSearch} role="search" className="filters" aria-label={t('authoring.findCourses')}>
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
      <QueryState query={courses}>
        {(data) => (
          <>
            <p role="status" className="muted">
              {t('authoring.count', { count: data.total })}
            </p>
            {data.items.length === 0 ? (
              <section className="card empty-state">
                <p>{filter.q || filter.status ? t('authoring.noMatch') : t('home.teach.emptyBody')}</p>
              </section>
            ) : (
              <ul className="course-cards">
                {data.items.map((course) => {
                  const title = pickText(course.title, locale);
                  return (
                    <li key={course.id} className="card">
                      <h2 lang={title.lang}>
                        <Link to={paths.teach.course(course.id)}>{title.text || course.slug}</Link>
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
            <Pager
              label={t('adminUsers.pagesLabel')}
              page={filter.page}
              pages={pages}
              status={t('adminUsers.pageOf', { page: filter.page, pages })}
              onPage={goToPage}
            />
          </>
        )}
      </QueryState>
      {canCreate ? <ImportBundle /> : null}
      {canCreate ? <FactsToReview /> : null}
    </Page>
  );
}
