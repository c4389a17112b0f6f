-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- learning.batchLessons (prepared)
WITH locked AS MATERIALIZED (
     SELECT e.id, e.course_id FROM enrolments e
      WHERE e.user_id = $2 AND e.status <> 'withdrawn'
        AND e.course_id IN (SELECT lk_pl.course_id FROM published_lessons lk_pl WHERE lk_pl.lesson_id = ANY($1::uuid[]))
      ORDER BY e.id FOR UPDATE)
   SELECT pl.lesson_id, pl.course_id, pl.version, pl.kind, pl.has_content_note, c.sequential, locked.id AS enrolment_id
     FROM published_lessons pl
     JOIN courses c ON c.id = pl.course_id
     LEFT JOIN locked ON locked.course_id = pl.course_id
    WHERE pl.lesson_id = ANY($1::uuid[]) AND c.status = 'published';

-- learning.batchStates
SELECT pl.course_id,
          json_agg(json_build_object(
            'lesson_id', pl.lesson_id, 'kind', pl.kind, 'required', pl.required, 'status', lp.status,
            'time_spent_seconds', lp.time_spent_seconds, 'best_score', lp.best_score, 'passed', lp.passed,
            'attempts', lp.attempts, 'position', lp.position) ORDER BY pl.position) AS lessons,
          (SELECT array_agg(le.id) FROM learning_events le WHERE le.id = ANY($3::uuid[])) AS known
     FROM published_lessons pl
     LEFT JOIN lesson_progress lp ON lp.lesson_id = pl.lesson_id AND lp.user_id = $2
    WHERE pl.course_id = ANY($1::uuid[])
    GROUP BY pl.course_id;

-- learning.certificateByCode
SELECT id, code, course_id, course_title, name, issued_at, revoked_at FROM certificates WHERE code = $1 AND user_id IS NOT NULL;

-- learning.coursePage (prepared)
SELECT crs.id AS the_course_id, crs.latest_version, crs.sequential,
         en.id, en.course_id, crs.slug, ver.meta->'title' AS title, en.status, en.percent, en.enrolled_at, en.completed_at,
         en.last_activity_at, cert.code AS certificate_code, nx.lesson_id AS next_lesson_id, nx.position AS next_position,
         states.lessons
    FROM courses crs
    JOIN course_versions ver ON ver.course_id = crs.id AND ver.version = crs.latest_version
    LEFT JOIN enrolments en ON en.course_id = crs.id AND en.user_id = $2 AND en.status <> 'withdrawn'
    LEFT JOIN certificates cert ON cert.user_id = en.user_id AND cert.course_id = en.course_id
    LEFT JOIN LATERAL (
      SELECT pl.lesson_id, lp.position
        FROM published_lessons pl
        LEFT JOIN lesson_progress lp ON lp.lesson_id = pl.lesson_id AND lp.user_id = en.user_id
       WHERE pl.course_id = en.course_id AND coalesce(lp.status, 'not_started') NOT IN ('completed', 'skipped')
       ORDER BY (pl.lesson_id = en.last_lesson_id) DESC, pl.position
       LIMIT 1) nx ON en.id IS NOT NULL
    CROSS JOIN LATERAL (
      SELECT json_agg(json_build_object(
               'lesson_id', pl.lesson_id, 'kind', pl.kind, 'required', pl.required, 'status', lp.status,
               'time_spent_seconds', lp.time_spent_seconds, 'best_score', lp.best_score, 'passed', lp.passed,
               'attempts', lp.attempts, 'position', lp.position) ORDER BY pl.position) AS lessons
        FROM published_lessons pl
        LEFT JOIN lesson_progress lp ON lp.lesson_id = pl.lesson_id AND lp.user_id = $2
       WHERE pl.course_id = crs.id) states
   WHERE crs.slug = $1 AND crs.status = 'published' AND crs.latest_version IS NOT NULL
     AND (crs.enrolment_policy IN ('open', 'code')
          OR EXISTS (SELECT 1 FROM cohort_courses vis_cc JOIN cohort_members vis_cm ON vis_cm.cohort_id = vis_cc.cohort_id AND vis_cm.role = 'learner' AND vis_cm.user_id = $2 WHERE vis_cc.course_id = crs.id)
          OR EXISTS (SELECT 1 FROM enrolments vis_e WHERE vis_e.course_id = crs.id AND vis_e.user_id = $2 AND vis_e.status <> 'withdrawn'));

-- learning.enrolTarget
SELECT crs.id, crs.enrolment_policy, crs.course_code, EXISTS (SELECT 1 FROM cohort_courses vis_cc JOIN cohort_members vis_cm ON vis_cm.cohort_id = vis_cc.cohort_id AND vis_cm.role = 'learner' AND vis_cm.user_id = $2 WHERE vis_cc.course_id = crs.id) AS in_cohort
     FROM courses crs
    WHERE crs.slug = $1 AND crs.status = 'published' AND crs.latest_version IS NOT NULL AND (crs.enrolment_policy IN ('open', 'code') OR EXISTS (SELECT 1 FROM cohort_courses vis_cc JOIN cohort_members vis_cm ON vis_cm.cohort_id = vis_cc.cohort_id AND vis_cm.role = 'learner' AND vis_cm.user_id = $2 WHERE vis_cc.course_id = crs.id) OR EXISTS (SELECT 1 FROM enrolments vis_e WHERE vis_e.course_id = crs.id AND vis_e.user_id = $2 AND vis_e.status <> 'withdrawn'));

-- learning.enrolmentById (prepared)
SELECT e.id, e.course_id, c.slug, v.meta->'title' AS title, e.status, e.percent, e.enrolled_at, e.completed_at,
         e.last_activity_at, cert.code AS certificate_code, nx.lesson_id AS next_lesson_id, nx.position AS next_position
    FROM enrolments e
    JOIN courses c ON c.id = e.course_id
    JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    LEFT JOIN certificates cert ON cert.user_id = e.user_id AND cert.course_id = e.course_id
    LEFT JOIN LATERAL (
      SELECT pl.lesson_id, lp.position
        FROM published_lessons pl
        LEFT JOIN lesson_progress lp ON lp.lesson_id = pl.lesson_id AND lp.user_id = e.user_id
       WHERE pl.course_id = e.course_id AND coalesce(lp.status, 'not_started') NOT IN ('completed', 'skipped')
       ORDER BY (pl.lesson_id = e.last_lesson_id) DESC, pl.position
       LIMIT 1) nx ON true
   WHERE e.id = $1 AND e.user_id = $2;

-- learning.eventLesson (prepared)
SELECT pl.course_id, pl.version, pl.kind, pl.has_content_note, c.sequential,
          (SELECT e.id FROM enrolments e WHERE e.user_id = $2 AND e.course_id = pl.course_id AND e.status <> 'withdrawn' FOR UPDATE) AS enrolment_id
     FROM published_lessons pl JOIN courses c ON c.id = pl.course_id
    WHERE pl.lesson_id = $1 AND c.status = 'published';

-- learning.insertQuizAttempt
INSERT INTO quiz_attempts (user_id, course_id, lesson_id, event_id, answers, correct, score, passed, submitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9);

-- learning.lessonStates
SELECT json_agg(json_build_object(
           'lesson_id', pl.lesson_id, 'kind', pl.kind, 'required', pl.required, 'status', lp.status,
           'time_spent_seconds', lp.time_spent_seconds, 'best_score', lp.best_score, 'passed', lp.passed,
           'attempts', lp.attempts, 'position', lp.position) ORDER BY pl.position) AS lessons
    FROM published_lessons pl
    LEFT JOIN lesson_progress lp ON lp.lesson_id = pl.lesson_id AND lp.user_id = $2
   WHERE pl.course_id = $1;

-- learning.lessonStatus
SELECT status AS before, status AS after FROM lesson_progress WHERE user_id = $1 AND lesson_id = $2;

-- learning.myCertificates
SELECT id, code, course_id, course_title, name, issued_at, revoked_at FROM certificates WHERE user_id = $1 ORDER BY issued_at DESC;

-- learning.myEnrolments
SELECT e.id, e.course_id, c.slug, v.meta->'title' AS title, e.status, e.percent, e.enrolled_at, e.completed_at,
         e.last_activity_at, cert.code AS certificate_code, nx.lesson_id AS next_lesson_id, nx.position AS next_position
    FROM enrolments e
    JOIN courses c ON c.id = e.course_id
    JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    LEFT JOIN certificates cert ON cert.user_id = e.user_id AND cert.course_id = e.course_id
    LEFT JOIN LATERAL (
      SELECT pl.lesson_id, lp.position
        FROM published_lessons pl
        LEFT JOIN lesson_progress lp ON lp.lesson_id = pl.lesson_id AND lp.user_id = e.user_id
       WHERE pl.course_id = e.course_id AND coalesce(lp.status, 'not_started') NOT IN ('completed', 'skipped')
       ORDER BY (pl.lesson_id = e.last_lesson_id) DESC, pl.position
       LIMIT 1) nx ON true
   WHERE e.user_id = $1 AND e.status <> 'withdrawn'
   ORDER BY e.last_activity_at DESC NULLS LAST, e.enrolled_at DESC;

-- learning.myJournal
SELECT j.lesson_id, j.course_id, v.meta->'title' AS course_title,
          (SELECT l->'title' FROM jsonb_array_elements(v.snapshot->'modules') m, jsonb_array_elements(m->'lessons') l WHERE l->>'id' = j.lesson_id::text) AS lesson_title,
          j.text, j.shared, j.updated_at
     FROM journal_entries j
     JOIN courses c ON c.id = j.course_id
     JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    WHERE j.user_id = $1 ORDER BY j.updated_at DESC;

-- learning.myQuizAttempts
SELECT qa.answers, qa.correct, qa.score, qa.passed, qa.submitted_at, qa.course_id, c.latest_version
     FROM quiz_attempts qa
     JOIN courses c ON c.id = qa.course_id
    WHERE qa.user_id = $1 AND qa.lesson_id = $2
    ORDER BY qa.submitted_at DESC LIMIT 20;

-- learning.ownsEnrolment
SELECT 1 AS one FROM enrolments WHERE id = $1 AND user_id = $2;

-- learning.quizProgress
WITH old AS (SELECT status FROM lesson_progress WHERE user_id = $1 AND lesson_id = $2)
   INSERT INTO lesson_progress (user_id, lesson_id, course_id, status, attempts, best_score, passed, completed_at)
   VALUES ($1, $2, $3, CASE WHEN $5 THEN 'completed' ELSE 'in_progress' END, 1, $4, $5, CASE WHEN $5 THEN $6::timestamptz END)
   ON CONFLICT (user_id, lesson_id) DO UPDATE SET
     attempts = lesson_progress.attempts + 1,
     best_score = greatest(lesson_progress.best_score, $4),
     passed = coalesce(lesson_progress.passed, false) OR $5,
     status = CASE WHEN $5 OR lesson_progress.status = 'completed' THEN 'completed' ELSE lesson_progress.status END,
     completed_at = CASE WHEN $5 THEN coalesce(lesson_progress.completed_at, $6::timestamptz) ELSE lesson_progress.completed_at END,
     updated_at = now()
   RETURNING (SELECT status FROM old) AS before, lesson_progress.status AS after;

-- learning.reflectionProgress
WITH old AS (SELECT status FROM lesson_progress WHERE user_id = $1 AND lesson_id = $2)
   INSERT INTO lesson_progress (user_id, lesson_id, course_id, status, completed_at, updated_at) VALUES ($1, $2, $3, 'completed', $4, now())
   ON CONFLICT (user_id, lesson_id) DO UPDATE SET status = 'completed', completed_at = coalesce(lesson_progress.completed_at, $4), updated_at = now()
   RETURNING (SELECT status FROM old) AS before, lesson_progress.status AS after;

-- learning.renameCertificate
WITH u AS (UPDATE certificates SET name = $3 WHERE id = $1 AND user_id = $2 RETURNING *)
   SELECT id, code, course_id, course_title, name, issued_at, revoked_at FROM u;

-- learning.saveJournal
INSERT INTO journal_entries (user_id, lesson_id, course_id, text, shared, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
   ON CONFLICT (user_id, lesson_id) DO UPDATE SET text = $4, shared = $5, updated_at = $6 WHERE journal_entries.updated_at <= $6;

-- learning.snapshot
SELECT snapshot FROM course_versions WHERE course_id = $1 AND version = $2;

-- learning.storeEvent (prepared)
WITH 
      ins AS (
        INSERT INTO learning_events (id, user_id, course_id, lesson_id, course_version, type, payload, occurred_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id),
      act AS (
        UPDATE enrolments
           SET last_activity_at = greatest(coalesce(last_activity_at, $8), $8),
               last_lesson_id = CASE WHEN $8 >= coalesce(last_activity_at, '-infinity') THEN $4 ELSE last_lesson_id END
         WHERE id = $9 AND EXISTS (SELECT 1 FROM ins) RETURNING id) SELECT EXISTS (SELECT 1 FROM ins) AS inserted, (SELECT count(*) FROM act) AS moved;

-- learning.storeSimpleEvents (prepared)
WITH ev AS (
     SELECT * FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::text[], $7::jsonb[], $8::timestamptz[], $9::uuid[], $10::float8[], $11::int[])
       WITH ORDINALITY AS t(id, lesson_id, course_id, version, type, payload, occurred_at, enrolment_id, position, seconds, ord)),
   ins AS (
     INSERT INTO learning_events (id, user_id, course_id, lesson_id, course_version, type, payload, occurred_at)
     SELECT ev.id, $1, ev.course_id, ev.lesson_id, ev.version, ev.type, ev.payload, ev.occurred_at FROM ev ORDER BY ev.ord
     ON CONFLICT (id) DO NOTHING RETURNING id),
   fresh AS (SELECT ev.* FROM ev JOIN ins ON ins.id = ev.id),
   per_lesson AS (
     SELECT fresh.lesson_id, (array_agg(fresh.course_id))[1] AS course_id,
            CASE WHEN bool_or(fresh.type = 'completed') THEN 'completed' WHEN bool_or(fresh.type = 'skipped') THEN 'skipped' ELSE 'in_progress' END AS status,
            (array_agg(fresh.occurred_at ORDER BY fresh.ord) FILTER (WHERE fresh.type = 'completed'))[1] AS completed_at,
            (array_agg(fresh.position ORDER BY fresh.ord DESC) FILTER (WHERE fresh.type = 'position'))[1] AS position,
            coalesce(sum(fresh.seconds) FILTER (WHERE fresh.type = 'time_spent'), 0) AS seconds
       FROM fresh GROUP BY fresh.lesson_id),
   old AS (
     SELECT lp.lesson_id, lp.status FROM lesson_progress lp JOIN per_lesson ON per_lesson.lesson_id = lp.lesson_id WHERE lp.user_id = $1),
   up AS (
     INSERT INTO lesson_progress (user_id, lesson_id, course_id, status, position, time_spent_seconds, completed_at, updated_at)
     SELECT $1, per_lesson.lesson_id, per_lesson.course_id, per_lesson.status, per_lesson.position, per_lesson.seconds, per_lesson.completed_at, now()
       FROM per_lesson ORDER BY per_lesson.lesson_id
     ON CONFLICT (user_id, lesson_id) DO UPDATE SET
       status = CASE WHEN EXCLUDED.status = 'completed' OR lesson_progress.status = 'completed' THEN 'completed'
                     WHEN EXCLUDED.status = 'skipped' THEN 'skipped' ELSE lesson_progress.status END,
       completed_at = coalesce(lesson_progress.completed_at, EXCLUDED.completed_at),
       position = coalesce(EXCLUDED.position, lesson_progress.position),
       time_spent_seconds = lesson_progress.time_spent_seconds + EXCLUDED.time_spent_seconds,
       updated_at = now()
     RETURNING lesson_progress.lesson_id, lesson_progress.status),
   running AS (
     SELECT fresh.enrolment_id, fresh.lesson_id, fresh.occurred_at, fresh.ord,
            max(fresh.occurred_at) OVER (PARTITION BY fresh.enrolment_id ORDER BY fresh.ord ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier
       FROM fresh),
   per_enrolment AS (
     SELECT running.enrolment_id, max(running.occurred_at) AS latest,
            (array_agg(running.lesson_id ORDER BY running.ord DESC)
               FILTER (WHERE running.occurred_at >= coalesce(greatest(running.earlier, en.last_activity_at), '-infinity')))[1] AS last_lesson_id
       FROM running JOIN enrolments en ON en.id = running.enrolment_id
      GROUP BY running.enrolment_id),
   act AS (
     UPDATE enrolments SET last_activity_at = greatest(enrolments.last_activity_at, per_enrolment.latest),
            last_lesson_id = coalesce(per_enrolment.last_lesson_id, enrolments.last_lesson_id)
       FROM per_enrolment WHERE enrolments.id = per_enrolment.enrolment_id RETURNING enrolments.id)
   SELECT (SELECT array_agg(ins.id) FROM ins) AS inserted, (SELECT count(*) FROM act)::int AS moved,
          (SELECT json_agg(json_build_object('lesson_id', up.lesson_id, 'before', old.status, 'after', up.status))
             FROM up LEFT JOIN old ON old.lesson_id = up.lesson_id) AS changes;

-- learning.upsertEnrolment
INSERT INTO enrolments (user_id, course_id, source) VALUES ($1, $2, $3)
   ON CONFLICT (user_id, course_id) DO UPDATE
      SET status = CASE WHEN enrolments.status = 'withdrawn' THEN 'active' ELSE enrolments.status END,
          withdrawn_at = NULL
   RETURNING id;

-- learning.withdraw
WITH w AS (UPDATE enrolments SET status = 'withdrawn', withdrawn_at = now() WHERE id = $1 AND user_id = $2 AND status = 'active' RETURNING id) SELECT id FROM w;
