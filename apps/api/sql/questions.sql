-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- questions.answerQuestion
UPDATE lesson_questions SET status = 'answered', answer = $2, answered_by = $3, answered_at = now() WHERE id = $1;

-- questions.askedSince
SELECT count(*)::int AS n, min(created_at) AS oldest FROM lesson_questions WHERE user_id = $1 AND created_at > $2;

-- questions.canUnpublish
SELECT $3 = 'admin'
       OR EXISTS (SELECT 1 FROM courses oc WHERE oc.id = $1 AND oc.owner_id = $2)
       OR EXISTS (SELECT 1 FROM course_instructors ci WHERE ci.course_id = $1 AND ci.user_id = $2)
       OR EXISTS (SELECT 1 FROM cohort_courses cc
                    JOIN cohort_members cm ON cm.cohort_id = cc.cohort_id AND cm.user_id = $2 AND cm.role = 'manager'
                   WHERE cc.course_id = $1) AS ok;

-- questions.inboxPage
WITH mine AS (
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
    LIMIT $6;

-- questions.insertQa
INSERT INTO lesson_qa (course_id, lesson_id, question, answer, published_by) VALUES ($1, $2, $3, $4, $5) RETURNING id;

-- questions.insertQuestion
INSERT INTO lesson_questions (user_id, course_id, lesson_id, text) VALUES ($1, $2, $3, $4) RETURNING id;

-- questions.lessonQa
SELECT id, question, answer, published_at FROM lesson_qa WHERE lesson_id = $1 ORDER BY published_at DESC LIMIT 200;

-- questions.lockAsker
SELECT pg_advisory_xact_lock(hashtext('lesson_question:' || $1::text));

-- questions.markPublished
UPDATE lesson_questions SET published_at = now() WHERE id = $1;

-- questions.myQuestions
SELECT q.id, q.course_id, c.slug AS course_slug, v.meta->'title' AS course_title, q.lesson_id,
          (SELECT l->'title' FROM jsonb_array_elements(v.snapshot->'modules') m, jsonb_array_elements(m->'lessons') l WHERE l->>'id' = q.lesson_id::text) AS lesson_title,
          q.text, q.status, q.answer, q.created_at, q.answered_at, q.published_at
     FROM lesson_questions q
     JOIN courses c ON c.id = q.course_id
     JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    WHERE q.user_id = $1 ORDER BY q.created_at DESC LIMIT 200;

-- questions.qaById
SELECT id, question, answer, published_at FROM lesson_qa WHERE id = $1;

-- questions.qaCourse
SELECT course_id FROM lesson_qa WHERE id = $1 FOR UPDATE;

-- questions.qaReaderCourse
SELECT pl.course_id
     FROM published_lessons pl
    WHERE pl.lesson_id = $1
      AND (EXISTS (SELECT 1 FROM enrolments e WHERE e.course_id = pl.course_id AND e.user_id = $2 AND e.status <> 'withdrawn')
        OR EXISTS (SELECT 1 FROM courses oc WHERE oc.id = pl.course_id AND oc.owner_id = $2)
        OR EXISTS (SELECT 1 FROM course_instructors ci WHERE ci.course_id = pl.course_id AND ci.user_id = $2));

-- questions.questionById
SELECT q.id, q.course_id, c.slug AS course_slug, v.meta->'title' AS course_title, q.lesson_id,
          (SELECT l->'title' FROM jsonb_array_elements(v.snapshot->'modules') m, jsonb_array_elements(m->'lessons') l WHERE l->>'id' = q.lesson_id::text) AS lesson_title,
          q.text, q.status, q.answer, q.created_at, q.answered_at, q.published_at
     FROM lesson_questions q
     JOIN courses c ON c.id = q.course_id
     JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    WHERE q.id = $1;

-- questions.takenLessonCourse
SELECT pl.course_id
     FROM published_lessons pl
     JOIN enrolments e ON e.course_id = pl.course_id AND e.user_id = $2 AND e.status <> 'withdrawn'
    WHERE pl.lesson_id = $1;

-- questions.teachableQuestion
SELECT q.id, q.user_id, q.course_id, q.lesson_id, q.status, q.published_at
     FROM lesson_questions q
    WHERE q.id = $1
      AND (EXISTS (SELECT 1 FROM courses oc WHERE oc.id = q.course_id AND oc.owner_id = $2)
        OR EXISTS (SELECT 1 FROM course_instructors ci WHERE ci.course_id = q.course_id AND ci.user_id = $2))
      FOR UPDATE OF q;

-- questions.unpublishQa
WITH gone AS (
     DELETE FROM lesson_qa WHERE id = $1 RETURNING course_id, lesson_id, published_at
   ), freed AS (
     UPDATE lesson_questions q SET published_at = NULL
       FROM gone
      WHERE q.lesson_id = gone.lesson_id AND q.published_at = gone.published_at
     RETURNING q.id
   )
   SELECT gone.course_id, gone.lesson_id, (SELECT freed.id FROM freed LIMIT 1) AS question_id FROM gone;
