-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- completion.activeEnrolmentsOfCourse
SELECT id FROM enrolments WHERE course_id = $1 AND status = 'active' ORDER BY id FOR UPDATE;

-- completion.completion
SELECT e.user_id, e.course_id, e.status,
          count(pl.lesson_id) FILTER (WHERE pl.required OR NOT r.any_required)::int AS total,
          count(pl.lesson_id) FILTER (WHERE (pl.required OR NOT r.any_required) AND (lp.status = 'completed' OR (lp.status = 'skipped' AND pl.kind <> 'quiz')))::int AS done,
          r.any_required
     FROM enrolments e
     CROSS JOIN LATERAL (SELECT coalesce(bool_or(required), false) AS any_required FROM published_lessons WHERE course_id = e.course_id) r
     LEFT JOIN published_lessons pl ON pl.course_id = e.course_id
     LEFT JOIN lesson_progress lp ON lp.lesson_id = pl.lesson_id AND lp.user_id = e.user_id
    WHERE e.id = $1
    GROUP BY e.id, r.any_required;

-- completion.deletePublishedLessons
DELETE FROM published_lessons WHERE course_id = $1;

-- completion.insertPublishedLessons
INSERT INTO published_lessons (lesson_id, course_id, version, position, kind, required, has_content_note)
   SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::text[], $6::boolean[], $7::boolean[]);

-- completion.issueCertificate
INSERT INTO certificates (user_id, course_id, code, name, course_title)
   SELECT u.id, c.id, $3, u.display_name, v.meta->'title'
     FROM users u, courses c JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    WHERE u.id = $1 AND c.id = $2
   ON CONFLICT (user_id, course_id) DO NOTHING
   RETURNING id;

-- completion.setEnrolmentPercent
UPDATE enrolments SET percent = CASE WHEN status = 'completed' THEN percent ELSE $2 END, status = CASE WHEN $3 THEN 'completed' ELSE status END,
          completed_at = CASE WHEN $3 THEN now() ELSE completed_at END WHERE id = $1;
