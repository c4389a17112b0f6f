import type { DraftText } from '@dari/contracts';
import { type Db, run, statement } from '../database/sql.js';

/*
 * The manager's cohort charts (docs/learning-together.md, "Charts"): aggregates only, read from the weekly
 * counters (cohort_activity_weeks, cohort_completion_weeks: a few primary-key rows per week, at most 16
 * shards) and cohort_course_stats, never from events or per-learner rows. apps/api/sql/reports.sql shows
 * each statement whole.
 *
 * The weeks: Korea weeks (Mondays) from the cohort's start (or creation) to its end or this week, whichever
 * comes first, the last CHART_WEEKS of them at most.
 */
export const CHART_WEEKS = 104;
const WEEKS = `bounds AS (
     SELECT date_trunc('week', coalesce(c.starts_on, (c.created_at AT TIME ZONE 'Asia/Seoul')::date))::date AS first_week,
            date_trunc('week', least(coalesce(c.ends_on, t.today), t.today))::date AS last_week
       FROM cohorts c CROSS JOIN (SELECT (now() AT TIME ZONE 'Asia/Seoul')::date AS today) t
      WHERE c.id = $1),
   weeks AS (
     SELECT g.week::date AS week
       FROM bounds b, generate_series(greatest(b.first_week, b.last_week - ${(CHART_WEEKS - 1) * 7}), b.last_week, interval '1 week') AS g(week))`;

const activeWeeksSql = statement<{ week: string; active: number }, [cohortId: string]>(
  'reports.chartActiveWeeks',
  `WITH ${WEEKS}
   SELECT to_char(w.week, 'YYYY-MM-DD') AS week,
          coalesce((SELECT sum(s.active) FROM cohort_activity_weeks s WHERE s.cohort_id = $1 AND s.week = w.week), 0)::int AS active
     FROM weeks w ORDER BY w.week`,
);
/** Learners of the cohort active in each week of its life (each counted once a week). */
export const activeWeeks = (db: Db, cohortId: string) => run(db, activeWeeksSql, [cohortId]);

type CompletionRow = { course_id: string; title: DraftText; enrolled: number; week: string; completed: number };
const completionWeeksSql = statement<CompletionRow, [cohortId: string]>(
  'reports.chartCompletionWeeks',
  `WITH ${WEEKS},
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
    ORDER BY a.assigned_at, a.course_id, w.week`,
);
/**
 * `assigned` is MATERIALIZED so its two sums run once per course, not once per (course, week): inlined,
 * the plan's cost passed jit_above_cost and JIT compiling took 30-90 ms of a 2 ms query (cohort-charts.spec.ts).
 * For each course assigned to the cohort, in the order assigned: its learners enrolled now, and how many of
 * the cohort's learners had completed it by the end of each week (a running total).
 */
export const completionWeeks = (db: Db, cohortId: string) => run(db, completionWeeksSql, [cohortId]);
