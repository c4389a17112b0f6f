-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- catalog.course (prepared)
SELECT v.snapshot - 'rendered' AS snapshot
     FROM courses c JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    WHERE c.slug = $1 AND c.status = 'published' AND (c.enrolment_policy IN ('open', 'code') OR EXISTS (SELECT 1 FROM cohort_courses vis_cc JOIN cohort_members vis_cm ON vis_cm.cohort_id = vis_cc.cohort_id AND vis_cm.role = 'learner' AND vis_cm.user_id = $2 WHERE vis_cc.course_id = c.id) OR EXISTS (SELECT 1 FROM enrolments vis_e WHERE vis_e.course_id = c.id AND vis_e.user_id = $2 AND vis_e.status <> 'withdrawn'));

-- catalog.list
SELECT c.id, c.slug, c.enrolment_policy, v.version, v.lesson_count,
          v.meta AS s
     FROM courses c JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    WHERE c.status = 'published' AND (c.enrolment_policy IN ('open', 'code') OR EXISTS (SELECT 1 FROM cohort_courses vis_cc JOIN cohort_members vis_cm ON vis_cm.cohort_id = vis_cc.cohort_id AND vis_cm.role = 'learner' AND vis_cm.user_id = $1 WHERE vis_cc.course_id = c.id) OR EXISTS (SELECT 1 FROM enrolments vis_e WHERE vis_e.course_id = c.id AND vis_e.user_id = $1 AND vis_e.status <> 'withdrawn'))
    ORDER BY c.published_at, c.slug;

-- catalog.outlineSnapshot (prepared)
SELECT v.snapshot - 'rendered' - 'facts' AS snapshot FROM course_versions v WHERE v.id = $1;

-- catalog.versionLesson (prepared)
SELECT (SELECT les FROM jsonb_array_elements(v.snapshot->'modules') AS mods(module),
                  jsonb_array_elements(mods.module->'lessons') AS les
            WHERE les->>'id' = $2) AS lesson,
          v.snapshot->'rendered'->$2 AS rendered,
          v.snapshot->'facts' AS facts
     FROM course_versions v WHERE v.id = $1;

-- catalog.visibleVersion (prepared)
SELECT c.id AS course_id, v.id AS version_id, v.version
     FROM courses c JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    WHERE c.slug = $1 AND c.status = 'published' AND (c.enrolment_policy IN ('open', 'code') OR EXISTS (SELECT 1 FROM cohort_courses vis_cc JOIN cohort_members vis_cm ON vis_cm.cohort_id = vis_cc.cohort_id AND vis_cm.role = 'learner' AND vis_cm.user_id = $2 WHERE vis_cc.course_id = c.id) OR EXISTS (SELECT 1 FROM enrolments vis_e WHERE vis_e.course_id = c.id AND vis_e.user_id = $2 AND vis_e.status <> 'withdrawn'));
