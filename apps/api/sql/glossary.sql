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

-- glossary.termsCount
SELECT count(*)::int AS total
     FROM glossary_terms t
    WHERE ($1::text IS NULL OR t.initials LIKE $1)
      AND ($2::text IS NULL OR t.term ILIKE $2 OR t.gloss_en ILIKE $2 OR t.gloss_zh ILIKE $2
           OR EXISTS (SELECT 1 FROM unnest(t.north_korean) nk WHERE nk ILIKE $2))
      AND ($3::text IS NULL OR $3 = ANY(t.tags));

-- glossary.termsPage
SELECT t.id, t.term, t.north_korean AS "northKorean", t.explanation, t.gloss_en AS "glossEn",
          t.gloss_zh AS "glossZh", t.example, t.tags, t.related, t.updated_at AS "updatedAt"
     FROM glossary_terms t
    WHERE ($1::text IS NULL OR t.initials LIKE $1)
      AND ($2::text IS NULL OR t.term ILIKE $2 OR t.gloss_en ILIKE $2 OR t.gloss_zh ILIKE $2
           OR EXISTS (SELECT 1 FROM unnest(t.north_korean) nk WHERE nk ILIKE $2))
      AND ($3::text IS NULL OR $3 = ANY(t.tags))
    ORDER BY t.term
    LIMIT $4 OFFSET $5;

-- glossary.unsaveWord
DELETE FROM word_list WHERE user_id = $1 AND term_id = $2;

-- glossary.wordList
SELECT t.id, t.term, t.north_korean AS "northKorean", t.explanation, t.gloss_en AS "glossEn",
          t.gloss_zh AS "glossZh", t.example, t.tags, t.related, t.updated_at AS "updatedAt"
     FROM glossary_terms t JOIN word_list w ON w.term_id = t.id
    WHERE w.user_id = $1
    ORDER BY w.added_at DESC;
