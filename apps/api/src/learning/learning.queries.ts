import type { DraftText, Enrolment, LessonProgress, PublishedCourse } from '@dari/contracts';
import { viaCohort, visibleToLearner } from '../access/visibility.js';
import { type Db, run, statement } from '../database/sql.js';

/*
 * The learning feature's SQL: every statement whole (no fragments assembled per call), with its
 * parameters and rows typed beside it. The rules stay in the services. `apps/api/sql/learning.sql`
 * shows each statement exactly as PostgreSQL receives it.
 *
 * Every enrolment read answers the same columns, including where "Continue" goes (`next_*`): the
 * lesson last worked on if unfinished, else the first one not done. A course page bug once
 * hid in a fragment whose inner `courses c` shadowed the outer one, so these are written out.
 */

export interface EnrolmentRow {
  id: string;
  course_id: string;
  slug: string;
  title: DraftText;
  status: Enrolment['status'];
  percent: number;
  enrolled_at: Date;
  completed_at: Date | null;
  last_activity_at: Date | null;
  certificate_code: string | null;
  next_lesson_id: string | null;
  next_position: number | null;
}

export interface LessonStateRow {
  lesson_id: string;
  kind: string;
  required: boolean;
  status: LessonProgress['status'] | null;
  time_spent_seconds: number | null;
  best_score: number | null;
  passed: boolean | null;
  attempts: number | null;
  position: number | null;
}

/** A lesson's status for one learner before and after an event (null: no row). */
export interface StatusChange {
  before: string | null;
  after: string | null;
}

// ---- enrolments ----

/** Everything the learner `$1` is enrolled in (not withdrawn), most recently active first. */
const myEnrolmentsSql = statement<EnrolmentRow, [learnerId: string]>(
  'learning.myEnrolments',
  `
  SELECT e.id, e.course_id, c.slug, v.meta->'title' AS title, e.status, e.percent, e.enrolled_at, e.completed_at,
         e.last_activity_at, cert.code AS certificate_code, nx.lesson_id AS next_lesson_id, nx.position AS next_position
    FROM enrolments e
    JOIN courses c ON c.id = e.course_id
    JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    LEFT JOIN certificates cert ON cert.user_id = e.user_id AND cert.course_id = e.course_id
    LEFT JOIN LATERAL (
      SELECT pl.lesson_id, lp.position
        FROM published_lessons pl
        LEFT JOIN lesson_progress lp ON lp.lesson_id = pl.lesson_id AND lp.user_id = e.user_id
       WHERE pl.course_id = e.course_id AND coalesce(lp.status, 'not_started') NOT IN ('completed', 'skipped')
       ORDER BY (pl.lesson_id = e.last_lesson_id) DESC, pl.position
       LIMIT 1) nx ON true
   WHERE e.user_id = $1 AND e.status <> 'withdrawn'
   ORDER BY e.last_activity_at DESC NULLS LAST, e.enrolled_at DESC`,
);
export const myEnrolments = (db: Db, learnerId: string) => run(db, myEnrolmentsSql, [learnerId]);

/** One enrolment `$1` of the learner `$2` (any status). */
const enrolmentByIdSql = statement<EnrolmentRow, [enrolmentId: string, learnerId: string]>(
  'learning.enrolmentById',
  `
  SELECT e.id, e.course_id, c.slug, v.meta->'title' AS title, e.status, e.percent, e.enrolled_at, e.completed_at,
         e.last_activity_at, cert.code AS certificate_code, nx.lesson_id AS next_lesson_id, nx.position AS next_position
    FROM enrolments e
    JOIN courses c ON c.id = e.course_id
    JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    LEFT JOIN certificates cert ON cert.user_id = e.user_id AND cert.course_id = e.course_id
    LEFT JOIN LATERAL (
      SELECT pl.lesson_id, lp.position
        FROM published_lessons pl
        LEFT JOIN lesson_progress lp ON lp.lesson_id = pl.lesson_id AND lp.user_id = e.user_id
       WHERE pl.course_id = e.course_id AND coalesce(lp.status, 'not_started') NOT IN ('completed', 'skipped')
       ORDER BY (pl.lesson_id = e.last_lesson_id) DESC, pl.position
       LIMIT 1) nx ON true
   WHERE e.id = $1 AND e.user_id = $2`,
  { prepare: true },
);
export async function enrolmentById(db: Db, enrolmentId: string, learnerId: string): Promise<EnrolmentRow | undefined> {
  return (await run(db, enrolmentByIdSql, [enrolmentId, learnerId]))[0];
}

/**
 * The course page for the learner `$2`: the published course `$1` if the learner may see it (open or
 * coded, or assigned to a cohort they learn in), their enrolment in THAT course if any (not
 * withdrawn; at most one: enrolments are unique per learner and course), and every lesson's state
 * as one JSON array. The visibility rule is written out; src/learning/visibility.spec.ts checks it is
 * exactly `visibleToLearner('crs', '$2')`.
 */
export const COURSE_PAGE = `
  SELECT crs.id AS the_course_id, crs.latest_version, crs.sequential,
         en.id, en.course_id, crs.slug, ver.meta->'title' AS title, en.status, en.percent, en.enrolled_at, en.completed_at,
         en.last_activity_at, cert.code AS certificate_code, nx.lesson_id AS next_lesson_id, nx.position AS next_position,
         states.lessons
    FROM courses crs
    JOIN course_versions ver ON ver.course_id = crs.id AND ver.version = crs.latest_version
    LEFT JOIN enrolments en ON en.course_id = crs.id AND en.user_id = $2 AND en.status <> 'withdrawn'
    LEFT JOIN certificates cert ON cert.user_id = en.user_id AND cert.course_id = en.course_id
    LEFT JOIN LATERAL (
      SELECT pl.lesson_id, lp.position
        FROM published_lessons pl
        LEFT JOIN lesson_progress lp ON lp.lesson_id = pl.lesson_id AND lp.user_id = en.user_id
       WHERE pl.course_id = en.course_id AND coalesce(lp.status, 'not_started') NOT IN ('completed', 'skipped')
       ORDER BY (pl.lesson_id = en.last_lesson_id) DESC, pl.position
       LIMIT 1) nx ON en.id IS NOT NULL
    CROSS JOIN LATERAL (
      SELECT json_agg(json_build_object(
               'lesson_id', pl.lesson_id, 'kind', pl.kind, 'required', pl.required, 'status', lp.status,
               'time_spent_seconds', lp.time_spent_seconds, 'best_score', lp.best_score, 'passed', lp.passed,
               'attempts', lp.attempts, 'position', lp.position) ORDER BY pl.position) AS lessons
        FROM published_lessons pl
        LEFT JOIN lesson_progress lp ON lp.lesson_id = pl.lesson_id AND lp.user_id = $2
       WHERE pl.course_id = crs.id) states
   WHERE crs.slug = $1 AND crs.status = 'published' AND crs.latest_version IS NOT NULL
     AND (crs.enrolment_policy IN ('open', 'code')
          OR EXISTS (SELECT 1 FROM cohort_courses vis_cc JOIN cohort_members vis_cm ON vis_cm.cohort_id = vis_cc.cohort_id AND vis_cm.role = 'learner' AND vis_cm.user_id = $2 WHERE vis_cc.course_id = crs.id)
          OR EXISTS (SELECT 1 FROM enrolments vis_e WHERE vis_e.course_id = crs.id AND vis_e.user_id = $2 AND vis_e.status <> 'withdrawn'))`;

export type CoursePageRow = Omit<EnrolmentRow, 'id'> & {
  id: string | null;
  the_course_id: string;
  latest_version: number;
  sequential: boolean;
  lessons: LessonStateRow[] | null;
};
const coursePageSql = statement<CoursePageRow, [slug: string, learnerId: string]>('learning.coursePage', COURSE_PAGE, {
  prepare: true,
});
export async function coursePage(db: Db, slug: string, learnerId: string): Promise<CoursePageRow | undefined> {
  return (await run(db, coursePageSql, [slug, learnerId]))[0];
}

/** The lessons of course `$1` in order with the learner `$2`'s progress, as one JSON array (`lessons`). */
const lessonStatesSql = statement<{ lessons: LessonStateRow[] | null }, [courseId: string, learnerId: string]>(
  'learning.lessonStates',
  `
  SELECT json_agg(json_build_object(
           'lesson_id', pl.lesson_id, 'kind', pl.kind, 'required', pl.required, 'status', lp.status,
           'time_spent_seconds', lp.time_spent_seconds, 'best_score', lp.best_score, 'passed', lp.passed,
           'attempts', lp.attempts, 'position', lp.position) ORDER BY pl.position) AS lessons
    FROM published_lessons pl
    LEFT JOIN lesson_progress lp ON lp.lesson_id = pl.lesson_id AND lp.user_id = $2
   WHERE pl.course_id = $1`,
);
export async function lessonStates(db: Db, courseId: string, learnerId: string): Promise<LessonStateRow[]> {
  return (await run(db, lessonStatesSql, [courseId, learnerId]))[0]?.lessons ?? [];
}

export interface EnrolTargetRow {
  id: string;
  enrolment_policy: string;
  course_code: string | null;
  in_cohort: boolean;
}
/** The published course `$1` if the learner `$2` may see it, and whether it reaches them through a cohort. */
const enrolTargetSql = statement<EnrolTargetRow, [slug: string, learnerId: string]>(
  'learning.enrolTarget',
  `SELECT crs.id, crs.enrolment_policy, crs.course_code, ${viaCohort('crs', '$2')} AS in_cohort
     FROM courses crs
    WHERE crs.slug = $1 AND crs.status = 'published' AND crs.latest_version IS NOT NULL AND ${visibleToLearner('crs', '$2')}`,
);
export async function enrolTarget(db: Db, slug: string, learnerId: string): Promise<EnrolTargetRow | undefined> {
  return (await run(db, enrolTargetSql, [slug, learnerId]))[0];
}

/** Enrols the learner `$1` in course `$2` (source `$3`), or reactivates a withdrawn enrolment. */
const upsertEnrolmentSql = statement<{ id: string }, [learnerId: string, courseId: string, source: string]>(
  'learning.upsertEnrolment',
  `INSERT INTO enrolments (user_id, course_id, source) VALUES ($1, $2, $3)
   ON CONFLICT (user_id, course_id) DO UPDATE
      SET status = CASE WHEN enrolments.status = 'withdrawn' THEN 'active' ELSE enrolments.status END,
          withdrawn_at = NULL
   RETURNING id`,
);
export async function upsertEnrolment(db: Db, learnerId: string, courseId: string, source: string): Promise<string> {
  return (await run(db, upsertEnrolmentSql, [learnerId, courseId, source]))[0].id;
}

/** Withdraws the active enrolment `$1` of the learner `$2`; answers its id when it did. */
const withdrawSql = statement<{ id: string }, [enrolmentId: string, learnerId: string]>(
  'learning.withdraw',
  `WITH w AS (UPDATE enrolments SET status = 'withdrawn', withdrawn_at = now() WHERE id = $1 AND user_id = $2 AND status = 'active' RETURNING id) SELECT id FROM w`,
);
export async function withdraw(db: Db, enrolmentId: string, learnerId: string): Promise<boolean> {
  return (await run(db, withdrawSql, [enrolmentId, learnerId])).length > 0;
}

const ownsEnrolmentSql = statement<{ one: number }, [enrolmentId: string, learnerId: string]>(
  'learning.ownsEnrolment',
  `SELECT 1 AS one FROM enrolments WHERE id = $1 AND user_id = $2`,
);
export async function ownsEnrolment(db: Db, enrolmentId: string, learnerId: string): Promise<boolean> {
  return (await run(db, ownsEnrolmentSql, [enrolmentId, learnerId])).length > 0;
}

// ---- events ----

export interface EventLessonRow {
  course_id: string;
  version: number;
  kind: string;
  has_content_note: boolean;
  sequential: boolean;
  enrolment_id: string | null;
}
/** The published lesson `$1` and, locked, the learner `$2`'s enrolment in its course (serialises their events). */
const eventLessonSql = statement<EventLessonRow, [lessonId: string, learnerId: string]>(
  'learning.eventLesson',
  `SELECT pl.course_id, pl.version, pl.kind, pl.has_content_note, c.sequential,
          (SELECT e.id FROM enrolments e WHERE e.user_id = $2 AND e.course_id = pl.course_id AND e.status <> 'withdrawn' FOR UPDATE) AS enrolment_id
     FROM published_lessons pl JOIN courses c ON c.id = pl.course_id
    WHERE pl.lesson_id = $1 AND c.status = 'published'`,
  { prepare: true },
);
export async function eventLesson(db: Db, lessonId: string, learnerId: string): Promise<EventLessonRow | undefined> {
  return (await run(db, eventLessonSql, [lessonId, learnerId]))[0];
}

/** Each published lesson of a batch and its course, with the learner's enrolment in that course (if any). */
export interface BatchLessonRow extends EventLessonRow {
  lesson_id: string;
}
/**
 * The published lessons `$1` of a batch and, locked in one order (by id, so two batches of the same
 * learner cannot deadlock), the learner `$2`'s enrolments in their courses: the lock serialises a
 * learner's events per course, as `learning.eventLesson` does for one.
 */
const batchLessonsSql = statement<BatchLessonRow, [lessonIds: string[], learnerId: string]>(
  'learning.batchLessons',
  `WITH locked AS MATERIALIZED (
     SELECT e.id, e.course_id FROM enrolments e
      WHERE e.user_id = $2 AND e.status <> 'withdrawn'
        AND e.course_id IN (SELECT lk_pl.course_id FROM published_lessons lk_pl WHERE lk_pl.lesson_id = ANY($1::uuid[]))
      ORDER BY e.id FOR UPDATE)
   SELECT pl.lesson_id, pl.course_id, pl.version, pl.kind, pl.has_content_note, c.sequential, locked.id AS enrolment_id
     FROM published_lessons pl
     JOIN courses c ON c.id = pl.course_id
     LEFT JOIN locked ON locked.course_id = pl.course_id
    WHERE pl.lesson_id = ANY($1::uuid[]) AND c.status = 'published'`,
  { prepare: true },
);
export const batchLessons = (db: Db, lessonIds: string[], learnerId: string) =>
  run(db, batchLessonsSql, [lessonIds, learnerId]);

/**
 * For the lock check of a sequential course, read under the enrolment lock: which of the event ids
 * `$3` are stored already, and each course `$1`'s lessons in order with the learner `$2`'s progress.
 */
const batchStatesSql = statement<
  { course_id: string; lessons: LessonStateRow[]; known: string[] | null },
  [courseIds: string[], learnerId: string, eventIds: string[]]
>(
  'learning.batchStates',
  `SELECT pl.course_id,
          json_agg(json_build_object(
            'lesson_id', pl.lesson_id, 'kind', pl.kind, 'required', pl.required, 'status', lp.status,
            'time_spent_seconds', lp.time_spent_seconds, 'best_score', lp.best_score, 'passed', lp.passed,
            'attempts', lp.attempts, 'position', lp.position) ORDER BY pl.position) AS lessons,
          (SELECT array_agg(le.id) FROM learning_events le WHERE le.id = ANY($3::uuid[])) AS known
     FROM published_lessons pl
     LEFT JOIN lesson_progress lp ON lp.lesson_id = pl.lesson_id AND lp.user_id = $2
    WHERE pl.course_id = ANY($1::uuid[])
    GROUP BY pl.course_id`,
);
export const batchStates = (db: Db, courseIds: string[], learnerId: string, eventIds: string[]) =>
  run(db, batchStatesSql, [courseIds, learnerId, eventIds]);

/** The simple events of a batch as parallel arrays, in the batch's order (all of one learner). */
export interface SimpleEvents {
  ids: string[];
  lessonIds: string[];
  courseIds: string[];
  versions: number[];
  types: ProgressEventType[];
  payloads: Record<string, unknown>[];
  occurredAt: Date[];
  enrolmentIds: string[];
  positions: (number | null)[];
  seconds: number[];
}
/**
 * Stores a batch's simple events (viewed, completed, skipped, position, time spent) with set-based
 * statements, ending in the same rows as storing them one by one with `learning.storeEvent<Type>`:
 * each new event once (`ON CONFLICT DO NOTHING`: a replay counts once); per lesson one upsert whose
 * status, completion time, position and time spent are the fold of its new events in order
 * (completed wins; skipped never undoes completed; the last position; seconds add up); per enrolment
 * one update whose activity is the latest moment and whose "Continue" lesson is the last event that
 * was not older than every earlier one (the single statement's rule, applied in order). The
 * counters' triggers see one change per lesson instead of several, with the same totals: a status
 * only ever moves towards done. Answers the ids stored and each lesson's status before and after.
 */
const storeSimpleEventsSql = statement<
  { inserted: string[] | null; moved: number; changes: (StatusChange & { lesson_id: string })[] | null },
  [
    learnerId: string,
    ids: string[],
    lessonIds: string[],
    courseIds: string[],
    versions: number[],
    types: string[],
    payloads: Record<string, unknown>[],
    occurredAt: Date[],
    enrolmentIds: string[],
    positions: (number | null)[],
    seconds: number[],
  ]
>(
  'learning.storeSimpleEvents',
  `WITH ev AS (
     SELECT * FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::text[], $7::jsonb[], $8::timestamptz[], $9::uuid[], $10::float8[], $11::int[])
       WITH ORDINALITY AS t(id, lesson_id, course_id, version, type, payload, occurred_at, enrolment_id, position, seconds, ord)),
   ins AS (
     INSERT INTO learning_events (id, user_id, course_id, lesson_id, course_version, type, payload, occurred_at)
     SELECT ev.id, $1, ev.course_id, ev.lesson_id, ev.version, ev.type, ev.payload, ev.occurred_at FROM ev ORDER BY ev.ord
     ON CONFLICT (id) DO NOTHING RETURNING id),
   fresh AS (SELECT ev.* FROM ev JOIN ins ON ins.id = ev.id),
   per_lesson AS (
     SELECT fresh.lesson_id, (array_agg(fresh.course_id))[1] AS course_id,
            CASE WHEN bool_or(fresh.type = 'completed') THEN 'completed' WHEN bool_or(fresh.type = 'skipped') THEN 'skipped' ELSE 'in_progress' END AS status,
            (array_agg(fresh.occurred_at ORDER BY fresh.ord) FILTER (WHERE fresh.type = 'completed'))[1] AS completed_at,
            (array_agg(fresh.position ORDER BY fresh.ord DESC) FILTER (WHERE fresh.type = 'position'))[1] AS position,
            coalesce(sum(fresh.seconds) FILTER (WHERE fresh.type = 'time_spent'), 0) AS seconds
       FROM fresh GROUP BY fresh.lesson_id),
   old AS (
     SELECT lp.lesson_id, lp.status FROM lesson_progress lp JOIN per_lesson ON per_lesson.lesson_id = lp.lesson_id WHERE lp.user_id = $1),
   up AS (
     INSERT INTO lesson_progress (user_id, lesson_id, course_id, status, position, time_spent_seconds, completed_at, updated_at)
     SELECT $1, per_lesson.lesson_id, per_lesson.course_id, per_lesson.status, per_lesson.position, per_lesson.seconds, per_lesson.completed_at, now()
       FROM per_lesson ORDER BY per_lesson.lesson_id
     ON CONFLICT (user_id, lesson_id) DO UPDATE SET
       status = CASE WHEN EXCLUDED.status = 'completed' OR lesson_progress.status = 'completed' THEN 'completed'
                     WHEN EXCLUDED.status = 'skipped' THEN 'skipped' ELSE lesson_progress.status END,
       completed_at = coalesce(lesson_progress.completed_at, EXCLUDED.completed_at),
       position = coalesce(EXCLUDED.position, lesson_progress.position),
       time_spent_seconds = lesson_progress.time_spent_seconds + EXCLUDED.time_spent_seconds,
       updated_at = now()
     RETURNING lesson_progress.lesson_id, lesson_progress.status),
   running AS (
     SELECT fresh.enrolment_id, fresh.lesson_id, fresh.occurred_at, fresh.ord,
            max(fresh.occurred_at) OVER (PARTITION BY fresh.enrolment_id ORDER BY fresh.ord ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier
       FROM fresh),
   per_enrolment AS (
     SELECT running.enrolment_id, max(running.occurred_at) AS latest,
            (array_agg(running.lesson_id ORDER BY running.ord DESC)
               FILTER (WHERE running.occurred_at >= coalesce(greatest(running.earlier, en.last_activity_at), '-infinity')))[1] AS last_lesson_id
       FROM running JOIN enrolments en ON en.id = running.enrolment_id
      GROUP BY running.enrolment_id),
   act AS (
     UPDATE enrolments SET last_activity_at = greatest(enrolments.last_activity_at, per_enrolment.latest),
            last_lesson_id = coalesce(per_enrolment.last_lesson_id, enrolments.last_lesson_id)
       FROM per_enrolment WHERE enrolments.id = per_enrolment.enrolment_id RETURNING enrolments.id)
   SELECT (SELECT array_agg(ins.id) FROM ins) AS inserted, (SELECT count(*) FROM act)::int AS moved,
          (SELECT json_agg(json_build_object('lesson_id', up.lesson_id, 'before', old.status, 'after', up.status))
             FROM up LEFT JOIN old ON old.lesson_id = up.lesson_id) AS changes`,
  { prepare: true },
);
export async function storeSimpleEvents(db: Db, learnerId: string, e: SimpleEvents) {
  return (
    await run(db, storeSimpleEventsSql, [
      learnerId,
      e.ids,
      e.lessonIds,
      e.courseIds,
      e.versions,
      e.types,
      e.payloads,
      e.occurredAt,
      e.enrolmentIds,
      e.positions,
      e.seconds,
    ])
  )[0];
}

/** $1–$9: the event (id, learner, course, lesson, version, type, payload, occurred at) and the enrolment. */
export type EventParams = [
  eventId: string,
  learnerId: string,
  courseId: string,
  lessonId: string,
  version: number,
  type: string,
  payload: Record<string, unknown>,
  occurredAt: Date,
  enrolmentId: string,
];
/*
 * Stores the event once and, only if it is new, moves the enrolment's activity. "Continue" follows
 * the latest moment of learning, not the latest arrival: a phone back online with yesterday's work
 * does not move the learner back (as the learner model expects). Shared by the statements below; each variant
 * is built here once and registered under its own name.
 */
const STORE_EVENT = `
      ins AS (
        INSERT INTO learning_events (id, user_id, course_id, lesson_id, course_version, type, payload, occurred_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id),
      act AS (
        UPDATE enrolments
           SET last_activity_at = greatest(coalesce(last_activity_at, $8), $8),
               last_lesson_id = CASE WHEN $8 >= coalesce(last_activity_at, '-infinity') THEN $4 ELSE last_lesson_id END
         WHERE id = $9 AND EXISTS (SELECT 1 FROM ins) RETURNING id)`;

/** The event alone (quizzes and reflections write their progress afterwards). */
const storeEventSql = statement<{ inserted: boolean }, EventParams>(
  'learning.storeEvent',
  `WITH ${STORE_EVENT} SELECT EXISTS (SELECT 1 FROM ins) AS inserted, (SELECT count(*) FROM act) AS moved`,
  { prepare: true },
);
export async function storeEvent(db: Db, params: EventParams): Promise<boolean> {
  return (await run(db, storeEventSql, params))[0].inserted;
}

export type ProgressEventType = 'viewed' | 'completed' | 'skipped' | 'position' | 'time_spent';
const insertQuizAttemptSql = statement<
  never,
  [
    learnerId: string,
    courseId: string,
    lessonId: string,
    eventId: string,
    answers: unknown,
    correct: Record<string, boolean>,
    score: number,
    passed: boolean,
    submittedAt: Date,
  ]
>(
  'learning.insertQuizAttempt',
  `INSERT INTO quiz_attempts (user_id, course_id, lesson_id, event_id, answers, correct, score, passed, submitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
);
export async function insertQuizAttempt(
  db: Db,
  ...params: [
    learnerId: string,
    courseId: string,
    lessonId: string,
    eventId: string,
    answers: unknown,
    correct: Record<string, boolean>,
    score: number,
    passed: boolean,
    submittedAt: Date,
  ]
): Promise<void> {
  await run(db, insertQuizAttemptSql, params);
}

/** A graded quiz attempt's effect on the lesson's progress; answers the status before and after. */
const quizProgressSql = statement<
  StatusChange,
  [learnerId: string, lessonId: string, courseId: string, score: number, passed: boolean, submittedAt: Date]
>(
  'learning.quizProgress',
  `WITH old AS (SELECT status FROM lesson_progress WHERE user_id = $1 AND lesson_id = $2)
   INSERT INTO lesson_progress (user_id, lesson_id, course_id, status, attempts, best_score, passed, completed_at)
   VALUES ($1, $2, $3, CASE WHEN $5 THEN 'completed' ELSE 'in_progress' END, 1, $4, $5, CASE WHEN $5 THEN $6::timestamptz END)
   ON CONFLICT (user_id, lesson_id) DO UPDATE SET
     attempts = lesson_progress.attempts + 1,
     best_score = greatest(lesson_progress.best_score, $4),
     passed = coalesce(lesson_progress.passed, false) OR $5,
     status = CASE WHEN $5 OR lesson_progress.status = 'completed' THEN 'completed' ELSE lesson_progress.status END,
     completed_at = CASE WHEN $5 THEN coalesce(lesson_progress.completed_at, $6::timestamptz) ELSE lesson_progress.completed_at END,
     updated_at = now()
   RETURNING (SELECT status FROM old) AS before, lesson_progress.status AS after`,
);
export async function quizProgress(
  db: Db,
  learnerId: string,
  lessonId: string,
  courseId: string,
  score: number,
  passed: boolean,
  submittedAt: Date,
): Promise<StatusChange> {
  return (await run(db, quizProgressSql, [learnerId, lessonId, courseId, score, passed, submittedAt]))[0];
}

/** Saves the learner's reflection unless a later save is already stored. */
const saveJournalSql = statement<
  never,
  [learnerId: string, lessonId: string, courseId: string, text: string, shared: boolean, at: Date]
>(
  'learning.saveJournal',
  `INSERT INTO journal_entries (user_id, lesson_id, course_id, text, shared, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
   ON CONFLICT (user_id, lesson_id) DO UPDATE SET text = $4, shared = $5, updated_at = $6 WHERE journal_entries.updated_at <= $6`,
);
export async function saveJournal(
  db: Db,
  learnerId: string,
  lessonId: string,
  courseId: string,
  text: string,
  shared: boolean,
  at: Date,
): Promise<void> {
  await run(db, saveJournalSql, [learnerId, lessonId, courseId, text, shared, at]);
}

/** A reflection with words completes its lesson; answers the status before and after. */
const reflectionProgressSql = statement<
  StatusChange,
  [learnerId: string, lessonId: string, courseId: string, at: Date]
>(
  'learning.reflectionProgress',
  `WITH old AS (SELECT status FROM lesson_progress WHERE user_id = $1 AND lesson_id = $2)
   INSERT INTO lesson_progress (user_id, lesson_id, course_id, status, completed_at, updated_at) VALUES ($1, $2, $3, 'completed', $4, now())
   ON CONFLICT (user_id, lesson_id) DO UPDATE SET status = 'completed', completed_at = coalesce(lesson_progress.completed_at, $4), updated_at = now()
   RETURNING (SELECT status FROM old) AS before, lesson_progress.status AS after`,
);
export async function reflectionProgress(
  db: Db,
  learnerId: string,
  lessonId: string,
  courseId: string,
  at: Date,
): Promise<StatusChange | undefined> {
  return (await run(db, reflectionProgressSql, [learnerId, lessonId, courseId, at]))[0];
}

/** The lesson's status, unchanged (an empty reflection). */
const lessonStatusSql = statement<StatusChange, [learnerId: string, lessonId: string]>(
  'learning.lessonStatus',
  `SELECT status AS before, status AS after FROM lesson_progress WHERE user_id = $1 AND lesson_id = $2`,
);
export async function lessonStatus(db: Db, learnerId: string, lessonId: string): Promise<StatusChange | undefined> {
  return (await run(db, lessonStatusSql, [learnerId, lessonId]))[0];
}

// ---- snapshots ----

const snapshotSql = statement<{ snapshot: PublishedCourse }, [courseId: string, version: number]>(
  'learning.snapshot',
  `SELECT snapshot FROM course_versions WHERE course_id = $1 AND version = $2`,
);
export async function snapshot(db: Db, courseId: string, version: number): Promise<PublishedCourse | undefined> {
  return (await run(db, snapshotSql, [courseId, version]))[0]?.snapshot;
}

// ---- certificates and journal ----

export interface CertificateRow {
  id: string;
  code: string;
  course_id: string;
  course_title: DraftText;
  name: string;
  issued_at: Date;
  revoked_at: Date | null;
}

const myCertificatesSql = statement<CertificateRow, [learnerId: string]>(
  'learning.myCertificates',
  `SELECT id, code, course_id, course_title, name, issued_at, revoked_at FROM certificates WHERE user_id = $1 ORDER BY issued_at DESC`,
);
export const myCertificates = (db: Db, learnerId: string) => run(db, myCertificatesSql, [learnerId]);

/** Renames the learner `$2`'s certificate `$1` to `$3`. */
const renameCertificateSql = statement<CertificateRow, [certificateId: string, learnerId: string, name: string]>(
  'learning.renameCertificate',
  `WITH u AS (UPDATE certificates SET name = $3 WHERE id = $1 AND user_id = $2 RETURNING *)
   SELECT id, code, course_id, course_title, name, issued_at, revoked_at FROM u`,
);
export async function renameCertificate(
  db: Db,
  certificateId: string,
  learnerId: string,
  name: string,
): Promise<CertificateRow | undefined> {
  return (await run(db, renameCertificateSql, [certificateId, learnerId, name]))[0];
}

/** A certificate by its code (without dashes); an erased learner's never answers. */
const certificateByCodeSql = statement<CertificateRow, [code: string]>(
  'learning.certificateByCode',
  `SELECT id, code, course_id, course_title, name, issued_at, revoked_at FROM certificates WHERE code = $1 AND user_id IS NOT NULL`,
);
export async function certificateByCode(db: Db, code: string): Promise<CertificateRow | undefined> {
  return (await run(db, certificateByCodeSql, [code]))[0];
}

export interface QuizAttemptRow {
  answers: Record<string, string[] | boolean | string>;
  correct: Record<string, boolean>;
  score: number;
  passed: boolean;
  submitted_at: Date;
  course_id: string;
  /** The course's version published now, whose quiz gives the right answers shown again; null if none. */
  latest_version: number | null;
}
/** The learner `$1`'s own last 20 attempts at quiz `$2`, newest first, with their course's latest version. */
const myQuizAttemptsSql = statement<QuizAttemptRow, [learnerId: string, lessonId: string]>(
  'learning.myQuizAttempts',
  `SELECT qa.answers, qa.correct, qa.score, qa.passed, qa.submitted_at, qa.course_id, c.latest_version
     FROM quiz_attempts qa
     JOIN courses c ON c.id = qa.course_id
    WHERE qa.user_id = $1 AND qa.lesson_id = $2
    ORDER BY qa.submitted_at DESC LIMIT 20`,
);
export const myQuizAttempts = (db: Db, learnerId: string, lessonId: string) =>
  run(db, myQuizAttemptsSql, [learnerId, lessonId]);

export interface JournalRow {
  lesson_id: string;
  course_id: string;
  course_title: DraftText;
  lesson_title: DraftText | null;
  text: string;
  shared: boolean;
  updated_at: Date;
}
/** The learner `$1`'s reflections with their course's and lesson's titles from the latest version, newest first. */
const myJournalSql = statement<JournalRow, [learnerId: string]>(
  'learning.myJournal',
  `SELECT j.lesson_id, j.course_id, v.meta->'title' AS course_title,
          (SELECT l->'title' FROM jsonb_array_elements(v.snapshot->'modules') m, jsonb_array_elements(m->'lessons') l WHERE l->>'id' = j.lesson_id::text) AS lesson_title,
          j.text, j.shared, j.updated_at
     FROM journal_entries j
     JOIN courses c ON c.id = j.course_id
     JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    WHERE j.user_id = $1 ORDER BY j.updated_at DESC`,
);
export const myJournal = (db: Db, learnerId: string) => run(db, myJournalSql, [learnerId]);
