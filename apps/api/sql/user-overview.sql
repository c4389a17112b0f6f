-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- user-overview.cohorts
SELECT k.id, k.name, cm.role
     FROM cohort_members cm JOIN cohorts k ON k.id = cm.cohort_id
    WHERE cm.user_id = $1
    ORDER BY k.name, k.id;

-- user-overview.enrolments
SELECT e.course_id, c.title, e.status, e.percent, e.last_activity_at
     FROM enrolments e JOIN courses c ON c.id = e.course_id
    WHERE e.user_id = $1
    ORDER BY e.enrolled_at, e.id;

-- user-overview.role
SELECT u.role FROM users u WHERE u.id = $1;
