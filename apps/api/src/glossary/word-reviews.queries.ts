import { type Db, run, statement } from '../database/sql.js';

/* Flashcard review of the learner's saved words (a Leitner box per word). apps/api/sql/word-reviews.sql shows each statement whole. */

interface ReviewRow {
  term_id: string;
  review_box: number;
  next_review_at: Date | null;
  reviewed_at: Date | null;
}

const listReviewsSql = statement<ReviewRow, [learnerId: string]>(
  'word-reviews.list',
  `SELECT term_id, review_box, next_review_at, reviewed_at
     FROM word_list
    WHERE user_id = $1
    ORDER BY added_at, term_id`,
);
/** Every saved word of the learner with its review state, in the order they were saved. */
export async function listReviews(db: Db, learnerId: string): Promise<ReviewRow[]> {
  return run(db, listReviewsSql, [learnerId]);
}

/**
 * One review, in one statement so two devices reviewing at once each move the box from the row's
 * current value (a CTE, so the rows come back as a SELECT's): known → one box up (at most the last), not known → box 1; due again after the
 * new box's number of days (`$4`, LEITNER_DAYS from the contracts). No row: the word is not saved.
 */
const recordReviewSql = statement<ReviewRow, [learnerId: string, termId: string, known: boolean, days: number[]]>(
  'word-reviews.record',
  `WITH reviewed AS (
     UPDATE word_list
        SET review_box = CASE WHEN $3::boolean THEN LEAST(review_box + 1, cardinality($4::int[])) ELSE 1 END,
            next_review_at = now() + make_interval(
              days => ($4::int[])[CASE WHEN $3::boolean THEN LEAST(review_box + 1, cardinality($4::int[])) ELSE 1 END]
            ),
            reviewed_at = now()
      WHERE user_id = $1 AND term_id = $2
  RETURNING term_id, review_box, next_review_at, reviewed_at)
   SELECT term_id, review_box, next_review_at, reviewed_at FROM reviewed`,
);
export async function recordReview(
  db: Db,
  learnerId: string,
  termId: string,
  known: boolean,
  days: readonly number[],
): Promise<ReviewRow | undefined> {
  return (await run(db, recordReviewSql, [learnerId, termId, known, [...days]]))[0];
}
