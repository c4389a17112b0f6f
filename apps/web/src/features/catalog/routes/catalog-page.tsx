import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../../../components/alerts';
import { pickText } from '../../../components/course/localized';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { useLocale } from '../../../components/use-locale';
import { useMe } from '../../../lib/session';
import { useCatalog } from '../api/get-catalog';

/** The learner's home: the published courses open to them. Enrolment and progress come later. */
export function CatalogPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: me } = useMe();
  const catalog = useCatalog();

  return (
    <Page title={t('home.learn.title', { name: me?.displayName ?? '' })}>
      <p className="lead">{t('home.learn.welcome')}</p>
      <h2>{t('catalog.title')}</h2>
      {catalog.isPending ? <Loading /> : null}
      {catalog.isError ? <LoadError error={catalog.error} onRetry={() => void catalog.refetch()} /> : null}
      {catalog.data && catalog.data.items.length === 0 ? (
        <section className="card empty-state" aria-labelledby="empty-state-title">
          <h3 id="empty-state-title">{t('home.learn.emptyTitle')}</h3>
          <p>{t('home.learn.emptyBody')}</p>
        </section>
      ) : null}
      {catalog.data && catalog.data.items.length > 0 ? (
        <ul className="course-cards">
          {catalog.data.items.map((course) => {
            const title = pickText(course.title, locale);
            const summary = pickText(course.summary, locale);
            return (
              <li key={course.id} className="card">
                <h3 lang={title.lang}>
                  <Link to={`/learn/courses/${encodeURIComponent(course.slug)}`}>{title.text}</Link>
                </h3>
                {summary.text ? <p lang={summary.lang}>{summary.text}</p> : null}
                <p className="muted">{t('course.facts', { minutes: course.estimatedMinutes, lessons: course.lessonCount })}</p>
                {course.tags.length > 0 ? (
                  <ul className="tags" aria-label={t('course.tags')}>
                    {course.tags.map((tag) => (
                      <li key={tag} className="badge">
                        {t(`courseTags.${tag}`)}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </Page>
  );
}
