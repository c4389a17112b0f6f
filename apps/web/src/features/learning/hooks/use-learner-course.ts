import type { LessonProgress, LearningEvent } from '@dari/contracts';
import { useCallback, useMemo } from 'react';
import type { OutlineCourse } from '@/components/course/course-outline';
import { usePublishedCourse } from '../api/get-course';
import { useCourseProgress } from '../api/get-progress';
import { applyPending } from '../queue/optimistic';
import { learningQueue, usePendingEvents } from '../queue/learning-queue';

/**
 * This learner's progress in a course, over its outline (`course`: the outline answer or the whole
 * course, whichever the page has): their progress with the events still waiting on the phone already
 * applied, each lesson's state by id (locks included), and the events still waiting for this course.
 */
export function useLearnerProgress(slug: string, course: OutlineCourse | undefined) {
  const progress = useCourseProgress(slug);
  const pending = usePendingEvents();
  const state = useMemo(
    () => (course && progress.data ? applyPending(course, progress.data, pending) : undefined),
    [course, progress.data, pending],
  );
  const states = useMemo(
    () => new Map<string, LessonProgress>((state?.lessons ?? []).map((l) => [l.lessonId, l])),
    [state],
  );
  const waiting = useMemo(() => {
    const ids = new Set(course?.modules.flatMap((m) => m.lessons.map((l) => l.id)) ?? []);
    return pending.filter((p) => ids.has(p.event.lessonId));
  }, [course, pending]);
  return { progress, state, states, waiting };
}

/**
 * A course as this learner has it: the published content (every lesson: the course page, which offers
 * "save for offline"), and their progress as useLearnerProgress gives it. The lesson page reads the
 * outline instead (routes/lesson-page.tsx).
 */
export function useLearnerCourse(slug: string) {
  const course = usePublishedCourse(slug);
  return { course, ...useLearnerProgress(slug, course.data) };
}

/** Records a learning event of this course: stored on the phone first, then sent. */
export function useRecordEvent(slug: string) {
  return useCallback((event: LearningEvent) => learningQueue().record(event, slug), [slug]);
}
