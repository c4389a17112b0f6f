import { type Db, run, statement } from '../database/sql.js';

/* "My results": read-only statements over the learner's own rows. apps/api/sql/results.sql shows each whole. */

export interface ResultCourseRow {
  course_id: string;
  slug: string;
  version: number;
  percent: number;
  completed_at: Date | null;
}
/** The courses the learner `$1` is in (not withdrawn) and their latest published version, most recent activity first. */
const myCoursesSql = statement<ResultCourseRow, [learnerId: string]>(
  'results.myCourses',
  `SELECT e.course_id, c.slug, c.latest_version AS version, e.percent, e.completed_at
     FROM enrolments e
     JOIN courses c ON c.id = e.course_id
    WHERE e.user_id = $1 AND e.status <> 'withdrawn' AND c.latest_version IS NOT NULL
    ORDER BY e.last_activity_at DESC NULLS LAST, e.enrolled_at DESC`,
);
export const myCourses = (db: Db, learnerId: string) => run(db, myCoursesSql, [learnerId]);

export interface ResultProgressRow {
  lesson_id: string;
  status: 'not_started' | 'in_progress' | 'completed' | 'skipped';
  best_score: number | null;
  passed: boolean | null;
}
/** The learner `$1`'s standing in each lesson of the courses `$2`. */
const myLessonProgressSql = statement<ResultProgressRow, [learnerId: string, courseIds: string[]]>(
  'results.myLessonProgress',
  `SELECT lp.lesson_id, lp.status, lp.best_score, lp.passed
     FROM lesson_progress lp
    WHERE lp.user_id = $1 AND lp.course_id = ANY($2::uuid[])`,
);
export const myLessonProgress = (db: Db, learnerId: string, courseIds: string[]) =>
  run(db, myLessonProgressSql, [learnerId, courseIds]);

export interface ResultAttemptRow {
  lesson_id: string;
  answers: Record<string, string[] | boolean | string>;
  correct: Record<string, boolean>;
  score: number;
  passed: boolean;
  submitted_at: Date;
}
/** The learner `$1`'s last 20 attempts at each quiz of the courses `$2`, newest first. */
const myAttemptsSql = statement<ResultAttemptRow, [learnerId: string, courseIds: string[]]>(
  'results.myAttempts',
  `SELECT ranked.lesson_id, ranked.answers, ranked.correct, ranked.score, ranked.passed, ranked.submitted_at
     FROM (SELECT qa.lesson_id, qa.answers, qa.correct, qa.score, qa.passed, qa.submitted_at,
                  row_number() OVER (PARTITION BY qa.lesson_id ORDER BY qa.submitted_at DESC) AS nth
             FROM quiz_attempts qa
            WHERE qa.user_id = $1 AND qa.course_id = ANY($2::uuid[])) ranked
    WHERE ranked.nth <= 20
    ORDER BY ranked.lesson_id, ranked.submitted_at DESC`,
);
export const myAttempts = (db: Db, learnerId: string, courseIds: string[]) =>
  run(db, myAttemptsSql, [learnerId, courseIds]);
