import { outlineModules, type CourseOutline as Outline, type PublishedCourse } from '@dari/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError } from '@/components/alerts';
import { CourseOutline } from '@/components/course/course-outline';
import type { LessonPlayerSlots } from '@/components/course/lesson-view';
import { pickText } from '@/components/course/localized';
import { QuizPlay } from '@/components/course/quiz-play';
import { Loading } from '@/components/loading';
import { Page } from '@/components/page';
import { useLocale } from '@/components/use-locale';
import { useMe } from '@/lib/session';
import { useEnrol } from '../api/enrol';
import { publishedCourseQuery } from '../api/get-course';
import { prefetchLesson, useCourseOutline, useLesson } from '../api/get-lesson';
import { useJournal } from '../api/get-journal';
import { useLastQuizAttempt } from '../api/get-quiz-attempts';
import { FinishScreen } from '../components/finish-screen';
import { LessonLanguageControl } from '../components/lesson-language-control';
import { PlayerLesson } from '../components/player-lesson';
import { ReadingEnd } from '../components/reading-end';
import { ReflectionForm } from '../components/reflection-form';
import { useLearnerProgress, useRecordEvent } from '../hooks/use-learner-course';
import { lessonLanguage, lessonLanguages, useChosenLessonLanguage } from '../lesson-language';
import { paths } from '@/config/paths';
import { coursePath, lessonPath } from '../lesson-path';
import { useLessonEvents } from './use-lesson-events';
import { LessonQuestions } from '../components/lesson-questions';

const isReflection = (course: Outline | undefined, lessonId: string) =>
  Boolean(course?.modules.some((m) => m.lessons.some((l) => l.id === lessonId && l.kind === 'reflection')));

/** The outline of a whole course answer (the fallback below): what GET /courses/:slug/outline would say. */
function outlineOf(course: PublishedCourse): Outline {
  const { facts: _facts, modules, version, ...rest } = course;
  return {
    ...rest,
    version: version ?? 0,
    modules: outlineModules(modules),
  };
}

const wideScreen = () => typeof window.matchMedia === 'function' && window.matchMedia('(min-width: 56rem)').matches;

/** The lesson player: one lesson, the way to the previous and next ones, and the outline. */
export function LessonPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { slug = '', lessonId = '' } = useParams();
  // The outline (titles, kinds, ids: about 3 KiB gzip, 304 while the version is the same) and the lesson
  // itself, its texts as the server rendered them at publish time (no Markdown engine here). The
  // learner's own progress, enrolment and locks come from GET /courses/:slug/progress over the outline.
  const outline = useCourseOutline(slug);
  const shown = useLesson(slug, lessonId);
  const inOutline = Boolean(outline.data?.modules.some((m) => m.lessons.some((l) => l.id === lessonId)));
  // The whole course only when the outline or the lesson answer cannot be had: an offline copy saved
  // before they were kept one by one (its lesson then shows in Markdown, rendered on the phone).
  const whole = useQuery({
    ...publishedCourseQuery(slug),
    enabled: outline.isError || (shown.isError && inOutline),
  });
  const fallbackOutline = useMemo(() => (whole.data ? outlineOf(whole.data) : undefined), [whole.data]);
  const courseData = outline.data ?? fallbackOutline;
  const { progress, state, states, waiting } = useLearnerProgress(slug, courseData);
  const record = useRecordEvent(slug);
  const queryClient = useQueryClient();
  const enrol = useEnrol(slug);
  const journal = useJournal(isReflection(courseData, lessonId));
  const courseId = courseData?.courseId;
  const userId = useMe().data?.id;
  // The language the learner reads this course's lessons in, when they chose one on the page (this tab only).
  const [chosenLanguage, chooseLanguage] = useChosenLessonLanguage(
    courseId ? `${userId ?? 'guest'}.${courseId}` : null,
  );
  // The outline (every lesson of the course) is drawn just after the lesson, in a render React may
  // interrupt: the lesson's text reaches the screen first, in a shorter task, on a slow phone.
  const outlineCourse = useDeferredValue(courseData);

  const lessons = courseData?.modules.flatMap((m) => m.lessons) ?? [];
  const index = lessons.findIndex((l) => l.id === lessonId);
  const lesson = lessons.find((l) => l.id === lessonId);
  const lessonState = lesson ? states.get(lesson.id) : undefined;
  const enrolled = Boolean(state?.enrolment);
  const locked = lessonState?.locked ?? false;
  const active = enrolled && !locked && Boolean(lesson);
  const kind = lesson?.kind;
  // The learner's last graded attempt at this quiz, shown again after a reload (their own only).
  const lastAttempt = useLastQuizAttempt(lesson?.id, active && kind === 'quiz' && (lessonState?.attempts ?? 0) > 0);

  // The next lesson is fetched ahead once this one is here, unless the learner saves data or is on 2G.
  const nextId = index >= 0 && index + 1 < lessons.length ? lessons[index + 1]?.id : undefined;
  const shownReady = shown.isSuccess;
  useEffect(() => {
    if (shownReady && nextId) prefetchLesson(queryClient, slug, nextId);
  }, [queryClient, slug, nextId, shownReady]);

  const { finished, done, skipped, savedPosition, complete, mediaRef, submitQuiz, skip } = useLessonEvents({
    courseId,
    enrolmentStatus: state?.enrolment?.status,
    lesson,
    lessonState,
    active,
    record,
  });

  // The lesson from the whole course's copy, when its own answer failed.
  const wholeLesson = shown.isError
    ? whole.data?.modules.flatMap((m) => m.lessons).find((l) => l.id === lessonId)
    : undefined;
  // The page appears with its lesson, as it did when the text came with the course: not a title first
  // and the text a moment later (a failed lesson answer falls back to the course's copy, below).
  const wholeNeeded = outline.isError || (shown.isError && inOutline);
  if (progress.isPending || shown.isPending || outline.isPending || (wholeNeeded && whole.isPending))
    return <Loading />;
  if (!courseData || progress.isError || (shown.isError && inOutline && !wholeLesson)) {
    const error = progress.error ?? (outline.isError ? outline.error : null) ?? whole.error ?? shown.error;
    return (
      <Page title={t('errorPage.loadTitle')}>
        <LoadError
          error={error}
          onRetry={() => {
            void outline.refetch();
            void shown.refetch();
            void progress.refetch();
            if (wholeNeeded) void whole.refetch();
          }}
        />
        <Link to={paths.learn.home}>{t('catalog.backToList')}</Link>
      </Page>
    );
  }
  const data = courseData;
  const courseTitle = pickText(data.title, locale);
  if (finished) return <FinishScreen courseId={data.courseId} courseTitle={courseTitle.text} slug={data.slug} />;
  if (!lesson) {
    return (
      <Page title={t('learning.player.notFound')}>
        <p>
          <Link to={coursePath(data.slug)}>{t('learning.player.backToCourse', { course: courseTitle.text })}</Link>
        </p>
      </Page>
    );
  }

  // What the lesson says: its own answer (HTML), or the whole course's copy (Markdown) when that failed.
  const content = shown.data?.lesson ?? wholeLesson;
  if (!content) return <Loading />;
  const languages = lessonLanguages(content);
  const lang = lessonLanguage(languages, chosenLanguage, locale);
  const title = pickText(lesson.title, lang);
  const previous = index > 0 ? lessons[index - 1] : undefined;
  const next = index + 1 < lessons.length ? lessons[index + 1] : undefined;
  // One way on: the pager below the lesson (it turns primary once the lesson is done), not a second
  // "다음 수업" inside the lesson as well.

  // What the journal has for this reflection, or what is still waiting to sync.
  const waitingReflection = [...waiting]
    .reverse()
    .find((w) => w.event.lessonId === lesson.id && w.event.type === 'reflection_saved')?.event;
  const savedReflection = journal.data?.items.find((j) => j.lessonId === lesson.id);
  const reflectionInitial =
    waitingReflection?.type === 'reflection_saved'
      ? { text: waitingReflection.text, shared: waitingReflection.shared }
      : savedReflection
        ? { text: savedReflection.text, shared: savedReflection.shared }
        : null;

  // The quiz as the lesson answer has it (HTML texts), or the course's when that answer failed (Markdown).
  const quizContent = content.content;

  const player: LessonPlayerSlots | undefined = active
    ? {
        after:
          lesson.kind === 'reading' || lesson.kind === 'media' ? (
            <>
              <ReadingEnd
                kind={lesson.kind}
                done={done}
                onDone={complete}
                observe={lesson.kind === 'reading'}
                restoreTo={lesson.kind === 'reading' ? savedPosition : null}
              />
            </>
          ) : undefined,
        mediaRef,
        onMediaEnded: complete,
        quiz:
          quizContent.kind === 'quiz' ? (
            <QuizPlay
              key={lesson.id}
              content={quizContent}
              locale={lang}
              onSubmit={submitQuiz}
              best={
                lessonState
                  ? { score: lessonState.bestScore, passed: lessonState.passed, attempts: lessonState.attempts }
                  : undefined
              }
              last={lastAttempt.data ?? null}
            />
          ) : undefined,
        reflection:
          lesson.kind === 'reflection' && !journal.isLoading ? (
            <>
              <ReflectionForm key={lesson.id} lessonId={lesson.id} initial={reflectionInitial} record={record} />
            </>
          ) : undefined,
        contentNote: { memoryKey: userId ? `${userId}.${lesson.id}` : null, finished: done },
        onSkip: lesson.hasContentNote ? skip : undefined,
        skipped: skipped ? (
          <div className="content-note" role="status">
            <p>
              <strong>{t('learning.player.skippedTitle')}</strong>
            </p>
            <p>{t('learning.player.skippedBody')}</p>
            {next ? null : (
              <p>
                <Link to={coursePath(data.slug)}>
                  {t('learning.player.backToCourse', { course: courseTitle.text })}
                </Link>
              </p>
            )}
          </div>
        ) : undefined,
      }
    : undefined;

  return (
    <Page title={title.text} className="lesson-page">
      <p className="player-course">
        <Link to={coursePath(data.slug)} lang={courseTitle.lang}>
          {t('learning.player.backToCourse', { course: courseTitle.text })}
        </Link>
      </p>
      <div className="player-progress">
        <span>{t('learning.player.position', { current: index + 1, total: lessons.length })}</span>
        <progress max={lessons.length} value={index + 1} aria-hidden="true" />
        {lessonState && lessonState.status !== 'not_started' ? (
          <span className="muted">{t(`learning.status.${lessonState.status}`)}</span>
        ) : null}
      </div>
      <details className="player-outline" open={wideScreen()}>
        <summary>{t('learning.player.outline')}</summary>
        {outlineCourse ? (
          <CourseOutline
            course={outlineCourse}
            lessonHref={(id) => lessonPath(outlineCourse.slug, id)}
            currentLessonId={lesson.id}
            states={enrolled ? states : undefined}
            headingLevel={2}
          />
        ) : null}
      </details>
      {!enrolled ? (
        <div className="alert alert-info">
          <p>{t('learning.player.notEnrolled')}</p>
          <button
            type="button"
            className="button button-primary"
            disabled={enrol.isPending}
            onClick={() => enrol.mutate(undefined)}
          >
            {t('learning.enrol.submit')}
          </button>
          {enrol.isError ? (
            <p>
              <Link to={coursePath(data.slug)}>{t('learning.player.enrolOnCourse')}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {locked ? (
        <div className="alert alert-info locked-note">
          <p>
            <span aria-hidden="true">🔒 </span>
            {t('learning.player.locked')}
          </p>
          <p>
            <Link to={coursePath(data.slug)}>{t('learning.player.backToCourse', { course: courseTitle.text })}</Link>
          </p>
        </div>
      ) : (
        <>
          <LessonLanguageControl
            languages={languages}
            value={lang}
            onChange={chooseLanguage}
            interfaceLocale={locale}
          />
          {shown.data ? (
            <PlayerLesson
              key={lesson.id}
              lesson={shown.data.lesson}
              lang={lang}
              player={player}
              facts={shown.data.facts}
            />
          ) : (
            // No lesson answer (offline with a copy saved before lessons were kept one by one, or the
            // version changed under the page): the course answer's Markdown, rendered on the phone.
            <PlayerLesson
              key={lesson.id}
              lesson={content}
              lang={lang}
              player={player}
              facts={whole.data?.facts ?? []}
              format="markdown"
            />
          )}
        </>
      )}
      {enrolled && !locked ? <LessonQuestions lessonId={lesson.id} /> : null}
      <nav className="pager" aria-label={t('course.lessonNav')}>
        {previous ? (
          <Link className="button button-secondary" to={lessonPath(data.slug, previous.id)}>
            {t('course.previousLesson')}
          </Link>
        ) : null}
        {next ? (
          <Link className={done || skipped ? 'button button-primary' : 'button'} to={lessonPath(data.slug, next.id)}>
            {t('course.nextLesson')}
          </Link>
        ) : (
          <Link className="button" to={coursePath(data.slug)}>
            {t('learning.player.toOverview')}
          </Link>
        )}
      </nav>
    </Page>
  );
}
