import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError } from '@/components/alerts';
import { CourseOutline } from '@/components/course/course-outline';
import { pickText } from '@/components/course/localized';
import { Loading } from '@/components/loading';
import { Page } from '@/components/page';
import { useLocale } from '@/components/use-locale';
import { MyAnnouncements, useMyAnnouncements } from '@/features/inbox';
import { useMe } from '@/lib/session';
import { useCatalog } from '../api/get-catalog';
import { CourseLanguages } from '../components/course-languages';
import { EnrolPanel } from '../components/enrol-panel';
import { LearningLinks } from '../components/learning-links';
import { SaveOffline } from '../components/save-offline';
import { CourseDueLine } from '../components/todo-section';
import { useTodo } from '../api/get-todo';
import { useLearnerCourse } from '../hooks/use-learner-course';
import { lessonPath } from '../lesson-path';
import { paths } from '@/config/paths';

/** How long the course page waits, once the course and its progress are there, for the due date and announcements. */
const WAIT_FOR_EXTRAS_MS = 1500;

/** A course's overview: what it is, enrolment, and the outline with the state of each lesson. */
export function CoursePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { slug = '' } = useParams();
  const { data: me } = useMe();
  const { course, progress, state, states } = useLearnerCourse(slug);
  const catalog = useCatalog();
  const policy = catalog.data?.items.find((c) => c.slug === slug)?.enrolmentPolicy;
  // An enrolled learner's due date and newest announcements are drawn above the outline. The page waits
  // for them (or their failure) so they do not push the outline down when they come, but not for long:
  // on a slow link the course comes first, WAIT_FOR_EXTRAS_MS after its own answers at the most.
  const enrolled = Boolean(state?.enrolment);
  const todo = useTodo({ enabled: enrolled });
  const announcements = useMyAnnouncements(
    { kind: 'course', id: course.data?.courseId ?? '' },
    { enabled: enrolled && course.isSuccess },
  );
  const ready = course.isSuccess && progress.isSuccess;
  // The course (by slug) whose wait is over: another course opened from this page waits again.
  const [waitedFor, setWaitedFor] = useState<string>();
  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(() => setWaitedFor(slug), WAIT_FOR_EXTRAS_MS);
    return () => clearTimeout(timer);
  }, [ready, slug]);
  const waitedEnough = waitedFor === slug;

  if (course.isPending || progress.isPending) return <Loading />;
  if (course.isError || progress.isError) {
    const error = course.error ?? progress.error;
    return (
      <Page title={t('errorPage.loadTitle')}>
        <LoadError
          error={error}
          onRetry={() => {
            void course.refetch();
            void progress.refetch();
          }}
        />
        <Link to={paths.learn.home}>{t('catalog.backToList')}</Link>
      </Page>
    );
  }
  const data = course.data;
  const summary = pickText(data.summary, locale);
  const lessons = data.modules.flatMap((m) => m.lessons);
  if (enrolled && !waitedEnough && (todo.isLoading || announcements.isLoading)) return <Loading />;

  return (
    <Page title={pickText(data.title, locale).text}>
      <p>
        <Link to={paths.learn.home}>{t('catalog.backToList')}</Link>
      </p>
      {summary.text ? (
        <p className="lead" lang={summary.lang}>
          {summary.text}
        </p>
      ) : null}
      <p className="muted">
        {t('course.facts', { minutes: data.estimatedMinutes, lessons: lessons.length })}
        {data.tags.length > 0 ? ` · ${data.tags.map((tag) => t(`courseTags.${tag}`)).join(', ')}` : null}
        {data.sequential ? ` · ${t('learning.course.sequential')}` : null}
      </p>
      {enrolled ? <CourseDueLine slug={data.slug} /> : null}
      <CourseLanguages course={data} />
      {state ? <EnrolPanel course={data} progress={state} policy={policy} /> : null}
      {enrolled && me ? <SaveOffline userId={me.id} course={data} /> : null}
      {enrolled ? <MyAnnouncements target={{ kind: 'course', id: data.courseId }} headingLevel={2} /> : null}
      <CourseOutline
        course={data}
        lessonHref={(id) => lessonPath(data.slug, id)}
        states={enrolled ? states : undefined}
      />
      {enrolled ? <LearningLinks /> : null}
    </Page>
  );
}
