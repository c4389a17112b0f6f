import type { DraftText, Locale, PublishedCourse } from '@dari/contracts';
import { type Db, run, type Statement, statement } from '../database/sql.js';
import { EXPORT_PAGE_SIZE, exportPageSql, gridCountSql, gridPageSql, type GridPageQuery } from './report-sql.js';

/*
 * The reports' SQL: every statement whole, typed here; the rules stay in ReportsService. Reports read
 * projections and counters (docs/database.md, "Counters"), never the event log.
 *
 * The at-risk rule is one fragment (report-sql.ts) shared by the cohort grid's page, its count and the
 * CSV export. Each variant those builders can make is built once here, at module load, and registered
 * under its own name, so `apps/api/sql/reports.sql` shows every variant whole; a call picks its
 * variant and takes the values from the builder.
 */

export type CourseNumbers = { id: string; title: DraftText; enrolments: number; completions: number };
export type CohortNumbers = { id: string; name: string; enrolments: number; completions: number };
type Count = { n: number };
const one = async (db: Db, s: Statement<readonly unknown[], Count>, params: readonly unknown[]) =>
  (await run(db, s, params))[0].n;

// ---- scope ----

const managedCohortsSql = statement<{ cohort_id: string }, [managerId: string]>(
  'reports.managedCohorts',
  `SELECT cm.cohort_id FROM cohort_members cm WHERE cm.user_id = $1 AND cm.role = 'manager'`,
);
/** The cohorts `managerId` manages. */
export const managedCohorts = async (db: Db, managerId: string) =>
  (await run(db, managedCohortsSql, [managerId])).map((r) => r.cohort_id);

// ---- the program dashboard, admins: everything ----

const allLearnersSql = statement<Count>(
  'reports.allLearners',
  `SELECT count(*)::int AS n FROM users u WHERE u.role = 'learner'`,
);
export const allLearners = (db: Db) => one(db, allLearnersSql, []);

/** One pass over the last 30 days' activity. */
const allActiveSql = statement<{ a7: number; a30: number }>(
  'reports.allActive',
  `SELECT count(DISTINCT e.user_id) FILTER (WHERE e.last_activity_at >= now() - interval '7 days')::int AS a7, count(DISTINCT e.user_id)::int AS a30
     FROM enrolments e WHERE e.last_activity_at >= now() - interval '30 days'`,
);
export const allActive = async (db: Db) => (await run(db, allActiveSql, []))[0];

const allCoursesSql = statement<CourseNumbers>(
  'reports.allCourses',
  `SELECT c.id, c.title, x.enrolments, x.completions
     FROM (SELECT s.course_id, sum(s.enrolled)::int AS enrolments, sum(s.completed)::int AS completions
             FROM course_stats s
            GROUP BY s.course_id HAVING sum(s.enrolled) + sum(s.withdrawn) > 0) x
     JOIN courses c ON c.id = x.course_id
    ORDER BY x.enrolments DESC, c.id`,
);
export const allCourses = (db: Db) => run(db, allCoursesSql, []);

const allCohortsSql = statement<CohortNumbers>(
  'reports.allCohorts',
  `SELECT k.id, k.name,
          coalesce((SELECT sum(es.enrolled) FROM cohort_course_stats es JOIN cohort_courses ecc ON ecc.cohort_id = es.cohort_id AND ecc.course_id = es.course_id WHERE es.cohort_id = k.id), 0)::int AS enrolments,
          coalesce((SELECT sum(cs.completed) FROM cohort_course_stats cs JOIN cohort_courses ccc ON ccc.cohort_id = cs.cohort_id AND ccc.course_id = cs.course_id WHERE cs.cohort_id = k.id), 0)::int AS completions
     FROM cohorts k
    ORDER BY k.name`,
);
export const allCohorts = (db: Db) => run(db, allCohortsSql, []);

/** Learners per cohort: one index-only count over the (cohort_id, role, last_active_at) index. */
const learnersPerCohortSql = statement<{ cohort_id: string; n: number }>(
  'reports.learnersPerCohort',
  `SELECT m.cohort_id, count(*)::int AS n FROM cohort_members m WHERE m.role = 'learner' GROUP BY m.cohort_id`,
);
export const learnersPerCohort = (db: Db) => run(db, learnersPerCohortSql, []);

// ---- the program dashboard, a manager: the cohorts `$1` ----

type Ids = [cohortIds: string[]];
const distinctLearnersSql = statement<Count, Ids>(
  'reports.distinctLearnersOf',
  `SELECT count(DISTINCT m.user_id)::int AS n FROM cohort_members m WHERE m.cohort_id = ANY($1::uuid[]) AND m.role = 'learner'`,
);
export const distinctLearnersOf = (db: Db, ids: string[]) => one(db, distinctLearnersSql, [ids]);

const active7Sql = statement<Count, Ids>(
  'reports.active7Of',
  `SELECT count(*)::int AS n FROM cohort_members m WHERE m.cohort_id = ANY($1::uuid[]) AND m.role = 'learner' AND m.last_active_at >= now() - interval '7 days'`,
);
const distinctActive7Sql = statement<Count, Ids>(
  'reports.distinctActive7Of',
  `SELECT count(DISTINCT m.user_id)::int AS n FROM cohort_members m WHERE m.cohort_id = ANY($1::uuid[]) AND m.role = 'learner' AND m.last_active_at >= now() - interval '7 days'`,
);
const active30Sql = statement<Count, Ids>(
  'reports.active30Of',
  `SELECT count(*)::int AS n FROM cohort_members m WHERE m.cohort_id = ANY($1::uuid[]) AND m.role = 'learner' AND m.last_active_at >= now() - interval '30 days'`,
);
const distinctActive30Sql = statement<Count, Ids>(
  'reports.distinctActive30Of',
  `SELECT count(DISTINCT m.user_id)::int AS n FROM cohort_members m WHERE m.cohort_id = ANY($1::uuid[]) AND m.role = 'learner' AND m.last_active_at >= now() - interval '30 days'`,
);
/**
 * Learners of these cohorts active in the last 7 or 30 days: one cohort counts rows (the primary key
 * makes members distinct), several count distinct people.
 */
export const activeOf = (db: Db, ids: string[], days: 7 | 30) =>
  one(
    db,
    ids.length === 1 ? (days === 7 ? active7Sql : active30Sql) : days === 7 ? distinctActive7Sql : distinctActive30Sql,
    [ids],
  );

/** Per course, from the per-(cohort, course) counters of these cohorts. */
const coursesOfSql = statement<CourseNumbers, Ids>(
  'reports.coursesOf',
  `SELECT c.id, c.title, x.enrolments, x.completions
     FROM (SELECT s.course_id, sum(s.enrolled)::int AS enrolments, sum(s.completed)::int AS completions
             FROM cohort_course_stats s WHERE s.cohort_id = ANY($1::uuid[])
            GROUP BY s.course_id HAVING sum(s.enrolled) + sum(s.withdrawn) > 0) x
     JOIN courses c ON c.id = x.course_id
    ORDER BY x.enrolments DESC, c.id`,
);
export const coursesOf = (db: Db, ids: string[]) => run(db, coursesOfSql, [ids]);

/** Per course, each enrolment of these cohorts' learners once (when cohorts share learners). */
const coursesOfDistinctSql = statement<CourseNumbers, Ids>(
  'reports.coursesOfDistinct',
  `SELECT c.id, c.title, x.enrolments, x.completions
     FROM (SELECT e.course_id, count(*) FILTER (WHERE e.status <> 'withdrawn')::int AS enrolments, count(*) FILTER (WHERE e.status = 'completed')::int AS completions
             FROM enrolments e
            WHERE e.user_id IN (SELECT m.user_id FROM cohort_members m WHERE m.role = 'learner' AND m.cohort_id = ANY($1::uuid[]))
            GROUP BY e.course_id) x
     JOIN courses c ON c.id = x.course_id
    ORDER BY x.enrolments DESC, c.id`,
);
export const coursesOfDistinct = (db: Db, ids: string[]) => run(db, coursesOfDistinctSql, [ids]);

const cohortsOfSql = statement<CohortNumbers, Ids>(
  'reports.cohortsOf',
  `SELECT k.id, k.name,
          coalesce((SELECT sum(es.enrolled) FROM cohort_course_stats es JOIN cohort_courses ecc ON ecc.cohort_id = es.cohort_id AND ecc.course_id = es.course_id WHERE es.cohort_id = k.id), 0)::int AS enrolments,
          coalesce((SELECT sum(cs.completed) FROM cohort_course_stats cs JOIN cohort_courses ccc ON ccc.cohort_id = cs.cohort_id AND ccc.course_id = cs.course_id WHERE cs.cohort_id = k.id), 0)::int AS completions
     FROM cohorts k
    WHERE k.id = ANY($1::uuid[])
    ORDER BY k.name`,
);
export const cohortsOf = (db: Db, ids: string[]) => run(db, cohortsOfSql, [ids]);

const learnersPerCohortOfSql = statement<{ cohort_id: string; n: number }, Ids>(
  'reports.learnersPerCohortOf',
  `SELECT m.cohort_id, count(*)::int AS n FROM cohort_members m WHERE m.role = 'learner' AND m.cohort_id = ANY($1::uuid[]) GROUP BY m.cohort_id`,
);
export const learnersPerCohortOf = (db: Db, ids: string[]) => run(db, learnersPerCohortOfSql, [ids]);

// ---- the cohort grid ----

export type CohortCourseRow = {
  course_id: string;
  slug: string;
  title: DraftText;
  due_on: string | null;
  past_due: boolean;
};
const cohortCoursesSql = statement<CohortCourseRow, [cohortId: string]>(
  'reports.cohortCourses',
  `SELECT cc.course_id, c.slug, c.title, to_char(cc.due_on, 'YYYY-MM-DD') AS due_on, coalesce(cc.due_on < current_date, false) AS past_due
     FROM cohort_courses cc JOIN courses c ON c.id = cc.course_id WHERE cc.cohort_id = $1 ORDER BY cc.assigned_at`,
);
/** The cohort's courses in assignment order, with their due dates and whether they are past due. */
export const cohortCourses = (db: Db, cohortId: string) => run(db, cohortCoursesSql, [cohortId]);

const cursorNameSql = statement<{ display_name: string }, [cohortId: string, learnerId: string]>(
  'reports.gridCursor',
  `SELECT u.display_name FROM cohort_members m JOIN users u ON u.id = m.user_id WHERE m.cohort_id = $1 AND m.user_id = $2 AND m.role = 'learner'`,
);
/** The display name of a learner of the cohort (a page cursor), or undefined. */
export const gridCursorName = async (db: Db, cohortId: string, learnerId: string) =>
  (await run(db, cursorNameSql, [cohortId, learnerId])).at(0)?.display_name;

export type GridRow = { user_id: string; display_name: string; last_active: Date | null; at_risk: boolean };
const cursorKinds = ['none', 'after', 'before'] as const;
const gridPageVariants = new Map<string, Statement<readonly unknown[], GridRow>>();
for (const onlyAtRisk of [false, true])
  for (const kind of cursorKinds) {
    const key = `${onlyAtRisk ? 'atRisk' : 'all'}:${kind}`;
    const { text } = gridPageSql({
      cohortId: '',
      days: 0,
      pastDue: [],
      limit: 0,
      offset: 0,
      onlyAtRisk,
      cursor: kind === 'none' ? null : { name: '', id: '', backwards: kind === 'before' },
    });
    const name = `reports.gridPage${onlyAtRisk ? 'AtRisk' : ''}${kind === 'none' ? '' : kind === 'after' ? 'After' : 'Before'}`;
    gridPageVariants.set(key, statement<GridRow, readonly unknown[]>(name, text));
  }
/** A page of the cohort grid (report-sql.ts, gridPageSql): its variant's statement, the builder's values. */
export const gridPage = (db: Db, query: GridPageQuery) => {
  const kind = !query.cursor ? 'none' : query.cursor.backwards ? 'before' : 'after';
  const key = `${query.onlyAtRisk ? 'atRisk' : 'all'}:${kind}`;
  const variant = gridPageVariants.get(key);
  if (!variant) throw new Error(`no grid page statement for ${key}`); // every variant is built above
  return run(db, variant, gridPageSql(query).values);
};

const [gridCountAllText] = gridCountSql({ cohortId: '', days: 0, pastDue: [], onlyAtRisk: false });
const [gridCountIdleText, gridCountActiveInPastDueText] = gridCountSql({
  cohortId: '',
  days: 0,
  pastDue: [''],
  onlyAtRisk: true,
});
const gridCountStatements = [
  statement<Count, readonly unknown[]>('reports.gridCount', gridCountAllText.text),
  statement<Count, readonly unknown[]>('reports.gridCountIdle', gridCountIdleText.text),
  statement<Count, readonly unknown[]>('reports.gridCountActiveInPastDue', gridCountActiveInPastDueText.text),
];
/**
 * The grid's total: the statements gridCountSql makes (all learners; or the idle ones plus, with a
 * course past due, the others still active in one), run side by side on their own connections and added up.
 */
export const gridCount = async (
  db: Db,
  q: { cohortId: string; days: number; pastDue: string[]; onlyAtRisk: boolean },
) => {
  const parts = gridCountSql(q);
  const statements = q.onlyAtRisk ? gridCountStatements.slice(1) : gridCountStatements.slice(0, 1);
  const ns = await Promise.all(parts.map((p, i) => one(db, statements[i], p.values)));
  return ns.reduce((a, b) => a + b, 0);
};

export type GridCell = { user_id: string; course_id: string; status: string; percent: number; overdue: boolean };
const gridCellsSql = statement<GridCell, [cohortId: string, learnerIds: string[]]>(
  'reports.gridCells',
  `SELECT e.user_id, e.course_id, e.status, e.percent, coalesce(cc.due_on < current_date AND e.status = 'active', false) AS overdue
     FROM enrolments e JOIN cohort_courses cc ON cc.course_id = e.course_id AND cc.cohort_id = $1
    WHERE e.user_id = ANY($2::uuid[])`,
);
/** The learners' enrolments in the cohort's courses, with overdue by this cohort's due dates. */
export const gridCells = (db: Db, cohortId: string, learnerIds: string[]) =>
  run(db, gridCellsSql, [cohortId, learnerIds]);

export type ExportRow = GridRow & {
  cells: { course_id: string; status: string; percent: number; overdue: boolean }[] | null;
};
const exportOrderSql = statement<{ user_id: string }, [cohortId: string]>(
  'reports.exportOrder',
  `SELECT m.user_id FROM cohort_members m JOIN users u ON u.id = m.user_id
    WHERE m.cohort_id = $1 AND m.role = 'learner'
    ORDER BY u.display_name, u.id`,
);
/** The cohort's learners in the export's order (display name, then id): read once per export. */
export const exportOrder = async (db: Db, cohortId: string) =>
  (await run(db, exportOrderSql, [cohortId])).map((r) => r.user_id);

const exportPageStatement = statement<ExportRow, readonly unknown[]>(
  'reports.exportPage',
  exportPageSql({ cohortId: '', days: 0, pastDue: [], learnerIds: [] }).text,
);
export { EXPORT_PAGE_SIZE };
/** A page of the CSV export (report-sql.ts, exportPageSql): the given learners, in their order. */
export const exportPage = (db: Db, q: Parameters<typeof exportPageSql>[0]) =>
  run(db, exportPageStatement, exportPageSql(q).values);

// ---- the course report ----

const courseHeadSql = statement<
  { id: string; title: DraftText; latest_version: number | null; snapshot: PublishedCourse | null },
  [courseId: string]
>(
  'reports.courseHead',
  `SELECT c.id, c.title, c.latest_version, v.snapshot FROM courses c LEFT JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version WHERE c.id = $1`,
);
export const courseHead = async (db: Db, courseId: string) => (await run(db, courseHeadSql, [courseId])).at(0);

const courseCountsSql = statement<{ enrolments: number; completions: number }, [courseId: string]>(
  'reports.courseCounts',
  `SELECT coalesce(sum(s.enrolled), 0)::int AS enrolments, coalesce(sum(s.completed), 0)::int AS completions FROM course_stats s WHERE s.course_id = $1`,
);
export const courseCounts = async (db: Db, courseId: string) => (await run(db, courseCountsSql, [courseId]))[0];

const lessonStatsSql = statement<{ lesson_id: string; started: number; completed: number }, [courseId: string]>(
  'reports.lessonStats',
  `SELECT ls.lesson_id, sum(ls.started)::int AS started, sum(ls.completed)::int AS completed FROM lesson_stats ls WHERE ls.course_id = $1 GROUP BY ls.lesson_id`,
);
export const lessonStats = (db: Db, courseId: string) => run(db, lessonStatsSql, [courseId]);

const skipsSql = statement<{ lesson_id: string; skipped: number }, [courseId: string]>(
  'reports.skips',
  `SELECT lp.lesson_id, count(*)::int AS skipped FROM lesson_progress lp WHERE lp.course_id = $1 AND lp.status = 'skipped' GROUP BY lp.lesson_id`,
);
/** Skips per lesson (a count only: which learner skipped is never shown). */
export const skips = (db: Db, courseId: string) => run(db, skipsSql, [courseId]);

const questionStatsSql = statement<
  { lesson_id: string; question_key: string; answers: number; correct: number },
  [courseId: string]
>(
  'reports.questionStats',
  `SELECT qs.lesson_id, qs.question_key, sum(qs.answers)::int AS answers, sum(qs.correct)::int AS correct FROM question_stats qs WHERE qs.course_id = $1 GROUP BY qs.lesson_id, qs.question_key`,
);
export const questionStats = (db: Db, courseId: string) => run(db, questionStatsSql, [courseId]);

const sharedReflectionsSql = statement<
  { lesson_id: string; lesson_title: DraftText | null; display_name: string; text: string; updated_at: Date },
  [courseId: string]
>(
  'reports.sharedReflections',
  `SELECT j.lesson_id, l.title AS lesson_title, u.display_name, j.text, j.updated_at
     FROM journal_entries j JOIN users u ON u.id = j.user_id LEFT JOIN lessons l ON l.id = j.lesson_id
    WHERE j.course_id = $1 AND j.shared AND length(trim(j.text)) > 0 ORDER BY j.updated_at DESC LIMIT 500`,
);
/** The latest 500 reflections learners shared in the course. */
export const sharedReflections = (db: Db, courseId: string) => run(db, sharedReflectionsSql, [courseId]);

// ---- one learner ----

const learnerAccountSql = statement<{ id: string; display_name: string; role: string }, [userId: string]>(
  'reports.learnerAccount',
  `SELECT u.id, u.display_name, u.role FROM users u WHERE u.id = $1`,
);
export const learnerAccount = async (db: Db, userId: string) => (await run(db, learnerAccountSql, [userId])).at(0);

export type LearnerEnrolmentRow = {
  course_id: string;
  title: DraftText;
  status: 'active' | 'completed' | 'withdrawn';
  percent: number;
  completed_at: Date | null;
  last_activity_at: Date | null;
  snapshot: PublishedCourse;
};
/** An instructor: only the learner's courses they own or co-teach. */
const enrolmentsForInstructorSql = statement<LearnerEnrolmentRow, [learnerId: string, instructorId: string]>(
  'reports.learnerEnrolmentsForInstructor',
  `SELECT e.course_id, c.title, e.status, e.percent, e.completed_at, e.last_activity_at, v.snapshot
     FROM enrolments e JOIN courses c ON c.id = e.course_id JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    WHERE e.user_id = $1 AND (c.owner_id = $2 OR EXISTS (SELECT 1 FROM course_instructors ci WHERE ci.course_id = c.id AND ci.user_id = $2))
    ORDER BY e.enrolled_at`,
);
export const learnerEnrolmentsForInstructor = (db: Db, learnerId: string, instructorId: string) =>
  run(db, enrolmentsForInstructorSql, [learnerId, instructorId]);

const sharesCohortSql = statement<{ one: number }, [learnerId: string, managerId: string]>(
  'reports.managerOfLearner',
  `SELECT 1 AS one FROM cohort_members lm JOIN cohort_members mm ON mm.cohort_id = lm.cohort_id
    WHERE lm.user_id = $1 AND lm.role = 'learner' AND mm.user_id = $2 AND mm.role = 'manager'`,
);
/** Whether `managerId` manages a cohort the learner is in. */
export const managesLearner = async (db: Db, learnerId: string, managerId: string) =>
  (await run(db, sharesCohortSql, [learnerId, managerId])).length > 0;

/**
 * A manager: only the courses assigned to the cohorts they manage and the learner is in. What the
 * learner does in another programme, or on their own, stays there (Manager scope, docs/decisions.md).
 */
const enrolmentsForManagerSql = statement<LearnerEnrolmentRow, [learnerId: string, managerId: string]>(
  'reports.learnerEnrolmentsForManager',
  `SELECT e.course_id, c.title, e.status, e.percent, e.completed_at, e.last_activity_at, v.snapshot
     FROM enrolments e JOIN courses c ON c.id = e.course_id JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    WHERE e.user_id = $1
      AND EXISTS (SELECT 1 FROM cohort_courses cc
                    JOIN cohort_members lm ON lm.cohort_id = cc.cohort_id AND lm.user_id = $1 AND lm.role = 'learner'
                    JOIN cohort_members mm ON mm.cohort_id = cc.cohort_id AND mm.user_id = $2 AND mm.role = 'manager'
                   WHERE cc.course_id = e.course_id)
    ORDER BY e.enrolled_at`,
);
export const learnerEnrolmentsForManager = (db: Db, learnerId: string, managerId: string) =>
  run(db, enrolmentsForManagerSql, [learnerId, managerId]);

/** An admin: all of the learner's courses. */
const enrolmentsForAdminSql = statement<LearnerEnrolmentRow, [learnerId: string]>(
  'reports.learnerEnrolmentsForAdmin',
  `SELECT e.course_id, c.title, e.status, e.percent, e.completed_at, e.last_activity_at, v.snapshot
     FROM enrolments e JOIN courses c ON c.id = e.course_id JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    WHERE e.user_id = $1
    ORDER BY e.enrolled_at`,
);
export const learnerEnrolmentsForAdmin = (db: Db, learnerId: string) => run(db, enrolmentsForAdminSql, [learnerId]);

const learnerProgressSql = statement<
  { lesson_id: string; status: string; best_score: number | null },
  [learnerId: string, courseIds: string[]]
>(
  'reports.learnerProgress',
  `SELECT lp.lesson_id, lp.status, lp.best_score FROM lesson_progress lp WHERE lp.user_id = $1 AND lp.course_id = ANY($2::uuid[])`,
);
/** The learner's progress in these courses only: nothing of their other courses is read. */
export const learnerProgress = (db: Db, learnerId: string, courseIds: string[]) =>
  run(db, learnerProgressSql, [learnerId, courseIds]);

/** The account's own interface language (the exports' language when the download names none). */
const accountLocaleStatement = statement<{ locale: Locale }, [userId: string]>(
  'reports.accountLocale',
  `SELECT u.locale FROM users u WHERE u.id = $1`,
);
export const accountLocale = (db: Db, userId: string) => run(db, accountLocaleStatement, [userId]);
