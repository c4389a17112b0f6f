import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  SKIP_COUNT_MIN,
  type CohortGrid,
  type CourseReport,
  type DraftText,
  type ProgramReport,
  type PublishedCourse,
} from '@dari/contracts';
import { AuditService } from '../audit/audit.service.js';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext } from '../common/http/request.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CourseAccessService } from '../courses/course-access.service.js';
import { CohortsService } from './cohorts.service.js';
import { EXPORT_PAGE_SIZE, exportPageSql, gridCountSql, gridPageSql } from './report-sql.js';

const rate = (done: number, all: number) => (all ? Math.round((1000 * done) / all) / 1000 : 0);

type CohortCourseRow = { course_id: string; slug: string; title: DraftText; due_on: string | null; past_due: boolean };
type CourseNumbers = { id: string; title: DraftText; enrolments: number; completions: number };
type CohortRow = { id: string; name: string; enrolments: number; completions: number };
type ProgramNumbers = {
  learners: number;
  active7: number;
  active30: number;
  courses: CourseNumbers[];
  cohorts: (CohortRow & { learners: number })[];
};

const withLearners = (rows: CohortRow[], counts: { cohort_id: string; n: number }[]) =>
  rows.map((r) => ({ ...r, learners: counts.find((x) => x.cohort_id === r.id)?.n ?? 0 }));

/**
 * The numbers managers report to funders and instructors use to fix what confuses. Reports show
 * display names and nothing more identifying. Everything reads projections and counters kept in
 * the same transaction as progress events, so no report scans the event log.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cohorts: CohortsService,
    private readonly courses: CourseAccessService,
    private readonly audit: AuditService,
  ) {}

  /** The cohorts a person may report on: their managed cohorts; admins all. */
  private async cohortScope(auth: AuthContext): Promise<string[] | 'all'> {
    if (auth.role === 'admin') return 'all';
    const rows: { cohort_id: string }[] = await this.db.query(
      `SELECT cohort_id FROM cohort_members WHERE user_id = $1 AND role = 'manager'`,
      [auth.userId],
    );
    return rows.map((r) => r.cohort_id);
  }

  /**
   * The program dashboard. Enrolment numbers come from the per-(cohort, course) and per-course
   * counters (kept by triggers with every enrolment and membership change), learner and activity
   * counts from the cohort_members (cohort_id, role, last_active_at) index: no report joins
   * memberships to enrolments at query time, except a manager's course list when their cohorts share
   * learners (summing per-cohort counters would count those twice).
   */
  async program(auth: AuthContext): Promise<ProgramReport> {
    const scope = await this.cohortScope(auth);
    const { learners, active7, active30, courses, cohorts } =
      scope === 'all' ? await this.programOfAll() : await this.programOfCohorts(scope);
    const enrolments = courses.reduce((n, c) => n + c.enrolments, 0);
    const completions = courses.reduce((n, c) => n + c.completions, 0);
    return {
      activeLast7Days: active7,
      activeLast30Days: active30,
      learners,
      enrolments,
      completions,
      completionRate: rate(completions, enrolments),
      cohorts: cohorts.map((c) => ({ ...c, completionRate: rate(c.completions, c.enrolments) })),
      courses: courses.map((c) => ({ ...c, completionRate: rate(c.completions, c.enrolments) })),
    };
  }

  /** Admins: every cohort, every course, every learner including those in no cohort. */
  private async programOfAll(): Promise<ProgramNumbers> {
    const [[l], [a], courses, cohorts, perCohort] = await Promise.all([
      this.db.query(`SELECT count(*)::int AS n FROM users WHERE role = 'learner'`) as Promise<{ n: number }[]>,
      // One pass over the last 30 days' activity.
      this.db.query(
        `SELECT count(DISTINCT e.user_id) FILTER (WHERE e.last_activity_at >= now() - interval '7 days')::int AS a7, count(DISTINCT e.user_id)::int AS a30
           FROM enrolments e WHERE e.last_activity_at >= now() - interval '30 days'`,
      ) as Promise<{ a7: number; a30: number }[]>,
      this.db.query(
        `SELECT c.id, c.title, x.enrolments, x.completions
           FROM (SELECT s.course_id, sum(s.enrolled)::int AS enrolments, sum(s.completed)::int AS completions
                   FROM course_stats s
                  GROUP BY s.course_id HAVING sum(s.enrolled) + sum(s.withdrawn) > 0) x
           JOIN courses c ON c.id = x.course_id
          ORDER BY x.enrolments DESC, c.id`,
      ) as Promise<CourseNumbers[]>,
      this.db.query(
        `SELECT k.id, k.name,
                coalesce((SELECT sum(es.enrolled) FROM cohort_course_stats es JOIN cohort_courses ecc ON ecc.cohort_id = es.cohort_id AND ecc.course_id = es.course_id WHERE es.cohort_id = k.id), 0)::int AS enrolments,
                coalesce((SELECT sum(cs.completed) FROM cohort_course_stats cs JOIN cohort_courses ccc ON ccc.cohort_id = cs.cohort_id AND ccc.course_id = cs.course_id WHERE cs.cohort_id = k.id), 0)::int AS completions
           FROM cohorts k
          ORDER BY k.name`,
      ) as Promise<CohortRow[]>,
      // Learners per cohort: one index-only count over the (cohort_id, role, last_active_at) index.
      this.db.query(
        `SELECT m.cohort_id, count(*)::int AS n FROM cohort_members m WHERE m.role = 'learner' GROUP BY m.cohort_id`,
      ) as Promise<{ cohort_id: string; n: number }[]>,
    ]);
    return { learners: l.n, active7: a.a7, active30: a.a30, courses, cohorts: withLearners(cohorts, perCohort) };
  }

  /**
   * A manager: the cohorts they manage (`ids`, maybe none). Learner and activity numbers are range
   * counts on the activity index: one cohort counts rows (the primary key makes members distinct,
   * and the learner count comes with the cohort rows), several count distinct people.
   */
  private async programOfCohorts(ids: string[]): Promise<ProgramNumbers> {
    const one = ids.length === 1;
    const n = (sql: string) => (this.db.query(sql, [ids]) as Promise<{ n: number }[]>).then((r) => r[0].n);
    const [all, active7, active30, counted, cohortRows, perCohort] = await Promise.all([
      one
        ? -1
        : n(
            `SELECT count(DISTINCT m.user_id)::int AS n FROM cohort_members m WHERE m.cohort_id = ANY($1::uuid[]) AND m.role = 'learner'`,
          ),
      one
        ? n(
            `SELECT count(*)::int AS n FROM cohort_members m WHERE m.cohort_id = ANY($1::uuid[]) AND m.role = 'learner' AND m.last_active_at >= now() - interval '7 days'`,
          )
        : n(
            `SELECT count(DISTINCT m.user_id)::int AS n FROM cohort_members m WHERE m.cohort_id = ANY($1::uuid[]) AND m.role = 'learner' AND m.last_active_at >= now() - interval '7 days'`,
          ),
      one
        ? n(
            `SELECT count(*)::int AS n FROM cohort_members m WHERE m.cohort_id = ANY($1::uuid[]) AND m.role = 'learner' AND m.last_active_at >= now() - interval '30 days'`,
          )
        : n(
            `SELECT count(DISTINCT m.user_id)::int AS n FROM cohort_members m WHERE m.cohort_id = ANY($1::uuid[]) AND m.role = 'learner' AND m.last_active_at >= now() - interval '30 days'`,
          ),
      // Per course, from the per-(cohort, course) counters of these cohorts.
      this.db.query(
        `SELECT c.id, c.title, x.enrolments, x.completions
           FROM (SELECT s.course_id, sum(s.enrolled)::int AS enrolments, sum(s.completed)::int AS completions
                   FROM cohort_course_stats s WHERE s.cohort_id = ANY($1::uuid[])
                  GROUP BY s.course_id HAVING sum(s.enrolled) + sum(s.withdrawn) > 0) x
           JOIN courses c ON c.id = x.course_id
          ORDER BY x.enrolments DESC, c.id`,
        [ids],
      ) as Promise<CourseNumbers[]>,
      this.db.query(
        `SELECT k.id, k.name,
                coalesce((SELECT sum(es.enrolled) FROM cohort_course_stats es JOIN cohort_courses ecc ON ecc.cohort_id = es.cohort_id AND ecc.course_id = es.course_id WHERE es.cohort_id = k.id), 0)::int AS enrolments,
                coalesce((SELECT sum(cs.completed) FROM cohort_course_stats cs JOIN cohort_courses ccc ON ccc.cohort_id = cs.cohort_id AND ccc.course_id = cs.course_id WHERE cs.cohort_id = k.id), 0)::int AS completions
           FROM cohorts k
          WHERE k.id = ANY($1::uuid[])
          ORDER BY k.name`,
        [ids],
      ) as Promise<CohortRow[]>,
      this.db.query(
        `SELECT m.cohort_id, count(*)::int AS n FROM cohort_members m WHERE m.role = 'learner' AND m.cohort_id = ANY($1::uuid[]) GROUP BY m.cohort_id`,
        [ids],
      ) as Promise<{ cohort_id: string; n: number }[]>,
    ]);
    const cohorts = withLearners(cohortRows, perCohort);
    const learners = one ? (cohorts[0]?.learners ?? 0) : all;
    let courses = counted;
    if (cohorts.reduce((sum, x) => sum + x.learners, 0) > learners) {
      // Someone is a learner of two of these cohorts: summing per-cohort counters would count their
      // enrolments twice, so count each enrolment once from the base tables.
      courses = await this.db.query(
        `SELECT c.id, c.title, x.enrolments, x.completions
           FROM (SELECT e.course_id, count(*) FILTER (WHERE e.status <> 'withdrawn')::int AS enrolments, count(*) FILTER (WHERE e.status = 'completed')::int AS completions
                   FROM enrolments e
                  WHERE e.user_id IN (SELECT m.user_id FROM cohort_members m WHERE m.role = 'learner' AND m.cohort_id = ANY($1::uuid[]))
                  GROUP BY e.course_id) x
           JOIN courses c ON c.id = x.course_id
          ORDER BY x.enrolments DESC, c.id`,
        [ids],
      );
    }
    return { learners, active7, active30, courses, cohorts };
  }

  /**
   * A page of the learner × course grid in display-name order; `onlyAtRisk` filters to learners
   * flagged at risk. With a cursor (`after`/`before`: a learner of this cohort) the page is found by
   * keyset on the users(display_name, id) index, so any depth costs the same as the first page.
   */
  async cohortGrid(
    cohortId: string,
    query: { page: number; pageSize: number; onlyAtRisk: boolean; after?: string; before?: string },
    auth: AuthContext,
  ): Promise<CohortGrid> {
    const { page, pageSize, onlyAtRisk } = query;
    const cohort = await this.cohorts.managed(cohortId, auth);
    const cursorId = query.after ?? query.before;
    let cursor: { name: string; id: string } | null = null;
    if (cursorId) {
      // Only a learner of this cohort can be a cursor: anyone else's name would leak its place in the order.
      const [row]: { display_name: string }[] = await this.db.query(
        `SELECT u.display_name FROM cohort_members m JOIN users u ON u.id = m.user_id WHERE m.cohort_id = $1 AND m.user_id = $2 AND m.role = 'learner'`,
        [cohortId, cursorId],
      );
      if (!row)
        throw AppException.validation([
          {
            path: `query.${query.after ? 'after' : 'before'}`,
            message: 'is not a learner of this cohort (the list changed: start again from the first page)',
          },
        ]);
      cursor = { name: row.display_name, id: cursorId };
    }
    const backwards = Boolean(query.before);
    const courses = await this.cohortCourses(cohortId);
    const days = this.config.atRiskInactiveDays;
    // Both halves of "at risk" come from the membership row (report-sql.ts), so the at-risk filter
    // walks the display-name order like the plain grid, and the count is read from idx_cohort_members_idle.
    const pastDue = courses.filter((c) => c.past_due).map((c) => c.course_id);
    // The count runs beside the page (own connections), exact: one statement, or the two disjoint
    // halves of "at risk" added up.
    const totalQuery: Promise<number> = Promise.all(
      gridCountSql({ cohortId, days, pastDue, onlyAtRisk }).map((q) =>
        this.db.query(q.text, q.values).then((r: { n: number }[]) => r[0].n),
      ),
    ).then((ns) => ns.reduce((a, b) => a + b, 0));
    // Don't leave a rejected promise unobserved while the page query runs.
    totalQuery.catch(() => undefined);
    const pageQuery = gridPageSql({
      cohortId,
      days,
      pastDue,
      limit: pageSize + 1,
      offset: cursor ? 0 : (page - 1) * pageSize,
      onlyAtRisk,
      cursor: cursor ? { ...cursor, backwards } : null,
    });
    const learners0: { user_id: string; display_name: string; last_active: Date | null; at_risk: boolean }[] =
      await this.db.query(pageQuery.text, pageQuery.values);
    let learners = learners0;
    const total = await totalQuery;
    const more = learners.length > pageSize;
    if (more) learners = learners.slice(0, pageSize);
    if (backwards) learners.reverse();
    const first = learners[0]?.user_id ?? null;
    const last = learners[learners.length - 1]?.user_id ?? null;
    // Forwards: a next page if one more row came back; a previous one if we started after a cursor or an offset.
    // Backwards: the other way round (the `before` learner itself follows).
    const nextCursor = backwards ? (cursor ? last : null) : more ? last : null;
    const prevCursor = backwards ? (more ? first : null) : cursor || page > 1 ? first : null;
    const cells: { user_id: string; course_id: string; status: string; percent: number; overdue: boolean }[] =
      learners.length
        ? await this.db.query(
            `SELECT e.user_id, e.course_id, e.status, e.percent, coalesce(cc.due_on < current_date AND e.status = 'active', false) AS overdue
             FROM enrolments e JOIN cohort_courses cc ON cc.course_id = e.course_id AND cc.cohort_id = $1
            WHERE e.user_id = ANY($2::uuid[])`,
            [cohortId, learners.map((l) => l.user_id)],
          )
        : [];
    return {
      cohort: { id: cohort.id, name: cohort.name },
      courses: courses.map((c) => ({ courseId: c.course_id, slug: c.slug, title: c.title, dueOn: c.due_on })),
      learners: learners.map((l) => ({
        userId: l.user_id,
        displayName: l.display_name,
        lastActiveAt: l.last_active?.toISOString() ?? null,
        atRisk: l.at_risk,
        cells: courses.map((c) => {
          const cell = cells.find((x) => x.user_id === l.user_id && x.course_id === c.course_id);
          return cell
            ? {
                courseId: c.course_id,
                status: cell.status as 'active' | 'completed' | 'withdrawn',
                percent: cell.percent,
                overdue: cell.overdue,
              }
            : { courseId: c.course_id, status: 'not_enrolled' as const, percent: 0, overdue: false };
        }),
      })),
      total,
      page: cursor ? 1 : page,
      pageSize,
      nextCursor: learners.length ? nextCursor : null,
      prevCursor: learners.length ? prevCursor : null,
      thresholds: { inactiveDays: days },
    };
  }

  /** Per-lesson funnel and per-question results of a course's latest version. */
  async course(courseId: string, auth: AuthContext): Promise<CourseReport> {
    if (auth.role !== 'manager' && auth.role !== 'admin') await this.courses.course(courseId, auth, 'edit');
    const [c]: { id: string; title: DraftText; latest_version: number | null; snapshot: PublishedCourse | null }[] =
      await this.db.query(
        `SELECT c.id, c.title, c.latest_version, v.snapshot FROM courses c LEFT JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version WHERE c.id = $1`,
        [courseId],
      );
    if (!c) throw AppException.notFound('course');
    const [counts] = await this.db.query(
      `SELECT coalesce(sum(enrolled), 0)::int AS enrolments, coalesce(sum(completed), 0)::int AS completions FROM course_stats WHERE course_id = $1`,
      [courseId],
    );
    const stats: { lesson_id: string; started: number; completed: number }[] = await this.db.query(
      `SELECT lesson_id, sum(started)::int AS started, sum(completed)::int AS completed FROM lesson_stats WHERE course_id = $1 GROUP BY lesson_id`,
      [courseId],
    );
    // Skips are shown to staff only as a count per lesson (issue 16): which learner skipped is never shown.
    const skips: { lesson_id: string; skipped: number }[] = await this.db.query(
      `SELECT lesson_id, count(*)::int AS skipped FROM lesson_progress WHERE course_id = $1 AND status = 'skipped' GROUP BY lesson_id`,
      [courseId],
    );
    const qstats: { lesson_id: string; question_key: string; answers: number; correct: number }[] = await this.db.query(
      `SELECT lesson_id, question_key, sum(answers)::int AS answers, sum(correct)::int AS correct FROM question_stats WHERE course_id = $1 GROUP BY lesson_id, question_key`,
      [courseId],
    );
    const lessons = c.snapshot?.modules.flatMap((mod) => mod.lessons) ?? [];
    return {
      course: { id: c.id, title: c.title, version: c.latest_version },
      enrolments: counts.enrolments,
      completions: counts.completions,
      lessons: lessons.map((l) => {
        const s = stats.find((x) => x.lesson_id === l.id);
        const skipped = skips.find((x) => x.lesson_id === l.id)?.skipped ?? 0;
        return {
          lessonId: l.id,
          title: l.title,
          kind: l.kind,
          started: s?.started ?? 0,
          completed: s?.completed ?? 0,
          skipped: skipped === 0 || skipped >= SKIP_COUNT_MIN ? skipped : null,
        };
      }),
      questions: lessons.flatMap((l) =>
        l.content.kind === 'quiz'
          ? l.content.questions
              .filter((q) => q.type !== 'short_answer')
              .map((q) => {
                const s = qstats.find((x) => x.lesson_id === l.id && x.question_key === q.key);
                return {
                  lessonId: l.id,
                  key: q.key,
                  prompt: q.prompt,
                  answers: s?.answers ?? 0,
                  correctShare: s && s.answers ? Math.round((1000 * s.correct) / s.answers) / 1000 : null,
                };
              })
          : [],
      ),
    };
  }

  /** Reflections shared with the course's instructors (owner, co-instructors, admins). Reading them is audited. */
  async sharedReflections(courseId: string, auth: AuthContext, requestId: string) {
    await this.courses.course(courseId, auth, auth.role === 'admin' ? 'read' : 'edit');
    const rows: {
      lesson_id: string;
      lesson_title: DraftText | null;
      display_name: string;
      text: string;
      updated_at: Date;
    }[] = await this.db.query(
      `SELECT j.lesson_id, l.title AS lesson_title, u.display_name, j.text, j.updated_at
         FROM journal_entries j JOIN users u ON u.id = j.user_id LEFT JOIN lessons l ON l.id = j.lesson_id
        WHERE j.course_id = $1 AND j.shared AND length(trim(j.text)) > 0 ORDER BY j.updated_at DESC LIMIT 500`,
      [courseId],
    );
    await this.audit.record({
      actorId: auth.userId,
      action: 'reflections.viewed',
      requestId,
      details: { courseId, count: rows.length },
    });
    return {
      items: rows.map((r) => ({
        lessonId: r.lesson_id,
        lessonTitle: r.lesson_title ?? { ko: '' },
        learner: r.display_name,
        text: r.text,
        updatedAt: r.updated_at.toISOString(),
      })),
    };
  }

  /** One learner's courses and lessons, for staff who work with them. Opening it is audited. */
  async learner(userId: string, auth: AuthContext, requestId: string) {
    const [user]: { id: string; display_name: string; role: string }[] = await this.db.query(
      `SELECT id, display_name, role FROM users WHERE id = $1`,
      [userId],
    );
    if (!user || user.role !== 'learner') throw AppException.notFound('learner');
    type EnrolmentRow = {
      course_id: string;
      title: DraftText;
      status: 'active' | 'completed' | 'withdrawn';
      percent: number;
      completed_at: Date | null;
      last_activity_at: Date | null;
      snapshot: PublishedCourse;
    };
    let enrolments: EnrolmentRow[];
    if (auth.role === 'instructor') {
      // An instructor: only the learner's courses they own or co-teach.
      enrolments = await this.db.query(
        `SELECT e.course_id, c.title, e.status, e.percent, e.completed_at, e.last_activity_at, v.snapshot
           FROM enrolments e JOIN courses c ON c.id = e.course_id JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
          WHERE e.user_id = $1 AND (c.owner_id = $2 OR EXISTS (SELECT 1 FROM course_instructors ci WHERE ci.course_id = c.id AND ci.user_id = $2))
          ORDER BY e.enrolled_at`,
        [userId, auth.userId],
      );
    } else if (auth.role === 'manager') {
      // A manager of one of the learner's cohorts: only the courses assigned to the cohorts they
      // manage and the learner is in. What the learner does in another programme, or on their own,
      // stays there (Manager scope, docs/decisions.md).
      const shared: unknown[] = await this.db.query(
        `SELECT 1 FROM cohort_members lm JOIN cohort_members mm ON mm.cohort_id = lm.cohort_id
          WHERE lm.user_id = $1 AND lm.role = 'learner' AND mm.user_id = $2 AND mm.role = 'manager'`,
        [userId, auth.userId],
      );
      if (!shared.length) throw AppException.notFound('learner');
      enrolments = await this.db.query(
        `SELECT e.course_id, c.title, e.status, e.percent, e.completed_at, e.last_activity_at, v.snapshot
           FROM enrolments e JOIN courses c ON c.id = e.course_id JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
          WHERE e.user_id = $1
            AND EXISTS (SELECT 1 FROM cohort_courses cc
                          JOIN cohort_members lm ON lm.cohort_id = cc.cohort_id AND lm.user_id = $1 AND lm.role = 'learner'
                          JOIN cohort_members mm ON mm.cohort_id = cc.cohort_id AND mm.user_id = $2 AND mm.role = 'manager'
                         WHERE cc.course_id = e.course_id)
          ORDER BY e.enrolled_at`,
        [userId, auth.userId],
      );
    } else if (auth.role === 'admin') {
      // An admin: all of the learner's courses.
      enrolments = await this.db.query(
        `SELECT e.course_id, c.title, e.status, e.percent, e.completed_at, e.last_activity_at, v.snapshot
           FROM enrolments e JOIN courses c ON c.id = e.course_id JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
          WHERE e.user_id = $1
          ORDER BY e.enrolled_at`,
        [userId],
      );
    } else {
      throw AppException.notFound('learner');
    }
    if (auth.role === 'instructor' && !enrolments.length) throw AppException.notFound('learner');
    // Only the progress in the courses shown: nothing of the learner's other courses is read.
    const progress: { lesson_id: string; status: string; best_score: number | null }[] = enrolments.length
      ? await this.db.query(
          `SELECT lesson_id, status, best_score FROM lesson_progress WHERE user_id = $1 AND course_id = ANY($2::uuid[])`,
          [userId, enrolments.map((e) => e.course_id)],
        )
      : [];
    await this.audit.record({ actorId: auth.userId, action: 'learner.report_viewed', targetUserId: userId, requestId });
    return {
      learner: { id: user.id, displayName: user.display_name },
      courses: enrolments.map((e) => ({
        courseId: e.course_id,
        title: e.title,
        status: e.status,
        percent: e.percent,
        completedAt: e.completed_at?.toISOString() ?? null,
        lastActiveAt: e.last_activity_at?.toISOString() ?? null,
        lessons: e.snapshot.modules
          .flatMap((mod) => mod.lessons)
          .map((l) => {
            const p = progress.find((x) => x.lesson_id === l.id);
            return {
              lessonId: l.id,
              title: l.title,
              status: staffStatus(p?.status, l.kind, p?.best_score ?? null),
              bestScore: p?.best_score ?? null,
            };
          }),
      })),
    };
  }

  /** The cohort's courses in assignment order, with their due dates and whether they are past due. */
  private cohortCourses(cohortId: string): Promise<CohortCourseRow[]> {
    return this.db.query(
      `SELECT cc.course_id, c.slug, c.title, to_char(cc.due_on, 'YYYY-MM-DD') AS due_on, coalesce(cc.due_on < current_date, false) AS past_due
         FROM cohort_courses cc JOIN courses c ON c.id = cc.course_id WHERE cc.cohort_id = $1 ORDER BY cc.assigned_at`,
      [cohortId],
    );
  }

  /** Every learner row of a cohort grid, a page at a time by keyset, for streaming exports. */
  async *cohortGridRows(cohortId: string, auth: AuthContext): AsyncGenerator<string[]> {
    await this.cohorts.managed(cohortId, auth);
    const courses = await this.cohortCourses(cohortId);
    const pastDue = courses.filter((c) => c.past_due).map((c) => c.course_id);
    yield [
      'display_name',
      'last_active',
      'at_risk',
      ...courses.map((c) => c.title.ko).flatMap((t) => [`${t} %`, `${t} status`, `${t} overdue`]),
    ];
    let after: { name: string; id: string } | null = null;
    const days = this.config.atRiskInactiveDays;
    for (;;) {
      const q = exportPageSql({ cohortId, days, pastDue, after });
      const rows: {
        user_id: string;
        display_name: string;
        last_active: Date | null;
        at_risk: boolean;
        cells: { course_id: string; status: string; percent: number; overdue: boolean }[] | null;
      }[] = await this.db.query(q.text, q.values);
      for (const r of rows) {
        yield [
          r.display_name,
          r.last_active?.toISOString() ?? '',
          r.at_risk ? 'yes' : 'no',
          ...courses.flatMap((c) => {
            const cell = r.cells?.find((x) => x.course_id === c.course_id);
            return cell
              ? [String(cell.percent), cell.status, cell.overdue ? 'yes' : 'no']
              : ['0', 'not_enrolled', 'no'];
          }),
        ];
      }
      if (rows.length < EXPORT_PAGE_SIZE) return;
      after = { name: rows[rows.length - 1].display_name, id: rows[rows.length - 1].user_id };
    }
  }
}

/**
 * A lesson's status as staff see it on one learner's page. Skipping a lesson with a content note is
 * promised to carry no penalty, so staff never see who skipped (issue 16; docs/decisions.md): a
 * skipped reading shows as finished (it counts as done), a skipped quiz as not started, or in
 * progress once tried. Skips appear to staff only as a count per lesson in the course report.
 */
export function staffStatus(status: string | undefined, kind: string, bestScore: number | null): string {
  if (status !== 'skipped') return status ?? 'not_started';
  if (kind !== 'quiz') return 'completed';
  return bestScore === null ? 'not_started' : 'in_progress';
}
