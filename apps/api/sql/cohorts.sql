-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- cohorts.accounts
SELECT u.id, u.role, u.status FROM users u WHERE u.id = ANY($1::uuid[]);

-- cohorts.addMember
INSERT INTO cohort_members (cohort_id, user_id, role) VALUES ($1, $2, $3);

-- cohorts.addMemberIfAbsent
WITH ins AS (INSERT INTO cohort_members (cohort_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT (cohort_id, user_id) DO NOTHING RETURNING 1)
   SELECT 1 AS one FROM ins;

-- cohorts.allIds
SELECT c.id FROM cohorts c ORDER BY c.starts_on DESC NULLS LAST, c.created_at DESC;

-- cohorts.assignCourse
INSERT INTO cohort_courses (cohort_id, course_id, due_on) VALUES ($1, $2, $3)
   ON CONFLICT (cohort_id, course_id) DO UPDATE SET due_on = $3;

-- cohorts.courses
SELECT cc.course_id, c.slug, c.title, to_char(cc.due_on, 'YYYY-MM-DD') AS due_on
     FROM cohort_courses cc JOIN courses c ON c.id = cc.course_id WHERE cc.cohort_id = $1 ORDER BY cc.assigned_at;

-- cohorts.deleteMember
WITH d AS (DELETE FROM cohort_members WHERE cohort_id = $1 AND user_id = $2 RETURNING 1) SELECT 1 AS one FROM d;

-- cohorts.enrolInCohortCourses
WITH ins AS (
     INSERT INTO enrolments (user_id, course_id, source)
     SELECT u, cc.course_id, 'cohort' FROM unnest($2::uuid[]) AS u, cohort_courses cc
      WHERE cc.cohort_id = $1 AND ($3::uuid IS NULL OR cc.course_id = $3)
     ON CONFLICT (user_id, course_id) DO NOTHING RETURNING id)
   SELECT ins.id FROM ins;

-- cohorts.isLearner
SELECT 1 AS one FROM cohort_members cm WHERE cm.cohort_id = $1 AND cm.user_id = $2 AND cm.role = 'learner';

-- cohorts.isManager
SELECT 1 AS one FROM cohort_members cm WHERE cm.cohort_id = $1 AND cm.user_id = $2 AND cm.role = 'manager';

-- cohorts.isMember
SELECT 1 AS one FROM cohort_members cm WHERE cm.cohort_id = $1 AND cm.user_id = $2;

-- cohorts.learnerIds
SELECT cm.user_id FROM cohort_members cm WHERE cm.cohort_id = $1 AND cm.role = 'learner';

-- cohorts.learnerMembership
SELECT cm.added_at FROM cohort_members cm JOIN users u ON u.id = cm.user_id
    WHERE cm.cohort_id = $1 AND cm.user_id = $2 AND cm.role = 'learner' AND u.erased_at IS NULL;

-- cohorts.lockEnrolments
SELECT 1 AS one FROM enrolments e WHERE e.user_id = $1 ORDER BY e.id FOR SHARE;

-- cohorts.lookupAccount
SELECT u.id, u.display_name, u.role, m.role AS member,
          ($4::boolean OR (u.role = 'learner' AND NOT EXISTS (SELECT 1 FROM cohort_members om
                       WHERE om.user_id = u.id
                         AND NOT EXISTS (SELECT 1 FROM cohort_members om_mm WHERE om_mm.cohort_id = om.cohort_id AND om_mm.user_id = $3 AND om_mm.role = 'manager')))) AS reachable
     FROM users u LEFT JOIN cohort_members m ON m.user_id = u.id AND m.cohort_id = $2
    WHERE u.username = $1 AND u.status = 'active' AND u.erased_at IS NULL;

-- cohorts.lookupsInWindow
SELECT count(*)::int AS n FROM audit_events ae
    WHERE ae.actor_id = $1 AND ae.action = 'user.viewed' AND ae.occurred_at > now() - interval '15 minutes' AND ae.details->>'reason' = 'cohort_lookup';

-- cohorts.managedIds
SELECT c.id FROM cohorts c JOIN cohort_members m ON m.cohort_id = c.id AND m.user_id = $1 AND m.role = 'manager'
    ORDER BY c.starts_on DESC NULLS LAST, c.created_at DESC;

-- cohorts.memberCounts
SELECT count(*) FILTER (WHERE cm.role = 'manager')::int AS managers, count(*) FILTER (WHERE cm.role = 'instructor')::int AS instructors,
          count(*) FILTER (WHERE cm.role = 'learner')::int AS learners
     FROM cohort_members cm WHERE cm.cohort_id = $1;

-- cohorts.membersCount
SELECT count(*)::int AS total
    FROM cohort_members m JOIN users u ON u.id = m.user_id
   WHERE m.cohort_id = $1 AND ($2::text IS NULL OR m.role = $2) AND ($3::text IS NULL OR u.display_name ILIKE $3);

-- cohorts.membersPage
SELECT m.user_id, u.display_name, m.role, m.added_at
    FROM cohort_members m JOIN users u ON u.id = m.user_id
   WHERE m.cohort_id = $1 AND ($2::text IS NULL OR m.role = $2) AND ($3::text IS NULL OR u.display_name ILIKE $3)
   ORDER BY u.display_name, u.id LIMIT $4 OFFSET $5;

-- cohorts.publishedCourse
SELECT c.id FROM courses c WHERE c.id = $1 AND c.latest_version IS NOT NULL AND c.status <> 'archived';

-- cohorts.unassignCourse
DELETE FROM cohort_courses WHERE cohort_id = $1 AND course_id = $2;

-- cohorts.upsertMember
INSERT INTO cohort_members (cohort_id, user_id, role) VALUES ($1, $2, $3)
   ON CONFLICT (cohort_id, user_id) DO UPDATE SET role = $3;
