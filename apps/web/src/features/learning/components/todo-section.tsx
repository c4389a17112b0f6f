import type { Locale, Todo, TodoCohort, TodoCourse } from '@dari/contracts';
import type { TFunction } from 'i18next';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '@/components/alerts';
import { pickText } from '@/components/course/localized';
import { Loading } from '@/components/loading';
import { useLocale } from '@/components/use-locale';
import { lazyWithAreas } from '@/i18n';
import { formatKoreaDate, formatKoreaDateTime } from '@/lib/korea-time';
import { useTodo } from '../api/get-todo';
import { lessonPath, coursePath } from '../lesson-path';

// A cohort's announcements come after its dates, loaded with their own code and words (the 'inbox' area):
// home is the first page, and the inbox's item (its HTML renderer, marking read) would otherwise weigh on
// every learner's first load.
const MyAnnouncements = lazyWithAreas(['inbox'], () =>
  import('@/features/inbox').then((m) => ({ default: m.MyAnnouncements })),
);

/** A calendar day (YYYY-MM-DD, a Korea day) in the reader's language. */
const formatDueDay = (day: string, locale: Locale) => formatKoreaDate(`${day}T12:00:00+09:00`, locale);

/** Days left in plain, kind words: "2 days left", "due today", past it a calm "you can carry on". */
export function daysLeftText(t: TFunction, daysLeft: number): string {
  if (daysLeft < 0) return t('due.overdue');
  if (daysLeft === 0) return t('due.dueToday');
  if (daysLeft === 1) return t('due.dueTomorrow');
  return t('due.daysLeft', { count: daysLeft });
}

function TodoCourseItem({ item }: { item: TodoCourse }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = pickText(item.title, locale);
  const done = item.status === 'completed';
  return (
    <li className="card todo-course">
      <h3 lang={title.lang}>
        <Link to={coursePath(item.slug)}>{title.text}</Link>
      </h3>
      <p className={done ? 'state-done' : undefined}>
        {done ? (
          <>
            <span aria-hidden="true">✓ </span>
            {t('due.done')}
          </>
        ) : item.dueOn !== null && item.daysLeft !== null ? (
          <>
            <strong>{daysLeftText(t, item.daysLeft)}</strong>
            <span className="muted"> · {t('due.dueOn', { date: formatDueDay(item.dueOn, locale) })}</span>
          </>
        ) : (
          <span className="muted">{t('due.noDueDate')}</span>
        )}
      </p>
      {!done && item.next ? (
        <div className="button-row">
          <Link className="button button-primary" to={lessonPath(item.slug, item.next.lessonId)}>
            {item.next.started ? t('due.continue') : t('due.start')}
            <span className="visually-hidden">{` — ${title.text}`}</span>
          </Link>
        </div>
      ) : null}
    </li>
  );
}

function TodoCohortItem({ cohort }: { cohort: TodoCohort }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <li className="card todo-cohort">
      <h3>{cohort.name}</h3>
      {cohort.startsOn || cohort.endsOn ? (
        <p className="muted">
          {t('due.cohortDates', {
            from: cohort.startsOn ? formatDueDay(cohort.startsOn, locale) : '…',
            to: cohort.endsOn ? formatDueDay(cohort.endsOn, locale) : '…',
          })}
        </p>
      ) : null}
      {cohort.sessions.length > 0 ? (
        <>
          <h4>{t('due.sessions')}</h4>
          <ul className="todo-sessions">
            {cohort.sessions.map((s) => (
              <li key={s.id}>
                <time dateTime={s.startsAt}>{formatKoreaDateTime(s.startsAt, locale)}</time> {s.title}
                {s.place ? <span className="muted"> · {t('due.place', { place: s.place })}</span> : null}
                {s.notes ? <p className="muted">{s.notes}</p> : null}
              </li>
            ))}
          </ul>
          <p className="muted">{t('due.koreaTime')}</p>
        </>
      ) : null}
      <Suspense fallback={null}>
        <MyAnnouncements target={{ kind: 'cohort', id: cohort.id }} headingLevel={4} />
      </Suspense>
    </li>
  );
}

function TodoList({ todo }: { todo: Todo }) {
  const { t } = useTranslation();
  if (todo.courses.length === 0 && todo.cohorts.length === 0) return <p className="muted">{t('due.empty')}</p>;
  return (
    <>
      {todo.courses.length > 0 ? (
        <ul className="course-cards">
          {todo.courses.map((item) => (
            <TodoCourseItem key={item.courseId} item={item} />
          ))}
        </ul>
      ) : null}
      {todo.cohorts.length > 0 ? (
        <ul className="course-cards">
          {todo.cohorts.map((c) => (
            <TodoCohortItem key={c.id} cohort={c} />
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** The learner's home starts with this: what's due, the nearest first, and their cohorts' dates and sessions. */
export function TodoSection() {
  const { t } = useTranslation();
  const todo = useTodo();
  return (
    <section aria-labelledby="todo-title">
      <h2 id="todo-title">{t('due.title')}</h2>
      {todo.isPending ? <Loading /> : null}
      {todo.isError ? <LoadError error={todo.error} onRetry={() => void todo.refetch()} /> : null}
      {todo.data ? <TodoList todo={todo.data} /> : null}
    </section>
  );
}

/** The course page's due date, when the learner's cohort gave one: "Due 9 Dec 2026 · 2 days left". */
export function CourseDueLine({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const todo = useTodo();
  const item = todo.data?.courses.find((c) => c.slug === slug);
  if (!item || item.dueOn === null || item.daysLeft === null || item.status === 'completed') return null;
  return (
    <p className="course-due">
      {t('due.coursePage', { date: formatDueDay(item.dueOn, locale), left: daysLeftText(t, item.daysLeft) })}
    </p>
  );
}
