-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- due.activeLearners
SELECT cm.user_id FROM cohort_members cm
    WHERE cm.cohort_id = $1 AND cm.role = 'learner' AND cm.active_courses @> ARRAY[$2::uuid];

-- due.assignedDue
SELECT to_char(cc.due_on, 'YYYY-MM-DD') AS due_on FROM cohort_courses cc WHERE cc.cohort_id = $1 AND cc.course_id = $2 FOR UPDATE;

-- due.counts
SELECT cc.course_id, to_char(cc.due_on, 'YYYY-MM-DD') AS due_on,
         cc.due_on - (now() AT TIME ZONE 'Asia/Seoul')::date AS days_left,
         coalesce((SELECT sum(st.enrolled - st.completed) FROM cohort_course_stats st
                    WHERE st.cohort_id = cc.cohort_id AND st.course_id = cc.course_id), 0)::int AS remaining
    FROM cohort_courses cc
   WHERE cc.cohort_id = $1
   ORDER BY cc.assigned_at, cc.course_id;

-- due.createSession
INSERT INTO cohort_sessions (cohort_id, title, starts_at, place, notes) VALUES ($1, $2, $3, $4, $5)
   RETURNING id, title, starts_at, place, notes;

-- due.deleteSession
WITH d AS (DELETE FROM cohort_sessions WHERE cohort_id = $1 AND id = $2 RETURNING 1) SELECT 1 AS one FROM d;

-- due.forgetOldNotices
DELETE FROM due_notices WHERE due_on < (now() AT TIME ZONE 'Asia/Seoul')::date - 30;

-- due.koreaToday
SELECT to_char((now() AT TIME ZONE 'Asia/Seoul')::date, 'YYYY-MM-DD') AS today;

-- due.session
SELECT cs.id, cs.title, cs.starts_at, cs.place, cs.notes FROM cohort_sessions cs WHERE cs.cohort_id = $1 AND cs.id = $2 FOR UPDATE;

-- due.sessions
SELECT cs.id, cs.title, cs.starts_at, cs.place, cs.notes FROM cohort_sessions cs WHERE cs.cohort_id = $1 ORDER BY cs.starts_at, cs.id;

-- due.sweep
WITH today AS (SELECT (now() AT TIME ZONE 'Asia/Seoul')::date AS d),
  due AS (
    SELECT DISTINCT cm.user_id, cc.course_id, cc.due_on, CASE WHEN cc.due_on < t.d THEN 'overdue' ELSE 'due_soon' END AS kind
      FROM today t
      JOIN cohort_courses cc ON cc.due_on BETWEEN t.d - 3 AND t.d + 3
      JOIN cohort_members cm ON cm.cohort_id = cc.cohort_id AND cm.role = 'learner' AND cm.active_courses @> ARRAY[cc.course_id]),
  ins AS (
    INSERT INTO due_notices (user_id, course_id, kind, due_on)
    SELECT due.user_id, due.course_id, due.kind, due.due_on FROM due
    ON CONFLICT DO NOTHING
    RETURNING due_notices.user_id, due_notices.course_id, due_notices.kind, due_notices.due_on)
  SELECT ins.course_id, ins.kind, to_char(ins.due_on, 'YYYY-MM-DD') AS due_on, array_agg(ins.user_id ORDER BY ins.user_id) AS user_ids
    FROM ins GROUP BY ins.course_id, ins.kind, ins.due_on;

-- due.sweepLock
SELECT pg_try_advisory_xact_lock(1684107881, 17) AS locked;

-- due.todoCohorts
SELECT co.id, co.name, to_char(co.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(co.ends_on, 'YYYY-MM-DD') AS ends_on,
         coalesce(nxt.sessions, '[]') AS sessions
    FROM cohort_members cm
    JOIN cohorts co ON co.id = cm.cohort_id
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('id', s.id, 'title', s.title, 'starts_at', s.starts_at, 'place', s.place, 'notes', s.notes)
                      ORDER BY s.starts_at, s.id) AS sessions
        FROM (SELECT cs.id, cs.title, cs.starts_at, cs.place, cs.notes
                FROM cohort_sessions cs
               WHERE cs.cohort_id = co.id
                 AND cs.starts_at >= date_trunc('day', now() AT TIME ZONE 'Asia/Seoul') AT TIME ZONE 'Asia/Seoul'
               ORDER BY cs.starts_at, cs.id
               LIMIT $2) s) nxt ON true
   WHERE cm.user_id = $1 AND cm.role = 'learner'
     AND (co.ends_on IS NULL OR co.ends_on >= (now() AT TIME ZONE 'Asia/Seoul')::date)
   ORDER BY co.starts_on NULLS LAST, co.name, co.id;

-- due.todoCourses
WITH assigned AS (
    SELECT cc.course_id, min(cc.due_on) AS due_on
      FROM cohort_members cm JOIN cohort_courses cc ON cc.cohort_id = cm.cohort_id
     WHERE cm.user_id = $1 AND cm.role = 'learner'
     GROUP BY cc.course_id)
  SELECT a.course_id, c.slug, v.meta->'title' AS title, to_char(a.due_on, 'YYYY-MM-DD') AS due_on,
         a.due_on - (now() AT TIME ZONE 'Asia/Seoul')::date AS days_left,
         e.status, e.percent, nx.lesson_id AS next_lesson_id, e.last_activity_at IS NOT NULL AS started
    FROM assigned a
    JOIN enrolments e ON e.user_id = $1 AND e.course_id = a.course_id AND e.status <> 'withdrawn'
    JOIN courses c ON c.id = a.course_id AND c.status = 'published' AND c.latest_version IS NOT NULL
    JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    LEFT JOIN LATERAL (
      SELECT pl.lesson_id
        FROM published_lessons pl
        LEFT JOIN lesson_progress lp ON lp.lesson_id = pl.lesson_id AND lp.user_id = e.user_id
       WHERE pl.course_id = e.course_id AND coalesce(lp.status, 'not_started') NOT IN ('completed', 'skipped')
       ORDER BY (pl.lesson_id = e.last_lesson_id) DESC, pl.position
       LIMIT 1) nx ON true
   ORDER BY e.status = 'completed', a.due_on NULLS LAST, c.slug;

-- due.updateSession
WITH u AS (UPDATE cohort_sessions SET title = $3, starts_at = $4, place = $5, notes = $6 WHERE cohort_id = $1 AND id = $2
              RETURNING id, title, starts_at, place, notes)
   SELECT u.id, u.title, u.starts_at, u.place, u.notes FROM u;
