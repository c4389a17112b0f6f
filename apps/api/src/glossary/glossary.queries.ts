import { type Db, run, statement } from '../database/sql.js';

/* The glossary's SQL: terms, the learner's word list, word requests. apps/api/sql/glossary.sql shows each statement whole. */

const savedTermsSql = statement<{ term_id: string }, [learnerId: string, termIds: string[]]>(
  'glossary.savedTerms',
  `SELECT term_id FROM word_list WHERE user_id = $1 AND term_id = ANY($2::uuid[])`,
);
/** Which of these terms the learner has in their word list. */
export async function savedTerms(db: Db, learnerId: string, termIds: string[]): Promise<Set<string>> {
  return new Set((await run(db, savedTermsSql, [learnerId, termIds])).map((r) => r.term_id));
}

const termExistsSql = statement<{ one: number }, [termId: string]>(
  'glossary.termExists',
  `SELECT 1 AS one FROM glossary_terms WHERE id = $1`,
);
export async function termExists(db: Db, termId: string): Promise<boolean> {
  return (await run(db, termExistsSql, [termId])).length > 0;
}

const saveWordSql = statement<never, [learnerId: string, termId: string]>(
  'glossary.saveWord',
  `INSERT INTO word_list (user_id, term_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
);
/** Puts the term in the learner's word list (once). */
export async function saveWord(db: Db, learnerId: string, termId: string): Promise<void> {
  await run(db, saveWordSql, [learnerId, termId]);
}

const unsaveWordSql = statement<never, [learnerId: string, termId: string]>(
  'glossary.unsaveWord',
  `DELETE FROM word_list WHERE user_id = $1 AND term_id = $2`,
);
export async function unsaveWord(db: Db, learnerId: string, termId: string): Promise<void> {
  await run(db, unsaveWordSql, [learnerId, termId]);
}

/** The course of lesson `$1` if it is a published lesson of a course the learner `$2` is in. */
const takenLessonCourseSql = statement<{ course_id: string }, [lessonId: string, learnerId: string]>(
  'glossary.takenLessonCourse',
  `SELECT pl.course_id
     FROM published_lessons pl
     JOIN enrolments e ON e.course_id = pl.course_id AND e.user_id = $2 AND e.status <> 'withdrawn'
    WHERE pl.lesson_id = $1`,
);
export async function takenLessonCourse(db: Db, lessonId: string, learnerId: string): Promise<string | undefined> {
  return (await run(db, takenLessonCourseSql, [lessonId, learnerId]))[0]?.course_id;
}

const lockLearnerRequestsSql = statement<never, [learnerId: string]>(
  'glossary.lockLearnerRequests',
  `SELECT pg_advisory_xact_lock(hashtext('word_request:' || $1::text))`,
);
/** Serialises one learner's word requests for the transaction (two asks at once queue here). */
export async function lockLearnerRequests(db: Db, learnerId: string): Promise<void> {
  await run(db, lockLearnerRequestsSql, [learnerId]);
}

/** The learner's oldest open request for the same word about the same lesson (or none). */
const openRequestSql = statement<{ id: string }, [learnerId: string, text: string, lessonId: string | null]>(
  'glossary.openRequest',
  `SELECT id FROM word_requests
    WHERE user_id = $1 AND status = 'open' AND text = $2 AND lesson_id IS NOT DISTINCT FROM $3::uuid
    ORDER BY created_at LIMIT 1`,
);
export async function openRequest(
  db: Db,
  learnerId: string,
  text: string,
  lessonId: string | null,
): Promise<string | undefined> {
  return (await run(db, openRequestSql, [learnerId, text, lessonId]))[0]?.id;
}

const myRequestIdsSql = statement<{ id: string }, [learnerId: string]>(
  'glossary.myRequestIds',
  `SELECT id FROM word_requests WHERE user_id = $1 ORDER BY created_at DESC`,
);
export async function myRequestIds(db: Db, learnerId: string): Promise<string[]> {
  return (await run(db, myRequestIdsSql, [learnerId])).map((r) => r.id);
}

/** Requests (of status `$1`, or every status when NULL) from the courses the instructor `$2` owns or co-teaches, newest 500. */
const instructorRequestIdsSql = statement<{ id: string }, [status: string | null, instructorId: string]>(
  'glossary.instructorRequestIds',
  `SELECT r.id FROM word_requests r
    WHERE ($1::text IS NULL OR r.status = $1)
      AND r.course_id IN (SELECT oc.id FROM courses oc WHERE oc.owner_id = $2 UNION SELECT ci.course_id FROM course_instructors ci WHERE ci.user_id = $2)
    ORDER BY r.created_at DESC LIMIT 500`,
);
export async function instructorRequestIds(db: Db, status: string | null, instructorId: string): Promise<string[]> {
  return (await run(db, instructorRequestIdsSql, [status, instructorId])).map((r) => r.id);
}

/** Every request (of status `$1`, or every status when NULL), newest 500. */
const allRequestIdsSql = statement<{ id: string }, [status: string | null]>(
  'glossary.allRequestIds',
  `SELECT r.id FROM word_requests r WHERE ($1::text IS NULL OR r.status = $1) ORDER BY r.created_at DESC LIMIT 500`,
);
export async function allRequestIds(db: Db, status: string | null): Promise<string[]> {
  return (await run(db, allRequestIdsSql, [status])).map((r) => r.id);
}

const termCountSql = statement<{ n: number }>('glossary.termCount', `SELECT count(*)::int AS n FROM glossary_terms`);
export async function termCount(db: Db): Promise<number> {
  return (await run(db, termCountSql, []))[0].n;
}

const displayNamesSql = statement<{ id: string; display_name: string }, [userIds: string[]]>(
  'glossary.displayNames',
  `SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`,
);
export const displayNames = (db: Db, userIds: string[]) => run(db, displayNamesSql, [userIds]);

const existingTermsSql = statement<{ term: string }, [terms: string[]]>(
  'glossary.existingTerms',
  `SELECT term FROM glossary_terms WHERE term = ANY($1::text[])`,
);
/** Which of these words are glossary terms. */
export async function existingTerms(db: Db, terms: string[]): Promise<Set<string>> {
  return new Set((await run(db, existingTermsSql, [terms])).map((r) => r.term));
}
