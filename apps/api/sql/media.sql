-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- media.forCaller (prepared)
SELECT med.id, med.content_type, med.filename,
         coalesce(c.latest_version IS NOT NULL AND c.status = 'published' AND (c.enrolment_policy IN ('open', 'code') OR EXISTS (SELECT 1 FROM cohort_courses vis_cc JOIN cohort_members vis_cm ON vis_cm.cohort_id = vis_cc.cohort_id AND vis_cm.role = 'learner' AND vis_cm.user_id = $2 WHERE vis_cc.course_id = c.id) OR EXISTS (SELECT 1 FROM enrolments vis_e WHERE vis_e.course_id = c.id AND vis_e.user_id = $2 AND vis_e.status <> 'withdrawn')), false) AS learner_visible,
         coalesce(c.owner_id = $2 OR EXISTS (SELECT 1 FROM course_instructors ci WHERE ci.course_id = c.id AND ci.user_id = $2), false) AS teaches
    FROM (SELECT $1::uuid AS wanted) w
    LEFT JOIN media med ON med.id = w.wanted
    LEFT JOIN courses c ON c.id = med.course_id;
