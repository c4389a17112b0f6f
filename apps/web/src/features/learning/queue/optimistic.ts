import type { CourseProgress, LessonProgress } from '@dari/contracts';
import type { OutlineCourse } from '../../../components/course/course-outline';
import type { QueuedEvent } from './event-store';

const isDone = (status: LessonProgress['status'], kind: string) =>
  status === 'completed' || (status === 'skipped' && kind !== 'quiz');

/**
 * The outline as it will be once the waiting events reach the server: the same rules as the server
 * (a content-noted lesson may be skipped, a quiz counts only once passed, sequential locks, percent of
 * required lessons), so the learner sees their offline work at once. The server stays the judge.
 * `course` is the outline (`GET /courses/:slug/outline`) or the whole course: only ids, kinds,
 * `required` and `sequential` are read.
 */
export function applyPending(
  course: OutlineCourse,
  progress: CourseProgress,
  pending: readonly QueuedEvent[],
): CourseProgress {
  const lessons = course.modules.flatMap((m) => m.lessons);
  const ids = new Set(lessons.map((l) => l.id));
  const mine = pending.filter((p) => ids.has(p.event.lessonId));
  if (mine.length === 0) return progress;

  const byId = new Map(progress.lessons.map((l) => [l.lessonId, { ...l }]));
  for (const { event } of mine) {
    const state = byId.get(event.lessonId);
    if (!state) continue;
    switch (event.type) {
      case 'viewed':
      case 'position':
      case 'time_spent':
        if (state.status === 'not_started') state.status = 'in_progress';
        if (event.type === 'position') state.position = event.position;
        if (event.type === 'time_spent') state.timeSpentSeconds += event.seconds;
        break;
      case 'completed':
        state.status = 'completed';
        break;
      case 'skipped':
        if (state.status !== 'completed') state.status = 'skipped';
        break;
      case 'reflection_saved':
        if (event.text.trim()) state.status = 'completed';
        else if (state.status === 'not_started') state.status = 'in_progress';
        break;
      case 'quiz_submitted':
        // Graded on the server only: until it answers, the quiz is "in progress".
        if (state.status === 'not_started') state.status = 'in_progress';
        break;
    }
  }

  let blocked = false;
  const anyRequired = lessons.some((l) => l.required);
  let total = 0;
  let done = 0;
  const next: LessonProgress[] = lessons.map((lesson) => {
    const state = byId.get(lesson.id) ?? {
      lessonId: lesson.id,
      status: 'not_started' as const,
      locked: false,
      timeSpentSeconds: 0,
      bestScore: null,
      passed: null,
      attempts: 0,
      position: null,
    };
    const finished = isDone(state.status, lesson.kind);
    const locked = course.sequential && blocked;
    if (lesson.required && !finished) blocked = true;
    if (lesson.required || !anyRequired) {
      total += 1;
      if (finished) done += 1;
    }
    return { ...state, locked };
  });
  const enrolment = progress.enrolment
    ? {
        ...progress.enrolment,
        percent: Math.max(progress.enrolment.percent, total ? Math.floor((100 * done) / total) : 0),
      }
    : null;
  return { ...progress, enrolment, lessons: next };
}
