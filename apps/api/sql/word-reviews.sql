-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- word-reviews.list
SELECT term_id, review_box, next_review_at, reviewed_at
     FROM word_list
    WHERE user_id = $1
    ORDER BY added_at, term_id;

-- word-reviews.record
WITH reviewed AS (
     UPDATE word_list
        SET review_box = CASE WHEN $3::boolean THEN LEAST(review_box + 1, cardinality($4::int[])) ELSE 1 END,
            next_review_at = now() + make_interval(
              days => ($4::int[])[CASE WHEN $3::boolean THEN LEAST(review_box + 1, cardinality($4::int[])) ELSE 1 END]
            ),
            reviewed_at = now()
      WHERE user_id = $1 AND term_id = $2
  RETURNING term_id, review_box, next_review_at, reviewed_at)
   SELECT term_id, review_box, next_review_at, reviewed_at FROM reviewed;
