import type { LessonProgress, LearningEvent } from '@dari/contracts';
import { useCallback, useMemo } from 'react';
import { usePublishedCourse } from '../api/get-course';
import { useCourseProgress } from '../api/get-progress';
import { applyPending } from '../queue/optimistic';
import { learningQueue, usePendingEvents } from '../queue/learning-queue';

/**
 * A course as this learner has it: the published content, their progress with the events still
 * waiting on the phone already applied, and each lesson's state by id.
 */
export function useLearnerCourse(slug: string) {
  const course = usePublishedCourse(slug);
  const progress = useCourseProgress(slug);
  const pending = usePendingEvents();
  const state = useMemo(
    () => (course.data && progress.data ? applyPending(course.data, progress.data, pending) : undefined),
    [course.data, progress.data, pending],
  );
  const states = useMemo(
    () => new Map<string, LessonProgress>((state?.lessons ?? []).map((l) => [l.lessonId, l])),
    [state],
  );
  const waiting = useMemo(() => {
    const ids = new Set(course.data?.modules.flatMap((m) => m.lessons.map((l) => l.id)) ?? []);
    return pending.filter((p) => ids.has(p.event.lessonId));
  }, [course.data, pending]);
  return { course, progress, state, states, waiting };
}

/** Records a learning event of this course: stored on the phone first, then sent. */
export function useRecordEvent(slug: string) {
  return useCallback((event: LearningEvent) => learningQueue().record(event, slug), [slug]);
}
