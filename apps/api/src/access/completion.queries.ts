import { type Db, run, statement } from '../database/sql.js';

/*
 * The completion rule's SQL over the learning projections (enrolments, lesson_progress,
 * published_lessons, certificates), shared by learning (an event) and courses (a publish).
 * apps/api/sql/completion.sql shows each statement whole.
 */

export interface CompletionRow {
  user_id: string;
  course_id: string;
  status: string;
  total: number;
  done: number;
  any_required: boolean;
}
/**
 * The completion rule over the projections, for enrolment `$1`: every required lesson of the latest
 * published version done (a content-noted lesson may be skipped; a quiz only counts once passed).
 * Without required lessons, every lesson counts.
 */
const completionSql = statement<CompletionRow, [enrolmentId: string]>(
  'completion.completion',
  `SELECT e.user_id, e.course_id, e.status,
          count(pl.lesson_id) FILTER (WHERE pl.required OR NOT r.any_required)::int AS total,
          count(pl.lesson_id) FILTER (WHERE (pl.required OR NOT r.any_required) AND (lp.status = 'completed' OR (lp.status = 'skipped' AND pl.kind <> 'quiz')))::int AS done,
          r.any_required
     FROM enrolments e
     CROSS JOIN LATERAL (SELECT coalesce(bool_or(required), false) AS any_required FROM published_lessons WHERE course_id = e.course_id) r
     LEFT JOIN published_lessons pl ON pl.course_id = e.course_id
     LEFT JOIN lesson_progress lp ON lp.lesson_id = pl.lesson_id AND lp.user_id = e.user_id
    WHERE e.id = $1
    GROUP BY e.id, r.any_required`,
);
export async function completion(db: Db, enrolmentId: string): Promise<CompletionRow | undefined> {
  return (await run(db, completionSql, [enrolmentId]))[0];
}

/** Sets the percent (a completed enrolment keeps its 100 %: a republish that adds a lesson does not undo a finish) and completes it when `$3`. */
const setEnrolmentPercentSql = statement<never, [enrolmentId: string, percent: number, complete: boolean]>(
  'completion.setEnrolmentPercent',
  `UPDATE enrolments SET percent = CASE WHEN status = 'completed' THEN percent ELSE $2 END, status = CASE WHEN $3 THEN 'completed' ELSE status END,
          completed_at = CASE WHEN $3 THEN now() ELSE completed_at END WHERE id = $1`,
);
export async function setEnrolmentPercent(
  db: Db,
  enrolmentId: string,
  percent: number,
  complete: boolean,
): Promise<void> {
  await run(db, setEnrolmentPercentSql, [enrolmentId, percent, complete]);
}

/** The active enrolments of course `$1`, locked in id order. */
const activeEnrolmentsOfCourseSql = statement<{ id: string }, [courseId: string]>(
  'completion.activeEnrolmentsOfCourse',
  `SELECT id FROM enrolments WHERE course_id = $1 AND status = 'active' ORDER BY id FOR UPDATE`,
);
export async function activeEnrolmentsOfCourse(db: Db, courseId: string): Promise<string[]> {
  return (await run(db, activeEnrolmentsOfCourseSql, [courseId])).map((r) => r.id);
}

/** Issues the certificate with the learner's display name and the course's title (once); its id if issued now. */
const issueCertificateSql = statement<{ id: string }, [learnerId: string, courseId: string, code: string]>(
  'completion.issueCertificate',
  `INSERT INTO certificates (user_id, course_id, code, name, course_title)
   SELECT u.id, c.id, $3, u.display_name, v.meta->'title'
     FROM users u, courses c JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    WHERE u.id = $1 AND c.id = $2
   ON CONFLICT (user_id, course_id) DO NOTHING
   RETURNING id`,
);
export async function issueCertificate(
  db: Db,
  learnerId: string,
  courseId: string,
  code: string,
): Promise<string | undefined> {
  return (await run(db, issueCertificateSql, [learnerId, courseId, code]))[0]?.id;
}

const deletePublishedLessonsSql = statement<never, [courseId: string]>(
  'completion.deletePublishedLessons',
  `DELETE FROM published_lessons WHERE course_id = $1`,
);
export async function deletePublishedLessons(db: Db, courseId: string): Promise<void> {
  await run(db, deletePublishedLessonsSql, [courseId]);
}

const insertPublishedLessonsSql = statement<
  never,
  [
    lessonIds: string[],
    courseIds: string[],
    versions: number[],
    positions: number[],
    kinds: string[],
    required: boolean[],
    hasContentNote: boolean[],
  ]
>(
  'completion.insertPublishedLessons',
  `INSERT INTO published_lessons (lesson_id, course_id, version, position, kind, required, has_content_note)
   SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::text[], $6::boolean[], $7::boolean[])`,
);
export async function insertPublishedLessons(
  db: Db,
  ...params: [string[], string[], number[], number[], string[], boolean[], boolean[]]
): Promise<void> {
  await run(db, insertPublishedLessonsSql, params);
}
