import { type Db, run, statement } from '../database/sql.js';
import type { GlossaryTermEntity } from './glossary.entities.js';

/* The glossary's SQL: terms, the learner's word list, word requests. apps/api/sql/glossary.sql shows each statement whole. */

// ---- terms ----

/** A term's columns as the glossary shows them, named as on the entity. */
export type TermRow = Pick<
  GlossaryTermEntity,
  'id' | 'term' | 'northKorean' | 'explanation' | 'glossEn' | 'glossZh' | 'example' | 'tags' | 'related' | 'updatedAt'
>;

/**
 * Terms whose initial consonants start like $1 (a LIKE prefix pattern), or whose word, English or
 * Chinese gloss or one of whose North Korean words contains $2 (an ILIKE pattern, `%`, `_` and `\`
 * escaped by the caller), with the tag $3. A filter not given (NULL) matches every term, on purpose;
 * the NULL tests fold away when PostgreSQL plans the call with its values.
 */
type TermsFilter = [initialsPrefix: string | null, textPattern: string | null, tag: string | null];
const termsCountSql = statement<{ total: number }, TermsFilter>(
  'glossary.termsCount',
  `SELECT count(*)::int AS total
     FROM glossary_terms t
    WHERE ($1::text IS NULL OR t.initials LIKE $1)
      AND ($2::text IS NULL OR t.term ILIKE $2 OR t.gloss_en ILIKE $2 OR t.gloss_zh ILIKE $2
           OR EXISTS (SELECT 1 FROM unnest(t.north_korean) nk WHERE nk ILIKE $2))
      AND ($3::text IS NULL OR $3 = ANY(t.tags))`,
);
/** The same terms, a page in alphabetical order (terms are unique); $4 limit, $5 offset. */
const termsPageSql = statement<TermRow, [...TermsFilter, limit: number, offset: number]>(
  'glossary.termsPage',
  `SELECT t.id, t.term, t.north_korean AS "northKorean", t.explanation, t.gloss_en AS "glossEn",
          t.gloss_zh AS "glossZh", t.example, t.tags, t.related, t.updated_at AS "updatedAt"
     FROM glossary_terms t
    WHERE ($1::text IS NULL OR t.initials LIKE $1)
      AND ($2::text IS NULL OR t.term ILIKE $2 OR t.gloss_en ILIKE $2 OR t.gloss_zh ILIKE $2
           OR EXISTS (SELECT 1 FROM unnest(t.north_korean) nk WHERE nk ILIKE $2))
      AND ($3::text IS NULL OR $3 = ANY(t.tags))
    ORDER BY t.term
    LIMIT $4 OFFSET $5`,
);
/** How many terms match the filter. */
export const countTerms = async (db: Db, ...filter: TermsFilter) => (await run(db, termsCountSql, filter))[0].total;
/** A page of the terms matching the filter. */
export const termsPage = (db: Db, filter: TermsFilter, limit: number, offset: number) =>
  run(db, termsPageSql, [...filter, limit, offset]);

const wordListSql = statement<TermRow, [learnerId: string]>(
  'glossary.wordList',
  `SELECT t.id, t.term, t.north_korean AS "northKorean", t.explanation, t.gloss_en AS "glossEn",
          t.gloss_zh AS "glossZh", t.example, t.tags, t.related, t.updated_at AS "updatedAt"
     FROM glossary_terms t JOIN word_list w ON w.term_id = t.id
    WHERE w.user_id = $1
    ORDER BY w.added_at DESC`,
);
/** The learner's word list, the latest added first. */
export const wordList = (db: Db, learnerId: string) => run(db, wordListSql, [learnerId]);

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
