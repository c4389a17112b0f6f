import type { LessonProgress, OutlineLesson } from '@dari/contracts';
import { useCallback, useEffect, useRef, useState, type RefCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuizAnswers, QuizOutcome } from '@/components/course/quiz-outcome';
import type { useRecordEvent } from '../hooks/use-learner-course';
import { useLessonTracking } from '../hooks/use-lesson-tracking';
import type { EventResult } from '../queue/event-queue';
import { learningQueue, newEvent } from '../queue/learning-queue';

interface LessonEventsInput {
  courseId: string | undefined;
  /** The enrolment's status as the page last saw it (the finish line is its change to completed). */
  enrolmentStatus: string | undefined;
  /** The lesson as the outline has it (its id and kind are all that is read). */
  lesson: Pick<OutlineLesson, 'id' | 'kind'> | undefined;
  lessonState: LessonProgress | undefined;
  /** Enrolled, not locked, and the lesson exists: only then is anything recorded. */
  active: boolean;
  record: ReturnType<typeof useRecordEvent>;
}

/**
 * What the lesson player records, and when: viewed on opening, position while reading or watching,
 * completed once, a quiz submission (answered now or when the phone is back online), a skip; and the
 * finish line when the server says the enrolment just became complete. The page only renders.
 */
export function useLessonEvents({ courseId, enrolmentStatus, lesson, lessonState, active, record }: LessonEventsInput) {
  const { t } = useTranslation();
  const [finished, setFinished] = useState(false);
  const [skippedId, setSkippedId] = useState<string | null>(null);
  const completedIds = useRef(new Set<string>());
  const viewedId = useRef<string | null>(null);
  const media = useRef<HTMLMediaElement | null>(null);
  const status = useRef(enrolmentStatus);
  status.current = enrolmentStatus;
  const done = lessonState?.status === 'completed';
  const kind = lesson?.kind;

  // The finish line: an answer from the server saying this enrolment just became complete.
  useEffect(() => {
    if (!courseId) return undefined;
    return learningQueue().onAnswer((answer) => {
      const enrolment = answer.enrolments.find((e) => e.courseId === courseId);
      if (enrolment?.status === 'completed' && status.current !== 'completed') setFinished(true);
    });
  }, [courseId]);

  useEffect(() => {
    if (!active || !lesson || viewedId.current === lesson.id) return;
    viewedId.current = lesson.id;
    void record(newEvent('viewed', lesson.id, {}));
  }, [active, lesson, record]);

  const complete = useCallback(() => {
    if (!active || !lesson || done || completedIds.current.has(lesson.id)) return;
    completedIds.current.add(lesson.id);
    void record(newEvent('completed', lesson.id, {}));
  }, [active, lesson, done, record]);

  const position = useCallback(() => {
    if (kind === 'media') return media.current ? media.current.currentTime : null;
    if (kind === 'reading') return window.scrollY;
    return null;
  }, [kind]);
  useLessonTracking({
    enabled: active,
    lessonId: lesson?.id ?? '',
    record,
    position,
    initialPosition: lessonState?.position ?? null,
    minChange: kind === 'media' ? 2 : 50,
  });

  const savedPosition = lessonState?.status === 'in_progress' ? lessonState.position : null;
  const mediaRef: RefCallback<HTMLMediaElement> = useCallback(
    (el) => {
      media.current = el;
      if (el && savedPosition && savedPosition > 0) {
        const restore = () => {
          if (el.duration && savedPosition < el.duration - 1) el.currentTime = savedPosition;
        };
        if (el.readyState >= 1) restore();
        else el.addEventListener('loadedmetadata', restore, { once: true });
      }
    },
    // Restore once per lesson, not each time the saved position moves on.
    [lesson?.id],
  );

  const submitQuiz = useCallback(
    async (answers: QuizAnswers, later: (outcome: QuizOutcome) => void): Promise<QuizOutcome> => {
      if (!lesson) return { state: 'queued' };
      const event = newEvent('quiz_submitted', lesson.id, { answers });
      const toOutcome = (result: EventResult): QuizOutcome =>
        result.quiz
          ? { state: 'graded', ...result.quiz }
          : {
              state: 'refused',
              message: t(
                result.status === 'duplicate'
                  ? 'learning.quiz.duplicate'
                  : `learning.refused.${result.reason ?? 'unknown'}`,
              ),
            };
      const outcome = await record(event);
      if (outcome.state === 'answered') return toOutcome(outcome.result);
      const off = learningQueue().onAnswer((answer) => {
        const result = answer.results.find((r) => r.id === event.id);
        if (!result) return;
        off();
        later(toOutcome(result));
      });
      return { state: 'queued' };
    },
    [lesson, record, t],
  );

  const skip = useCallback(() => {
    if (!lesson) return;
    setSkippedId(lesson.id);
    if (lessonState?.status !== 'completed') void record(newEvent('skipped', lesson.id, {}));
  }, [lesson, lessonState?.status, record]);

  return {
    /** The server said the course is complete: show the finish screen. */
    finished,
    done,
    skipped: Boolean(lesson) && skippedId === lesson?.id,
    savedPosition,
    complete,
    mediaRef,
    submitQuiz,
    skip,
  };
}
