import type { DraftText } from '@dari/contracts';
import { type Db, run, statement } from '../database/sql.js';

/* Questions to the instructor and the lessons' published Q&A. apps/api/sql/questions.sql shows each statement whole. */

/** The course of lesson `$1` if it is a published lesson of a course the person `$2` is in (not withdrawn). */
const takenLessonCourseSql = statement<{ course_id: string }, [lessonId: string, userId: string]>(
  'questions.takenLessonCourse',
  `SELECT pl.course_id
     FROM published_lessons pl
     JOIN enrolments e ON e.course_id = pl.course_id AND e.user_id = $2 AND e.status <> 'withdrawn'
    WHERE pl.lesson_id = $1`,
);
export async function takenLessonCourse(db: Db, lessonId: string, userId: string): Promise<string | undefined> {
  return (await run(db, takenLessonCourseSql, [lessonId, userId]))[0]?.course_id;
}

/**
 * The course of lesson `$1` if the person `$2` may read its Q&A: they are in the course (not
 * withdrawn), or they own or co-teach it.
 */
const qaReaderCourseSql = statement<{ course_id: string }, [lessonId: string, userId: string]>(
  'questions.qaReaderCourse',
  `SELECT pl.course_id
     FROM published_lessons pl
    WHERE pl.lesson_id = $1
      AND (EXISTS (SELECT 1 FROM enrolments e WHERE e.course_id = pl.course_id AND e.user_id = $2 AND e.status <> 'withdrawn')
        OR EXISTS (SELECT 1 FROM courses oc WHERE oc.id = pl.course_id AND oc.owner_id = $2)
        OR EXISTS (SELECT 1 FROM course_instructors ci WHERE ci.course_id = pl.course_id AND ci.user_id = $2))`,
);
export async function qaReaderCourse(db: Db, lessonId: string, userId: string): Promise<string | undefined> {
  return (await run(db, qaReaderCourseSql, [lessonId, userId]))[0]?.course_id;
}

const lockAskerSql = statement<never, [userId: string]>(
  'questions.lockAsker',
  `SELECT pg_advisory_xact_lock(hashtext('lesson_question:' || $1::text))`,
);
/** Serialises one person's questions for the transaction, so the daily limit holds under concurrent asks. */
export async function lockAsker(db: Db, userId: string): Promise<void> {
  await run(db, lockAskerSql, [userId]);
}

const askedSinceSql = statement<{ n: number; oldest: Date | null }, [userId: string, since: Date]>(
  'questions.askedSince',
  `SELECT count(*)::int AS n, min(created_at) AS oldest FROM lesson_questions WHERE user_id = $1 AND created_at > $2`,
);
/** How many questions the person asked after `since`, and when the oldest of them was asked. */
export async function askedSince(db: Db, userId: string, since: Date): Promise<{ n: number; oldest: Date | null }> {
  return (await run(db, askedSinceSql, [userId, since]))[0];
}

const insertQuestionSql = statement<{ id: string }, [userId: string, courseId: string, lessonId: string, text: string]>(
  'questions.insertQuestion',
  `INSERT INTO lesson_questions (user_id, course_id, lesson_id, text) VALUES ($1, $2, $3, $4) RETURNING id`,
);
export async function insertQuestion(
  db: Db,
  userId: string,
  courseId: string,
  lessonId: string,
  text: string,
): Promise<string> {
  return (await run(db, insertQuestionSql, [userId, courseId, lessonId, text]))[0].id;
}

export interface QuestionRow {
  id: string;
  course_id: string;
  course_slug: string;
  course_title: DraftText;
  lesson_id: string;
  lesson_title: DraftText | null;
  text: string;
  status: 'open' | 'answered';
  answer: string | null;
  created_at: Date;
  answered_at: Date | null;
  published_at: Date | null;
}
const QUESTION_COLUMNS = `q.id, q.course_id, c.slug AS course_slug, v.meta->'title' AS course_title, q.lesson_id,
          (SELECT l->'title' FROM jsonb_array_elements(v.snapshot->'modules') m, jsonb_array_elements(m->'lessons') l WHERE l->>'id' = q.lesson_id::text) AS lesson_title,
          q.text, q.status, q.answer, q.created_at, q.answered_at, q.published_at
     FROM lesson_questions q
     JOIN courses c ON c.id = q.course_id
     JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version`;

/** The person `$1`'s own questions, newest first (at most 200). */
const myQuestionsSql = statement<QuestionRow, [userId: string]>(
  'questions.myQuestions',
  `SELECT ${QUESTION_COLUMNS}
    WHERE q.user_id = $1 ORDER BY q.created_at DESC LIMIT 200`,
);
export const myQuestions = (db: Db, userId: string) => run(db, myQuestionsSql, [userId]);

/**
 * A page of the questions (of status `$2`, or every status when NULL) on the courses the instructor `$1` owns or
 * co-teaches: open ones first, oldest first (the next to answer on top), then answered ones, newest asked first.
 * Keyset paging, no OFFSET: each row's place is (rank, asking time, id) — rank 0 open / 1 answered — and a page
 * starts after the cursor `($3, $4, $5)`, the asking time in µs since 1970. `cursor` is that place as text, the
 * next page's `cursor` query. Answering a question changes its rank but never its asking time, so each rank's
 * order is stable while someone pages: a question answered after it was shown as open comes again among the
 * answered ones (the web app shows each id once), none is skipped. For each of the instructor's courses, each
 * branch reads at most a page from idx_lesson_questions_inbox (course_id, status, created_at, id), the open ones
 * forwards and the answered ones backwards from the cursor; the page is the first of those, whatever the size
 * of other courses.
 */
const inboxPageSql = statement<
  QuestionRow & { cursor: string },
  [
    instructorId: string,
    status: string | null,
    afterRank: number | null,
    afterKey: string | null,
    afterId: string | null,
    limit: number,
  ]
>(
  'questions.inboxPage',
  `WITH mine AS (
     SELECT oc.id FROM courses oc WHERE oc.owner_id = $1 UNION SELECT ci.course_id FROM course_instructors ci WHERE ci.user_id = $1
   )
   SELECT q.id, q.course_id, c.slug AS course_slug, v.meta->'title' AS course_title, q.lesson_id,
          (SELECT l->'title' FROM jsonb_array_elements(v.snapshot->'modules') m, jsonb_array_elements(m->'lessons') l WHERE l->>'id' = q.lesson_id::text) AS lesson_title,
          q.text, q.status, q.answer, q.created_at, q.answered_at, q.published_at,
          q.rank || '_' || (extract(epoch FROM q.created_at) * 1000000)::bigint || '_' || q.id AS cursor
     FROM (SELECT 0 AS rank, o.*
             FROM mine CROSS JOIN LATERAL (
               SELECT * FROM lesson_questions o
                WHERE o.course_id = mine.id AND o.status = 'open'
                  AND (o.created_at, o.id) > (coalesce(timestamptz 'epoch' + $4::bigint * interval '1 microsecond', '-infinity'), coalesce($5::uuid, '00000000-0000-0000-0000-000000000000'))
                ORDER BY o.created_at, o.id
                LIMIT $6) o
            WHERE ($2::text IS NULL OR $2 = 'open') AND $3::int IS DISTINCT FROM 1
           UNION ALL
           SELECT 1 AS rank, a.*
             FROM mine CROSS JOIN LATERAL (
               SELECT * FROM lesson_questions a
                WHERE a.course_id = mine.id AND a.status = 'answered'
                  AND (a.created_at, a.id) < (CASE WHEN $3::int = 1 THEN timestamptz 'epoch' + $4::bigint * interval '1 microsecond' ELSE 'infinity' END,
                                              CASE WHEN $3::int = 1 THEN $5::uuid ELSE 'ffffffff-ffff-ffff-ffff-ffffffffffff' END)
                ORDER BY a.created_at DESC, a.id DESC
                LIMIT $6) a
            WHERE $2::text IS NULL OR $2 = 'answered') q
     JOIN courses c ON c.id = q.course_id
     JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    ORDER BY q.rank, CASE WHEN q.rank = 0 THEN q.created_at END, CASE WHEN q.rank = 0 THEN q.id END, q.created_at DESC, q.id DESC
    LIMIT $6`,
);
export function inboxPage(
  db: Db,
  instructorId: string,
  status: string | null,
  after: { rank: number; key: string; id: string } | null,
  limit: number,
) {
  return run(db, inboxPageSql, [
    instructorId,
    status,
    after?.rank ?? null,
    after?.key ?? null,
    after?.id ?? null,
    limit,
  ]);
}

const questionByIdSql = statement<QuestionRow, [id: string]>(
  'questions.questionById',
  `SELECT ${QUESTION_COLUMNS}
    WHERE q.id = $1`,
);
export async function questionById(db: Db, id: string): Promise<QuestionRow | undefined> {
  return (await run(db, questionByIdSql, [id]))[0];
}

export interface TeachableQuestion {
  id: string;
  user_id: string;
  course_id: string;
  lesson_id: string;
  status: 'open' | 'answered';
  published_at: Date | null;
}
/** Question `$1`, locked, if the instructor `$2` owns or co-teaches its course (otherwise nothing: no id oracle). */
const teachableQuestionSql = statement<TeachableQuestion, [id: string, instructorId: string]>(
  'questions.teachableQuestion',
  `SELECT q.id, q.user_id, q.course_id, q.lesson_id, q.status, q.published_at
     FROM lesson_questions q
    WHERE q.id = $1
      AND (EXISTS (SELECT 1 FROM courses oc WHERE oc.id = q.course_id AND oc.owner_id = $2)
        OR EXISTS (SELECT 1 FROM course_instructors ci WHERE ci.course_id = q.course_id AND ci.user_id = $2))
      FOR UPDATE OF q`,
);
export async function teachableQuestion(
  db: Db,
  id: string,
  instructorId: string,
): Promise<TeachableQuestion | undefined> {
  return (await run(db, teachableQuestionSql, [id, instructorId]))[0];
}

const answerQuestionSql = statement<never, [id: string, answer: string, instructorId: string]>(
  'questions.answerQuestion',
  `UPDATE lesson_questions SET status = 'answered', answer = $2, answered_by = $3, answered_at = now() WHERE id = $1`,
);
export async function answerQuestion(db: Db, id: string, answer: string, instructorId: string): Promise<void> {
  await run(db, answerQuestionSql, [id, answer, instructorId]);
}

/** The published copy: the instructor's words, the lesson and course, and nothing that leads back to the asker. */
const insertQaSql = statement<
  { id: string },
  [courseId: string, lessonId: string, question: string, answer: string, instructorId: string]
>(
  'questions.insertQa',
  `INSERT INTO lesson_qa (course_id, lesson_id, question, answer, published_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
);
export async function insertQa(
  db: Db,
  courseId: string,
  lessonId: string,
  question: string,
  answer: string,
  instructorId: string,
): Promise<string> {
  return (await run(db, insertQaSql, [courseId, lessonId, question, answer, instructorId]))[0].id;
}

const markPublishedSql = statement<never, [id: string]>(
  'questions.markPublished',
  `UPDATE lesson_questions SET published_at = now() WHERE id = $1`,
);
export async function markPublished(db: Db, id: string): Promise<void> {
  await run(db, markPublishedSql, [id]);
}

export interface QaRow {
  id: string;
  question: string;
  answer: string;
  published_at: Date;
}
/** Lesson `$1`'s published Q&A, newest first (at most 200). */
const lessonQaSql = statement<QaRow, [lessonId: string]>(
  'questions.lessonQa',
  `SELECT id, question, answer, published_at FROM lesson_qa WHERE lesson_id = $1 ORDER BY published_at DESC LIMIT 200`,
);
export const lessonQa = (db: Db, lessonId: string) => run(db, lessonQaSql, [lessonId]);

const qaByIdSql = statement<QaRow, [id: string]>(
  'questions.qaById',
  `SELECT id, question, answer, published_at FROM lesson_qa WHERE id = $1`,
);
export async function qaById(db: Db, id: string): Promise<QaRow | undefined> {
  return (await run(db, qaByIdSql, [id]))[0];
}

/**
 * Whether the person `$2` (role `$3`) may take down the published Q&A of course `$1`: its owner or a
 * co-instructor, a manager of a cohort the course is assigned to, or an admin.
 */
const canUnpublishSql = statement<{ ok: boolean }, [courseId: string, userId: string, role: string]>(
  'questions.canUnpublish',
  `SELECT $3 = 'admin'
       OR EXISTS (SELECT 1 FROM courses oc WHERE oc.id = $1 AND oc.owner_id = $2)
       OR EXISTS (SELECT 1 FROM course_instructors ci WHERE ci.course_id = $1 AND ci.user_id = $2)
       OR EXISTS (SELECT 1 FROM cohort_courses cc
                    JOIN cohort_members cm ON cm.cohort_id = cc.cohort_id AND cm.user_id = $2 AND cm.role = 'manager'
                   WHERE cc.course_id = $1) AS ok`,
);
export async function canUnpublish(db: Db, courseId: string, userId: string, role: string): Promise<boolean> {
  return (await run(db, canUnpublishSql, [courseId, userId, role]))[0].ok;
}

/**
 * Takes the published Q&A `$1` down, in one statement: the row is deleted (the published copy was the
 * instructor's own wording, with no column that leads to the asker), and the private question it was
 * published from may be published again. Publishing writes the copy and marks the question in one
 * transaction, so both carry that transaction's `now()` to the microsecond: that instant, on the same lesson,
 * finds the question. Returns the copy's course and lesson, or nothing when there was no such row.
 */
const unpublishQaSql = statement<{ course_id: string; lesson_id: string; question_id: string | null }, [id: string]>(
  'questions.unpublishQa',
  `WITH gone AS (
     DELETE FROM lesson_qa WHERE id = $1 RETURNING course_id, lesson_id, published_at
   ), freed AS (
     UPDATE lesson_questions q SET published_at = NULL
       FROM gone
      WHERE q.lesson_id = gone.lesson_id AND q.published_at = gone.published_at
     RETURNING q.id
   )
   SELECT gone.course_id, gone.lesson_id, (SELECT freed.id FROM freed LIMIT 1) AS question_id FROM gone`,
);
export async function unpublishQa(
  db: Db,
  id: string,
): Promise<{ course_id: string; lesson_id: string; question_id: string | null } | undefined> {
  return (await run(db, unpublishQaSql, [id]))[0];
}

/** Published Q&A `$1`'s course, locked (so two take-downs at once do not both proceed), or nothing. */
const qaCourseSql = statement<{ course_id: string }, [id: string]>(
  'questions.qaCourse',
  `SELECT course_id FROM lesson_qa WHERE id = $1 FOR UPDATE`,
);
export async function qaCourse(db: Db, id: string): Promise<string | undefined> {
  return (await run(db, qaCourseSql, [id]))[0]?.course_id;
}
