import type { EntityManager } from 'typeorm';

const SHARDS = 16;
/** The learner's shard: many learners on one lesson spread over 16 counter rows instead of queueing on one. */
export const shardOf = (userId: string) => Number.parseInt(userId.slice(0, 8), 16) % SHARDS;
const DONE = new Set(['completed', 'skipped']);

/** A lesson's status for one learner before and after an event (null: no row). */
export interface StatusChange {
  before: string | null;
  after: string | null;
}

/**
 * Keeps the per-lesson funnel (started, completed) in step with lesson_progress, in the same
 * transaction as the event. The enrolment lock serialises one learner's events, so each transition
 * is counted once. Answers whether the lesson became done with this event.
 */
export async function bumpLessonStats(
  m: EntityManager,
  lessonId: string,
  courseId: string,
  userId: string,
  { before, after }: StatusChange,
): Promise<boolean> {
  if (after === null) return false;
  const started = before === null ? 1 : 0;
  const completed = !DONE.has(before ?? '') && DONE.has(after) ? 1 : 0;
  if (!started && !completed) return false;
  await m.query(
    `INSERT INTO lesson_stats (lesson_id, shard, course_id, started, completed) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (lesson_id, shard) DO UPDATE SET started = lesson_stats.started + $4, completed = lesson_stats.completed + $5`,
    [lessonId, shardOf(userId), courseId, started, completed],
  );
  return completed === 1;
}

/** One more answer per graded question of a submitted quiz, and whether it was right. */
export async function bumpQuestionStats(
  m: EntityManager,
  lessonId: string,
  courseId: string,
  userId: string,
  correct: Record<string, boolean>,
): Promise<void> {
  const keys = Object.keys(correct);
  if (!keys.length) return;
  await m.query(
    `INSERT INTO question_stats (lesson_id, question_key, shard, course_id, answers, correct)
     SELECT $1, k.key, $2, $3, 1, CASE WHEN k.ok THEN 1 ELSE 0 END FROM unnest($4::text[], $5::boolean[]) AS k(key, ok)
     ON CONFLICT (lesson_id, question_key, shard) DO UPDATE SET answers = question_stats.answers + 1, correct = question_stats.correct + EXCLUDED.correct`,
    [lessonId, shardOf(userId), courseId, keys, keys.map((k) => correct[k])],
  );
}
