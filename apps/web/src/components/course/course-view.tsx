import type { PublishedCourse } from '@dari/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useLocale } from '../use-locale';
import { CourseOutline } from './course-outline';
import { pickText } from './localized';
import { LessonView } from './lesson-view';

/**
 * A published course (or a preview of the draft) as a learner sees it: the outline, and the chosen lesson
 * (?lesson=<id>) with the next and previous ones. Progress and locks come with the lesson player.
 */
export function CourseView({ course }: { course: PublishedCourse }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params] = useSearchParams();
  const lessons = course.modules.flatMap((m) => m.lessons);
  const current = lessons.findIndex((l) => l.id === params.get('lesson'));
  const lesson = current >= 0 ? lessons[current] : undefined;
  const summary = pickText(course.summary, locale);
  const linkTo = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('lesson', id);
    return `?${next.toString()}`;
  };

  return (
    <div className="course-view">
      {summary.text ? (
        <p className="lead" lang={summary.lang}>
          {summary.text}
        </p>
      ) : null}
      <p className="muted">
        {t('course.facts', { minutes: course.estimatedMinutes, lessons: lessons.length })}
        {course.tags.length > 0 ? ` · ${course.tags.map((tag) => t(`courseTags.${tag}`)).join(', ')}` : null}
      </p>
      <CourseOutline course={course} lessonHref={linkTo} currentLessonId={lesson?.id} />
      {lesson ? (
        <>
          <LessonView key={lesson.id} lesson={lesson} facts={course.facts ?? []} />
          <nav className="pager" aria-label={t('course.lessonNav')}>
            {current > 0 ? (
              <Link className="button button-secondary" to={linkTo(lessons[current - 1].id)}>
                {t('course.previousLesson')}
              </Link>
            ) : null}
            {current < lessons.length - 1 ? (
              <Link className="button" to={linkTo(lessons[current + 1].id)}>
                {t('course.nextLesson')}
              </Link>
            ) : null}
          </nav>
        </>
      ) : lessons.length > 0 ? (
        <p>
          <Link className="button button-primary" to={linkTo(lessons[0].id)}>
            {t('course.start')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
