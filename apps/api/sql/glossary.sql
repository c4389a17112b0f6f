-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- glossary.allRequestIds
SELECT r.id FROM word_requests r WHERE ($1::text IS NULL OR r.status = $1) ORDER BY r.created_at DESC LIMIT 500;

-- glossary.displayNames
SELECT id, display_name FROM users WHERE id = ANY($1::uuid[]);

-- glossary.existingTerms
SELECT term FROM glossary_terms WHERE term = ANY($1::text[]);

-- glossary.instructorRequestIds
SELECT r.id FROM word_requests r
    WHERE ($1::text IS NULL OR r.status = $1)
      AND r.course_id IN (SELECT oc.id FROM courses oc WHERE oc.owner_id = $2 UNION SELECT ci.course_id FROM course_instructors ci WHERE ci.user_id = $2)
    ORDER BY r.created_at DESC LIMIT 500;

-- glossary.lockLearnerRequests
SELECT pg_advisory_xact_lock(hashtext('word_request:' || $1::text));

-- glossary.myRequestIds
SELECT id FROM word_requests WHERE user_id = $1 ORDER BY created_at DESC;

-- glossary.openRequest
SELECT id FROM word_requests
    WHERE user_id = $1 AND status = 'open' AND text = $2 AND lesson_id IS NOT DISTINCT FROM $3::uuid
    ORDER BY created_at LIMIT 1;

-- glossary.saveWord
INSERT INTO word_list (user_id, term_id) VALUES ($1, $2) ON CONFLICT DO NOTHING;

-- glossary.savedTerms
SELECT term_id FROM word_list WHERE user_id = $1 AND term_id = ANY($2::uuid[]);

-- glossary.takenLessonCourse
SELECT pl.course_id
     FROM published_lessons pl
     JOIN enrolments e ON e.course_id = pl.course_id AND e.user_id = $2 AND e.status <> 'withdrawn'
    WHERE pl.lesson_id = $1;

-- glossary.termCount
SELECT count(*)::int AS n FROM glossary_terms;

-- glossary.termExists
SELECT 1 AS one FROM glossary_terms WHERE id = $1;

-- glossary.unsaveWord
DELETE FROM word_list WHERE user_id = $1 AND term_id = $2;
