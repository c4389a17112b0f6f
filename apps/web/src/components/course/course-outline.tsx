import type { LessonProgress, LocalizedText } from '@dari/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../use-locale';
import { pickText } from './localized';

type Status = LessonProgress['status'];

// A sign beside the words, never colour alone.
const MARKS: Record<Status | 'locked', string> = {
  completed: '✓',
  in_progress: '◐',
  skipped: '↷',
  not_started: '○',
  locked: '🔒',
};

/**
 * What the outline needs of a course: its modules and each lesson's id, title, kind and `required`.
 * The whole published course (`GET /courses/:slug`) and its outline (`GET /courses/:slug/outline`) both have it.
 */
export interface OutlineCourse {
  sequential: boolean;
  modules: readonly {
    id: string;
    title: LocalizedText;
    lessons: readonly { id: string; title: LocalizedText; kind: string; required: boolean }[];
  }[];
}

interface CourseOutlineProps {
  course: OutlineCourse;
  /** Where each lesson opens. */
  lessonHref: (lessonId: string) => string;
  currentLessonId?: string;
  /** The learner's state of each lesson; without it (a preview), no states are shown. */
  states?: ReadonlyMap<string, LessonProgress>;
  /** A heading level for the title ("Course outline"); the modules get the next one. */
  headingLevel?: 2 | 3;
}

/** The course outline: modules and lessons, and for a learner each lesson's state in words and a sign. */
export function CourseOutline({ course, lessonHref, currentLessonId, states, headingLevel = 2 }: CourseOutlineProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const Title = headingLevel === 2 ? 'h2' : 'h3';
  const ModuleTitle = headingLevel === 2 ? 'h3' : 'h4';
  const lessons = course.modules.flatMap((m) => m.lessons);

  // What stands before a locked lesson: the first required lesson not done yet.
  const blocker = (lessonId: string) => {
    const index = lessons.findIndex((l) => l.id === lessonId);
    const before = lessons.slice(0, index).find((l) => {
      const status = states?.get(l.id)?.status;
      return l.required && !(status === 'completed' || (status === 'skipped' && l.kind !== 'quiz'));
    });
    return before ? pickText(before.title, locale).text : null;
  };

  return (
    <nav className="course-outline card" aria-label={t('course.outline')}>
      <Title>{t('course.outline')}</Title>
      {course.modules.length === 0 ? <p className="muted">{t('course.noLessons')}</p> : null}
      <ol className="outline-modules">
        {course.modules.map((module) => {
          const moduleTitle = pickText(module.title, locale);
          return (
            <li key={module.id}>
              <ModuleTitle lang={moduleTitle.lang}>{moduleTitle.text}</ModuleTitle>
              <ol className="outline-lessons">
                {module.lessons.map((l) => {
                  const title = pickText(l.title, locale);
                  const state = states?.get(l.id);
                  const mark = state ? (state.locked ? 'locked' : state.status) : null;
                  const before = state?.locked ? blocker(l.id) : null;
                  return (
                    <li key={l.id} className={mark ? `outline-state outline-state-${mark}` : undefined}>
                      {mark ? (
                        <span className="outline-mark" aria-hidden="true">
                          {MARKS[mark]}
                        </span>
                      ) : null}
                      <span className="outline-text">
                        <Link
                          to={lessonHref(l.id)}
                          aria-current={l.id === currentLessonId ? 'page' : undefined}
                          lang={title.lang}
                        >
                          {title.text}
                        </Link>{' '}
                        <span className="muted">
                          {mark ? `${t(`learning.status.${mark}`)} · ` : ''}
                          {t(`lessonKinds.${l.kind}`)}
                          {l.required ? '' : ` · ${t('lesson.optional')}`}
                          {state?.bestScore !== null && state?.bestScore !== undefined && l.kind === 'quiz'
                            ? ` · ${t('learning.outline.bestScore', { score: state.bestScore })}`
                            : ''}
                        </span>
                        {before ? (
                          <span className="outline-reason">
                            {t('learning.outline.lockedBecause', { title: before })}
                          </span>
                        ) : null}
                      </span>
                    </li>
                  );
                })}
              </ol>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
