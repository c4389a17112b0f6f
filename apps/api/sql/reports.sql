-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- reports.accountLocale
SELECT u.locale FROM users u WHERE u.id = $1;

-- reports.active30Of
SELECT count(*)::int AS n FROM cohort_members m WHERE m.cohort_id = ANY($1::uuid[]) AND m.role = 'learner' AND m.last_active_at >= now() - interval '30 days';

-- reports.active7Of
SELECT count(*)::int AS n FROM cohort_members m WHERE m.cohort_id = ANY($1::uuid[]) AND m.role = 'learner' AND m.last_active_at >= now() - interval '7 days';

-- reports.allActive
SELECT count(DISTINCT e.user_id) FILTER (WHERE e.last_activity_at >= now() - interval '7 days')::int AS a7, count(DISTINCT e.user_id)::int AS a30
     FROM enrolments e WHERE e.last_activity_at >= now() - interval '30 days';

-- reports.allCohorts
SELECT k.id, k.name,
          coalesce((SELECT sum(es.enrolled) FROM cohort_course_stats es JOIN cohort_courses ecc ON ecc.cohort_id = es.cohort_id AND ecc.course_id = es.course_id WHERE es.cohort_id = k.id), 0)::int AS enrolments,
          coalesce((SELECT sum(cs.completed) FROM cohort_course_stats cs JOIN cohort_courses ccc ON ccc.cohort_id = cs.cohort_id AND ccc.course_id = cs.course_id WHERE cs.cohort_id = k.id), 0)::int AS completions
     FROM cohorts k
    ORDER BY k.name;

-- reports.allCourses
SELECT c.id, c.title, x.enrolments, x.completions
     FROM (SELECT s.course_id, sum(s.enrolled)::int AS enrolments, sum(s.completed)::int AS completions
             FROM course_stats s
            GROUP BY s.course_id HAVING sum(s.enrolled) + sum(s.withdrawn) > 0) x
     JOIN courses c ON c.id = x.course_id
    ORDER BY x.enrolments DESC, c.id;

-- reports.allLearners
SELECT count(*)::int AS n FROM users u WHERE u.role = 'learner';

-- reports.chartActiveWeeks
WITH bounds AS (
     SELECT date_trunc('week', coalesce(c.starts_on, (c.created_at AT TIME ZONE 'Asia/Seoul')::date))::date AS first_week,
            date_trunc('week', least(coalesce(c.ends_on, t.today), t.today))::date AS last_week
       FROM cohorts c CROSS JOIN (SELECT (now() AT TIME ZONE 'Asia/Seoul')::date AS today) t
      WHERE c.id = $1),
   weeks AS (
     SELECT g.week::date AS week
       FROM bounds b, generate_series(greatest(b.first_week, b.last_week - 721), b.last_week, interval '1 week') AS g(week))
   SELECT to_char(w.week, 'YYYY-MM-DD') AS week,
          coalesce((SELECT sum(s.active) FROM cohort_activity_weeks s WHERE s.cohort_id = $1 AND s.week = w.week), 0)::int AS active
     FROM weeks w ORDER BY w.week;

-- reports.chartCompletionWeeks
WITH bounds AS (
     SELECT date_trunc('week', coalesce(c.starts_on, (c.created_at AT TIME ZONE 'Asia/Seoul')::date))::date AS first_week,
            date_trunc('week', least(coalesce(c.ends_on, t.today), t.today))::date AS last_week
       FROM cohorts c CROSS JOIN (SELECT (now() AT TIME ZONE 'Asia/Seoul')::date AS today) t
      WHERE c.id = $1),
   weeks AS (
     SELECT g.week::date AS week
       FROM bounds b, generate_series(greatest(b.first_week, b.last_week - 721), b.last_week, interval '1 week') AS g(week)),
   counted AS (
     SELECT cw.course_id, cw.week, sum(cw.completed) AS n
       FROM cohort_completion_weeks cw WHERE cw.cohort_id = $1 GROUP BY cw.course_id, cw.week),
   assigned AS MATERIALIZED (
     SELECT cc.course_id, k.title, cc.assigned_at,
            (SELECT coalesce(sum(cs.enrolled), 0) FROM cohort_course_stats cs WHERE cs.cohort_id = $1 AND cs.course_id = cc.course_id)::int AS enrolled,
            (SELECT coalesce(sum(c0.n), 0) FROM counted c0 WHERE c0.course_id = cc.course_id AND c0.week < (SELECT min(w0.week) FROM weeks w0)) AS before_first
       FROM cohort_courses cc JOIN courses k ON k.id = cc.course_id
      WHERE cc.cohort_id = $1)
   SELECT a.course_id, a.title, a.enrolled, to_char(w.week, 'YYYY-MM-DD') AS week,
          (a.before_first + sum(coalesce(c.n, 0)) OVER (PARTITION BY a.course_id ORDER BY w.week))::int AS completed
     FROM assigned a CROSS JOIN weeks w
     LEFT JOIN counted c ON c.course_id = a.course_id AND c.week = w.week
    ORDER BY a.assigned_at, a.course_id, w.week;

-- reports.cohortCourses
SELECT cc.course_id, c.slug, c.title, to_char(cc.due_on, 'YYYY-MM-DD') AS due_on, coalesce(cc.due_on < current_date, false) AS past_due
     FROM cohort_courses cc JOIN courses c ON c.id = cc.course_id WHERE cc.cohort_id = $1 ORDER BY cc.assigned_at;

-- reports.cohortsOf
SELECT k.id, k.name,
          coalesce((SELECT sum(es.enrolled) FROM cohort_course_stats es JOIN cohort_courses ecc ON ecc.cohort_id = es.cohort_id AND ecc.course_id = es.course_id WHERE es.cohort_id = k.id), 0)::int AS enrolments,
          coalesce((SELECT sum(cs.completed) FROM cohort_course_stats cs JOIN cohort_courses ccc ON ccc.cohort_id = cs.cohort_id AND ccc.course_id = cs.course_id WHERE cs.cohort_id = k.id), 0)::int AS completions
     FROM cohorts k
    WHERE k.id = ANY($1::uuid[])
    ORDER BY k.name;

-- reports.courseCounts
SELECT coalesce(sum(s.enrolled), 0)::int AS enrolments, coalesce(sum(s.completed), 0)::int AS completions FROM course_stats s WHERE s.course_id = $1;

-- reports.courseHead
SELECT c.id, c.title, c.latest_version, v.snapshot FROM courses c LEFT JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version WHERE c.id = $1;

-- reports.coursesOf
SELECT c.id, c.title, x.enrolments, x.completions
     FROM (SELECT s.course_id, sum(s.enrolled)::int AS enrolments, sum(s.completed)::int AS completions
             FROM cohort_course_stats s WHERE s.cohort_id = ANY($1::uuid[])
            GROUP BY s.course_id HAVING sum(s.enrolled) + sum(s.withdrawn) > 0) x
     JOIN courses c ON c.id = x.course_id
    ORDER BY x.enrolments DESC, c.id;

-- reports.coursesOfDistinct
SELECT c.id, c.title, x.enrolments, x.completions
     FROM (SELECT e.course_id, count(*) FILTER (WHERE e.status <> 'withdrawn')::int AS enrolments, count(*) FILTER (WHERE e.status = 'completed')::int AS completions
             FROM enrolments e
            WHERE e.user_id IN (SELECT m.user_id FROM cohort_members m WHERE m.role = 'learner' AND m.cohort_id = ANY($1::uuid[]))
            GROUP BY e.course_id) x
     JOIN courses c ON c.id = x.course_id
    ORDER BY x.enrolments DESC, c.id;

-- reports.distinctActive30Of
SELECT count(DISTINCT m.user_id)::int AS n FROM cohort_members m WHERE m.cohort_id = ANY($1::uuid[]) AND m.role = 'learner' AND m.last_active_at >= now() - interval '30 days';

-- reports.distinctActive7Of
SELECT count(DISTINCT m.user_id)::int AS n FROM cohort_members m WHERE m.cohort_id = ANY($1::uuid[]) AND m.role = 'learner' AND m.last_active_at >= now() - interval '7 days';

-- reports.distinctLearnersOf
SELECT count(DISTINCT m.user_id)::int AS n FROM cohort_members m WHERE m.cohort_id = ANY($1::uuid[]) AND m.role = 'learner';

-- reports.exportOrder
SELECT m.user_id FROM cohort_members m JOIN users u ON u.id = m.user_id
    WHERE m.cohort_id = $1 AND m.role = 'learner'
    ORDER BY u.display_name, u.id;

-- reports.exportPage
SELECT m.user_id, u.display_name, (SELECT max(x.last_activity_at) FROM enrolments x WHERE x.user_id = m.user_id GROUP BY x.user_id) AS last_active,
         (coalesce(m.last_active_at, m.added_at) < now() - make_interval(days => $2) OR m.active_courses && $3::uuid[]) AS at_risk,
         (SELECT json_agg(json_build_object('course_id', e.course_id, 'status', e.status, 'percent', e.percent, 'overdue', coalesce(cc.due_on < current_date AND e.status = 'active', false)))
            FROM cohort_courses cc JOIN enrolments e ON e.course_id = cc.course_id AND e.user_id = m.user_id
           WHERE cc.cohort_id = m.cohort_id) AS cells
    FROM unnest($4::uuid[]) WITH ORDINALITY AS page(user_id, n)
    CROSS JOIN LATERAL (
      SELECT k.cohort_id, k.user_id, k.role, k.added_at, k.last_active_at, k.active_courses
        FROM cohort_members k WHERE k.cohort_id = $1 AND k.user_id = page.user_id LIMIT 1) AS m
    JOIN users u ON u.id = m.user_id
   WHERE m.role = 'learner'
   ORDER BY page.n;

-- reports.gridCells
SELECT e.user_id, e.course_id, e.status, e.percent, coalesce(cc.due_on < current_date AND e.status = 'active', false) AS overdue
     FROM enrolments e JOIN cohort_courses cc ON cc.course_id = e.course_id AND cc.cohort_id = $1
    WHERE e.user_id = ANY($2::uuid[]);

-- reports.gridCount
SELECT count(*)::int AS n FROM cohort_members m WHERE m.cohort_id = $1 AND m.role = 'learner';

-- reports.gridCountActiveInPastDue
SELECT count(*)::int AS n FROM cohort_members m WHERE m.cohort_id = $1 AND m.role = 'learner' AND NOT coalesce(m.last_active_at, m.added_at) < now() - make_interval(days => $2) AND m.active_courses && $3::uuid[];

-- reports.gridCountIdle
SELECT count(*)::int AS n FROM cohort_members m WHERE m.cohort_id = $1 AND m.role = 'learner' AND coalesce(m.last_active_at, m.added_at) < now() - make_interval(days => $2);

-- reports.gridCursor
SELECT u.display_name FROM cohort_members m JOIN users u ON u.id = m.user_id WHERE m.cohort_id = $1 AND m.user_id = $2 AND m.role = 'learner';

-- reports.gridPage
WITH p AS (
      SELECT m.user_id, u.display_name, m.added_at, m.last_active_at, m.active_courses
        FROM cohort_members m JOIN users u ON u.id = m.user_id
       WHERE m.cohort_id = $1 AND m.role = 'learner'
       ORDER BY u.display_name, u.id LIMIT $3 OFFSET $4)
    SELECT p.user_id, p.display_name, (SELECT max(e.last_activity_at) FROM enrolments e WHERE e.user_id = p.user_id GROUP BY e.user_id) AS last_active,
           (coalesce(p.last_active_at, p.added_at) < now() - make_interval(days => $2) OR p.active_courses && $5::uuid[]) AS at_risk
      FROM p ORDER BY p.display_name, p.user_id;

-- reports.gridPageAfter
WITH p AS (
      SELECT m.user_id, u.display_name, m.added_at, m.last_active_at, m.active_courses
        FROM cohort_members m JOIN users u ON u.id = m.user_id
       WHERE m.cohort_id = $1 AND m.role = 'learner' AND (u.display_name, u.id) > ($6::text, $7::uuid)
       ORDER BY u.display_name, u.id LIMIT $3 OFFSET $4)
    SELECT p.user_id, p.display_name, (SELECT max(e.last_activity_at) FROM enrolments e WHERE e.user_id = p.user_id GROUP BY e.user_id) AS last_active,
           (coalesce(p.last_active_at, p.added_at) < now() - make_interval(days => $2) OR p.active_courses && $5::uuid[]) AS at_risk
      FROM p ORDER BY p.display_name, p.user_id;

-- reports.gridPageAtRisk
WITH p AS (
      SELECT m.user_id, u.display_name, m.added_at, m.last_active_at, m.active_courses
        FROM cohort_members m JOIN users u ON u.id = m.user_id
       WHERE m.cohort_id = $1 AND m.role = 'learner' AND (coalesce(m.last_active_at, m.added_at) < now() - make_interval(days => $2) OR m.active_courses && $5::uuid[])
       ORDER BY u.display_name, u.id LIMIT $3 OFFSET $4)
    SELECT p.user_id, p.display_name, (SELECT max(e.last_activity_at) FROM enrolments e WHERE e.user_id = p.user_id GROUP BY e.user_id) AS last_active,
           (coalesce(p.last_active_at, p.added_at) < now() - make_interval(days => $2) OR p.active_courses && $5::uuid[]) AS at_risk
      FROM p ORDER BY p.display_name, p.user_id;

-- reports.gridPageAtRiskAfter
WITH p AS (
      SELECT m.user_id, u.display_name, m.added_at, m.last_active_at, m.active_courses
        FROM cohort_members m JOIN users u ON u.id = m.user_id
       WHERE m.cohort_id = $1 AND m.role = 'learner' AND (coalesce(m.last_active_at, m.added_at) < now() - make_interval(days => $2) OR m.active_courses && $5::uuid[]) AND (u.display_name, u.id) > ($6::text, $7::uuid)
       ORDER BY u.display_name, u.id LIMIT $3 OFFSET $4)
    SELECT p.user_id, p.display_name, (SELECT max(e.last_activity_at) FROM enrolments e WHERE e.user_id = p.user_id GROUP BY e.user_id) AS last_active,
           (coalesce(p.last_active_at, p.added_at) < now() - make_interval(days => $2) OR p.active_courses && $5::uuid[]) AS at_risk
      FROM p ORDER BY p.display_name, p.user_id;

-- reports.gridPageAtRiskBefore
WITH p AS (
      SELECT m.user_id, u.display_name, m.added_at, m.last_active_at, m.active_courses
        FROM cohort_members m JOIN users u ON u.id = m.user_id
       WHERE m.cohort_id = $1 AND m.role = 'learner' AND (coalesce(m.last_active_at, m.added_at) < now() - make_interval(days => $2) OR m.active_courses && $5::uuid[]) AND (u.display_name, u.id) < ($6::text, $7::uuid)
       ORDER BY u.display_name DESC, u.id DESC LIMIT $3 OFFSET $4)
    SELECT p.user_id, p.display_name, (SELECT max(e.last_activity_at) FROM enrolments e WHERE e.user_id = p.user_id GROUP BY e.user_id) AS last_active,
           (coalesce(p.last_active_at, p.added_at) < now() - make_interval(days => $2) OR p.active_courses && $5::uuid[]) AS at_risk
      FROM p ORDER BY p.display_name DESC, p.user_id DESC;

-- reports.gridPageBefore
WITH p AS (
      SELECT m.user_id, u.display_name, m.added_at, m.last_active_at, m.active_courses
        FROM cohort_members m JOIN users u ON u.id = m.user_id
       WHERE m.cohort_id = $1 AND m.role = 'learner' AND (u.display_name, u.id) < ($6::text, $7::uuid)
       ORDER BY u.display_name DESC, u.id DESC LIMIT $3 OFFSET $4)
    SELECT p.user_id, p.display_name, (SELECT max(e.last_activity_at) FROM enrolments e WHERE e.user_id = p.user_id GROUP BY e.user_id) AS last_active,
           (coalesce(p.last_active_at, p.added_at) < now() - make_interval(days => $2) OR p.active_courses && $5::uuid[]) AS at_risk
      FROM p ORDER BY p.display_name DESC, p.user_id DESC;

-- reports.learnerAccount
SELECT u.id, u.display_name, u.role FROM users u WHERE u.id = $1;

-- reports.learnerEnrolmentsForAdmin
SELECT e.course_id, c.title, e.status, e.percent, e.completed_at, e.last_activity_at, v.snapshot
     FROM enrolments e JOIN courses c ON c.id = e.course_id JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    WHERE e.user_id = $1
    ORDER BY e.enrolled_at;

-- reports.learnerEnrolmentsForInstructor
SELECT e.course_id, c.title, e.status, e.percent, e.completed_at, e.last_activity_at, v.snapshot
     FROM enrolments e JOIN courses c ON c.id = e.course_id JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    WHERE e.user_id = $1 AND (c.owner_id = $2 OR EXISTS (SELECT 1 FROM course_instructors ci WHERE ci.course_id = c.id AND ci.user_id = $2))
    ORDER BY e.enrolled_at;

-- reports.learnerEnrolmentsForManager
SELECT e.course_id, c.title, e.status, e.percent, e.completed_at, e.last_activity_at, v.snapshot
     FROM enrolments e JOIN courses c ON c.id = e.course_id JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    WHERE e.user_id = $1
      AND EXISTS (SELECT 1 FROM cohort_courses cc
                    JOIN cohort_members lm ON lm.cohort_id = cc.cohort_id AND lm.user_id = $1 AND lm.role = 'learner'
                    JOIN cohort_members mm ON mm.cohort_id = cc.cohort_id AND mm.user_id = $2 AND mm.role = 'manager'
                   WHERE cc.course_id = e.course_id)
    ORDER BY e.enrolled_at;

-- reports.learnerProgress
SELECT lp.lesson_id, lp.status, lp.best_score FROM lesson_progress lp WHERE lp.user_id = $1 AND lp.course_id = ANY($2::uuid[]);

-- reports.learnersPerCohort
SELECT m.cohort_id, count(*)::int AS n FROM cohort_members m WHERE m.role = 'learner' GROUP BY m.cohort_id;

-- reports.learnersPerCohortOf
SELECT m.cohort_id, count(*)::int AS n FROM cohort_members m WHERE m.role = 'learner' AND m.cohort_id = ANY($1::uuid[]) GROUP BY m.cohort_id;

-- reports.lessonStats
SELECT ls.lesson_id, sum(ls.started)::int AS started, sum(ls.completed)::int AS completed FROM lesson_stats ls WHERE ls.course_id = $1 GROUP BY ls.lesson_id;

-- reports.managedCohorts
SELECT cm.cohort_id FROM cohort_members cm WHERE cm.user_id = $1 AND cm.role = 'manager';

-- reports.managerOfLearner
SELECT 1 AS one FROM cohort_members lm JOIN cohort_members mm ON mm.cohort_id = lm.cohort_id
    WHERE lm.user_id = $1 AND lm.role = 'learner' AND mm.user_id = $2 AND mm.role = 'manager';

-- reports.questionStats
SELECT qs.lesson_id, qs.question_key, sum(qs.answers)::int AS answers, sum(qs.correct)::int AS correct FROM question_stats qs WHERE qs.course_id = $1 GROUP BY qs.lesson_id, qs.question_key;

-- reports.sharedReflections
SELECT j.lesson_id, l.title AS lesson_title, u.display_name, j.text, j.updated_at
     FROM journal_entries j JOIN users u ON u.id = j.user_id LEFT JOIN lessons l ON l.id = j.lesson_id
    WHERE j.course_id = $1 AND j.shared AND length(trim(j.text)) > 0 ORDER BY j.updated_at DESC LIMIT 500;

-- reports.skips
SELECT lp.lesson_id, count(*)::int AS skipped FROM lesson_progress lp WHERE lp.course_id = $1 AND lp.status = 'skipped' GROUP BY lp.lesson_id;
