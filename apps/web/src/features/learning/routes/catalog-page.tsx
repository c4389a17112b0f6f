import type { Enrolment } from '@dari/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '@/components/alerts';
import { pickText } from '@/components/course/localized';
import { Loading } from '@/components/loading';
import { Page } from '@/components/page';
import { useLocale } from '@/components/use-locale';
import { useMe } from '@/lib/session';
import { useCatalog } from '../api/get-catalog';
import { useMyLearning } from '../api/get-my-learning';
import { useTodo } from '../api/get-todo';
import { LearningLinks } from '../components/learning-links';
import { PercentBar } from '../components/percent-bar';
import { TodoSection } from '../components/todo-section';
import { coursePath, lessonPath } from '../lesson-path';
import { paths } from '@/config/paths';

function MyCourse({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = pickText(enrolment.title, locale);
  const done = enrolment.status === 'completed';
  return (
    <li className="card my-course">
      <h3 lang={title.lang}>
        <Link to={coursePath(enrolment.slug)}>{title.text}</Link>
      </h3>
      {done ? (
        <p className="state-done">
          <span aria-hidden="true">✓ </span>
          {t('learning.mine.finished')}
        </p>
      ) : (
        <PercentBar percent={enrolment.percent} />
      )}
      <div className="button-row">
        {enrolment.next ? (
          <Link className="button button-primary" to={lessonPath(enrolment.slug, enrolment.next.lessonId)}>
            {enrolment.percent > 0 || enrolment.lastActivityAt ? t('learning.mine.continue') : t('learning.mine.start')}
            <span className="visually-hidden">{` — ${title.text}`}</span>
          </Link>
        ) : null}
        {done ? (
          <Link className="button" to={paths.learn.certificates(enrolment.courseId)}>
            {t('learning.mine.certificate')}
            <span className="visually-hidden">{` — ${title.text}`}</span>
          </Link>
        ) : null}
      </div>
    </li>
  );
}

/** The learner's home: their courses with a Continue button, then every published course open to them. */
export function CatalogPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: me } = useMe();
  const catalog = useCatalog();
  const mine = useMyLearning();
  const todo = useTodo();
  const enrolled = new Map((mine.data?.items ?? []).map((e) => [e.courseId, e]));

  // What's due, the learner's courses and the catalogue come together once the first two are known (or
  // failed): a section drawn while the one above it still loads would be pushed down when that one
  // arrives (a layout shift). The catalogue, last on the page, keeps its own loading line. Once shown they
  // stay (the to-do list's own section asks again after an error, and says it is loading meanwhile).
  const settled = !todo.isPending && !mine.isPending;
  const [shown, setShown] = useState(settled);
  if (settled && !shown) setShown(true);
  if (!shown)
    return (
      <Page title={t('home.learn.title', { name: me?.displayName ?? '' })}>
        <p className="lead">{t('home.learn.welcome')}</p>
        <Loading />
      </Page>
    );

  return (
    <Page title={t('home.learn.title', { name: me?.displayName ?? '' })}>
      <p className="lead">{t('home.learn.welcome')}</p>
      <TodoSection />
      <section aria-labelledby="my-learning-title">
        <h2 id="my-learning-title">{t('learning.mine.title')}</h2>
        {mine.isError ? <LoadError error={mine.error} onRetry={() => void mine.refetch()} /> : null}
        {mine.data && mine.data.items.length === 0 ? <p className="muted">{t('learning.mine.empty')}</p> : null}
        {mine.data && mine.data.items.length > 0 ? (
          <ul className="course-cards">
            {mine.data.items.map((enrolment) => (
              <MyCourse key={enrolment.id} enrolment={enrolment} />
            ))}
          </ul>
        ) : null}
        <LearningLinks />
      </section>
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
            const enrolment = enrolled.get(course.id);
            return (
              <li key={course.id} className="card">
                <h3 lang={title.lang}>
                  <Link to={coursePath(course.slug)}>{title.text}</Link>
                </h3>
                {summary.text ? <p lang={summary.lang}>{summary.text}</p> : null}
                <p className="muted">
                  {t('course.facts', { minutes: course.estimatedMinutes, lessons: course.lessonCount })}
                  {course.enrolmentPolicy === 'code' ? ` · ${t('enrolmentPolicies.code')}` : ''}
                </p>
                {enrolment ? (
                  <p className={enrolment.status === 'completed' ? 'state-done' : undefined}>
                    {enrolment.status === 'completed' ? (
                      <>
                        <span aria-hidden="true">✓ </span>
                        {t('learning.mine.finished')}
                      </>
                    ) : (
                      t('learning.catalog.enrolled', { percent: enrolment.percent })
                    )}
                  </p>
                ) : null}
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
