import type { DraftText, Enrolment } from '@dari/contracts';
import { type Db, run, statement } from '../database/sql.js';

/*
 * What's due (issue 17): the learner's to-do read, a cohort's sessions, the manager's upcoming and
 * overdue counts, and the reminder sweep. Every day is a Korea day: `(now() AT TIME ZONE
 * 'Asia/Seoul')::date` is today, whatever the server's time zone. `apps/api/sql/due.sql` shows each
 * statement as PostgreSQL receives it.
 */

// ---- the learner's to-do list ----

export interface TodoCourseRow {
  course_id: string;
  slug: string;
  title: DraftText;
  due_on: string | null;
  days_left: number | null;
  status: Enrolment['status'];
  percent: number;
  next_lesson_id: string | null;
  started: boolean;
}
/**
 * The courses the learner `$1`'s cohorts assigned them (each once, with the earliest due date any of
 * those cohorts gives it), their enrolment and where "Continue" goes (as learning.queries.ts reads
 * it): unfinished first, the nearest due date first. Per learner, from indexes: their memberships
 * (idx_cohort_members_user_id), each cohort's courses (its primary key), their enrolment (unique per
 * learner and course) and the course's lessons.
 */
const todoCoursesSql = statement<TodoCourseRow, [learnerId: string]>(
  'due.todoCourses',
  `
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
   ORDER BY e.status = 'completed', a.due_on NULLS LAST, c.slug`,
);
export const todoCourses = (db: Db, learnerId: string) => run(db, todoCoursesSql, [learnerId]);

export interface SessionRow {
  id: string;
  title: string;
  starts_at: Date;
  place: string | null;
  notes: string | null;
}
export interface TodoCohortRow {
  id: string;
  name: string;
  starts_on: string | null;
  ends_on: string | null;
  /** JSON: starts_at arrives as text. */
  sessions: (Omit<SessionRow, 'starts_at'> & { starts_at: string })[];
}
/**
 * The cohorts the learner `$1` learns in that have not ended (Korea time), each with its next
 * `$2` sessions from the start of today on (idx_cohort_sessions_cohort_starts).
 */
const todoCohortsSql = statement<TodoCohortRow, [learnerId: string, sessionsPerCohort: number]>(
  'due.todoCohorts',
  `
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
   ORDER BY co.starts_on NULLS LAST, co.name, co.id`,
);
export const todoCohorts = (db: Db, learnerId: string, sessionsPerCohort: number) =>
  run(db, todoCohortsSql, [learnerId, sessionsPerCohort]);

const koreaTodaySql = statement<{ today: string }>(
  'due.koreaToday',
  `SELECT to_char((now() AT TIME ZONE 'Asia/Seoul')::date, 'YYYY-MM-DD') AS today`,
);
/** Today in Korea, by the database's clock (the one every days-left is counted with). */
export const koreaToday = async (db: Db) => (await run(db, koreaTodaySql, []))[0].today;

// ---- cohort sessions ----

const sessionsSql = statement<SessionRow, [cohortId: string]>(
  'due.sessions',
  `SELECT cs.id, cs.title, cs.starts_at, cs.place, cs.notes FROM cohort_sessions cs WHERE cs.cohort_id = $1 ORDER BY cs.starts_at, cs.id`,
);
/** Every session of the cohort, the earliest first. */
export const sessions = (db: Db, cohortId: string) => run(db, sessionsSql, [cohortId]);

const sessionSql = statement<SessionRow, [cohortId: string, sessionId: string]>(
  'due.session',
  `SELECT cs.id, cs.title, cs.starts_at, cs.place, cs.notes FROM cohort_sessions cs WHERE cs.cohort_id = $1 AND cs.id = $2 FOR UPDATE`,
);
/** One session of the cohort, locked for a change; undefined when the cohort has no such session. */
export const lockedSession = async (db: Db, cohortId: string, sessionId: string) =>
  (await run(db, sessionSql, [cohortId, sessionId]))[0] as SessionRow | undefined;

type SessionValues = [title: string, startsAt: string, place: string | null, notes: string | null];
const createSessionSql = statement<SessionRow, [cohortId: string, ...SessionValues]>(
  'due.createSession',
  `INSERT INTO cohort_sessions (cohort_id, title, starts_at, place, notes) VALUES ($1, $2, $3, $4, $5)
   RETURNING id, title, starts_at, place, notes`,
);
export const createSession = async (db: Db, cohortId: string, ...values: SessionValues) =>
  (await run(db, createSessionSql, [cohortId, ...values]))[0];

const updateSessionSql = statement<SessionRow, [cohortId: string, sessionId: string, ...SessionValues]>(
  'due.updateSession',
  `WITH u AS (UPDATE cohort_sessions SET title = $3, starts_at = $4, place = $5, notes = $6 WHERE cohort_id = $1 AND id = $2
              RETURNING id, title, starts_at, place, notes)
   SELECT u.id, u.title, u.starts_at, u.place, u.notes FROM u`,
);
export const updateSession = async (db: Db, cohortId: string, sessionId: string, ...values: SessionValues) =>
  (await run(db, updateSessionSql, [cohortId, sessionId, ...values]))[0];

const deleteSessionSql = statement<{ one: number }, [cohortId: string, sessionId: string]>(
  'due.deleteSession',
  `WITH d AS (DELETE FROM cohort_sessions WHERE cohort_id = $1 AND id = $2 RETURNING 1) SELECT 1 AS one FROM d`,
);
/** Deletes a session of the cohort; whether there was one. */
export const deleteSession = async (db: Db, cohortId: string, sessionId: string) =>
  (await run(db, deleteSessionSql, [cohortId, sessionId])).length > 0;

// ---- the manager's counts ----

export interface DueCountRow {
  course_id: string;
  due_on: string | null;
  days_left: number | null;
  remaining: number;
}
/**
 * Each course of the cohort `$1` with its due date and how many of its learners are still working
 * through it (enrolled, not completed), from the cohort_course_stats counters: a few shard rows per
 * course by primary key, the same at 100 or 100,000 learners.
 */
const dueCountsSql = statement<DueCountRow, [cohortId: string]>(
  'due.counts',
  `
  SELECT cc.course_id, to_char(cc.due_on, 'YYYY-MM-DD') AS due_on,
         cc.due_on - (now() AT TIME ZONE 'Asia/Seoul')::date AS days_left,
         coalesce((SELECT sum(st.enrolled - st.completed) FROM cohort_course_stats st
                    WHERE st.cohort_id = cc.cohort_id AND st.course_id = cc.course_id), 0)::int AS remaining
    FROM cohort_courses cc
   WHERE cc.cohort_id = $1
   ORDER BY cc.assigned_at, cc.course_id`,
);
export const dueCounts = (db: Db, cohortId: string) => run(db, dueCountsSql, [cohortId]);

// ---- assignment changes ----

const assignedDueSql = statement<{ due_on: string | null }, [cohortId: string, courseId: string]>(
  'due.assignedDue',
  `SELECT to_char(cc.due_on, 'YYYY-MM-DD') AS due_on FROM cohort_courses cc WHERE cc.cohort_id = $1 AND cc.course_id = $2 FOR UPDATE`,
);
/** The course's assignment to the cohort, locked until the change commits; undefined when not assigned. */
export const assignedDue = async (db: Db, cohortId: string, courseId: string) =>
  (await run(db, assignedDueSql, [cohortId, courseId]))[0] as { due_on: string | null } | undefined;

const activeLearnersSql = statement<{ user_id: string }, [cohortId: string, courseId: string]>(
  'due.activeLearners',
  `SELECT cm.user_id FROM cohort_members cm
    WHERE cm.cohort_id = $1 AND cm.role = 'learner' AND cm.active_courses @> ARRAY[$2::uuid]`,
);
/** The cohort's learners still working through the course (from idx_cohort_members_idle, no join). */
export const activeLearners = async (db: Db, cohortId: string, courseId: string) =>
  (await run(db, activeLearnersSql, [cohortId, courseId])).map((r) => r.user_id);

// ---- the reminder sweep ----

const SWEEP_LOCK = 0x64617269; // 'dari': any fixed number, the one the sweep's advisory lock takes
const sweepLockSql = statement<{ locked: boolean }>(
  'due.sweepLock',
  `SELECT pg_try_advisory_xact_lock(${SWEEP_LOCK}, 17) AS locked`,
);
/** Whether this transaction is the one sweeping now (another process holding it: skip this round). */
export const trySweepLock = async (db: Db) => (await run(db, sweepLockSql, []))[0].locked;

export interface DueNoticeGroup {
  course_id: string;
  kind: 'due_soon' | 'overdue';
  due_on: string;
  user_ids: string[];
}
/**
 * The reminders due now, recorded once: "due soon" for a course due today or in the next 3 days,
 * "overdue" for one due in the last 3 days (a longer outage sends no late ones), for every learner
 * still working through it (active_courses, read from idx_cohort_members_idle). Only rows this
 * statement inserts come back, grouped per course, kind and due date, so each is notified once.
 */
const sweepSql = statement<DueNoticeGroup>(
  'due.sweep',
  `
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
    FROM ins GROUP BY ins.course_id, ins.kind, ins.due_on`,
);
export const sweep = (db: Db) => run(db, sweepSql, []);

const forgetOldNoticesSql = statement<never>(
  'due.forgetOldNotices',
  `DELETE FROM due_notices WHERE due_on < (now() AT TIME ZONE 'Asia/Seoul')::date - 30`,
);
/** Records older than the reminders' window are no longer needed to avoid sending one twice. */
export const forgetOldNotices = async (db: Db) => {
  await run(db, forgetOldNoticesSql, []);
};
