-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- announcements.cohortList
SELECT a.id, a.audience, a.cohort_id, a.course_id, a.text, a.at_risk_only, a.created_at, a.read_count, a.recipient_count,
          coalesce(a.recipient_count, (SELECT count(*) FROM cohort_members m WHERE m.cohort_id = a.cohort_id AND m.role = 'learner'))::int AS audience_count
     FROM announcements a WHERE a.cohort_id = $1 ORDER BY a.created_at DESC LIMIT 50;

-- announcements.countAtRisk
SELECT count(*)::int AS n FROM cohort_members m
    WHERE m.cohort_id = $1 AND m.role = 'learner' AND (coalesce(m.last_active_at, m.added_at) < now() - make_interval(days => $2) OR m.active_courses && $3::uuid[]);

-- announcements.courseList
SELECT a.id, a.audience, a.cohort_id, a.course_id, a.text, a.at_risk_only, a.created_at, a.read_count, a.recipient_count,
          (SELECT count(*) FROM enrolments e WHERE e.course_id = a.course_id AND e.status <> 'withdrawn')::int AS audience_count
     FROM announcements a WHERE a.course_id = $1 ORDER BY a.created_at DESC LIMIT 50;

-- announcements.create
INSERT INTO announcements AS a (audience, cohort_id, course_id, at_risk_only, author_id, text)
   VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING a.id, a.audience, a.cohort_id, a.course_id, a.text, a.at_risk_only, a.created_at, a.read_count, a.recipient_count;

-- announcements.fillAtRisk
WITH batch AS (
     SELECT m.user_id FROM cohort_members m
      WHERE m.cohort_id = $2 AND m.role = 'learner' AND m.user_id > coalesce($5::uuid, '00000000-0000-0000-0000-000000000000')
        AND (coalesce(m.last_active_at, m.added_at) < now() - make_interval(days => $3) OR m.active_courses && $4::uuid[])
      ORDER BY m.user_id LIMIT $6
   ), ins AS (
     INSERT INTO announcement_recipients (announcement_id, user_id) SELECT $1, b.user_id FROM batch b ON CONFLICT DO NOTHING
   )
   SELECT (SELECT count(*) FROM batch)::int AS n, (SELECT b.user_id FROM batch b ORDER BY b.user_id DESC LIMIT 1) AS last;

-- announcements.isCohortLearner
SELECT 1 AS one FROM cohort_members m WHERE m.cohort_id = $2 AND m.user_id = $1 AND m.role = 'learner';

-- announcements.lockAuthor
SELECT pg_advisory_xact_lock(hashtext('announcement:' || $1::text));

-- announcements.myCohortAnnouncements
SELECT a.id, a.audience, a.cohort_id, a.course_id, a.text, a.at_risk_only, a.created_at, a.read_count, a.recipient_count, EXISTS (SELECT 1 FROM announcement_reads r WHERE r.announcement_id = a.id AND r.user_id = $1) AS read
     FROM announcements a
    WHERE a.cohort_id = $2
      AND (NOT a.at_risk_only OR EXISTS (SELECT 1 FROM announcement_recipients ar WHERE ar.announcement_id = a.id AND ar.user_id = $1))
    ORDER BY a.created_at DESC LIMIT 3;

-- announcements.myCourseAnnouncements
SELECT a.id, a.audience, a.cohort_id, a.course_id, a.text, a.at_risk_only, a.created_at, a.read_count, a.recipient_count, EXISTS (SELECT 1 FROM announcement_reads r WHERE r.announcement_id = a.id AND r.user_id = $1) AS read
     FROM announcements a WHERE a.course_id = $2 ORDER BY a.created_at DESC LIMIT 3;

-- announcements.nextToFill
SELECT a.id, a.cohort_id, a.fill_cursor FROM announcements a
    WHERE a.fill_cursor IS NOT NULL ORDER BY a.created_at LIMIT 1 FOR UPDATE SKIP LOCKED;

-- announcements.pastDueCourses
SELECT cc.course_id FROM cohort_courses cc WHERE cc.cohort_id = $1 AND cc.due_on < current_date;

-- announcements.sentLastHour
SELECT count(*)::int AS n, ceil(extract(epoch FROM min(a.created_at) + interval '1 hour' - now()))::int AS retry_after
     FROM announcements a WHERE a.author_id = $1 AND a.created_at > now() - interval '1 hour';

-- announcements.setFillCursor
UPDATE announcements
      SET fill_cursor = $2,
          recipient_count = CASE WHEN $2::uuid IS NULL THEN (SELECT count(*) FROM announcement_recipients r WHERE r.announcement_id = $1)::int ELSE recipient_count END
    WHERE id = $1;

-- announcements.setRecipientCount
UPDATE announcements SET recipient_count = $2 WHERE id = $1;

-- announcements.takesCourse
SELECT 1 AS one FROM enrolments e WHERE e.course_id = $2 AND e.user_id = $1 AND e.status <> 'withdrawn';
