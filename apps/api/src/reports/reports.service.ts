import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  SKIP_COUNT_MIN,
  type CohortGrid,
  type CourseReport,
  type DraftText,
  type Locale,
  type ProgramReport,
} from '@dari/contracts';
import { AuditService } from '../audit/index.js';
import { CohortsService } from '../cohorts/index.js';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext } from '../common/http/request.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CourseAccessService } from '../courses/index.js';
import type { CohortExportRow } from './export-tables.js';
import * as q from './reports.queries.js';
import type { CohortNumbers as CohortRow, CourseNumbers, LearnerEnrolmentRow } from './reports.queries.js';

const rate = (done: number, all: number) => (all ? Math.round((1000 * done) / all) / 1000 : 0);

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
    return q.managedCohorts(this.db, auth.userId);
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
    const [learners, a, courses, cohorts, perCohort] = await Promise.all([
      q.allLearners(this.db),
      q.allActive(this.db),
      q.allCourses(this.db),
      q.allCohorts(this.db),
      q.learnersPerCohort(this.db),
    ]);
    return { learners, active7: a.a7, active30: a.a30, courses, cohorts: withLearners(cohorts, perCohort) };
  }

  /**
   * A manager: the cohorts they manage (`ids`, maybe none). Learner and activity numbers are range
   * counts on the activity index: one cohort counts rows (the primary key makes members distinct,
   * and the learner count comes with the cohort rows), several count distinct people.
   */
  private async programOfCohorts(ids: string[]): Promise<ProgramNumbers> {
    const one = ids.length === 1;
    const [all, active7, active30, counted, cohortRows, perCohort] = await Promise.all([
      one ? -1 : q.distinctLearnersOf(this.db, ids),
      q.activeOf(this.db, ids, 7),
      q.activeOf(this.db, ids, 30),
      q.coursesOf(this.db, ids),
      q.cohortsOf(this.db, ids),
      q.learnersPerCohortOf(this.db, ids),
    ]);
    const cohorts = withLearners(cohortRows, perCohort);
    const learners = one ? (cohorts[0]?.learners ?? 0) : all;
    let courses = counted;
    if (cohorts.reduce((sum, x) => sum + x.learners, 0) > learners) {
      // Someone is a learner of two of these cohorts: summing per-cohort counters would count their
      // enrolments twice, so count each enrolment once from the base tables.
      courses = await q.coursesOfDistinct(this.db, ids);
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
      const name = await q.gridCursorName(this.db, cohortId, cursorId);
      if (name === undefined)
        throw AppException.validation([
          {
            path: `query.${query.after ? 'after' : 'before'}`,
            message: 'is not a learner of this cohort (the list changed: start again from the first page)',
          },
        ]);
      cursor = { name, id: cursorId };
    }
    const backwards = Boolean(query.before);
    const courses = await this.cohortCourses(cohortId);
    const days = this.config.atRiskInactiveDays;
    // Both halves of "at risk" come from the membership row (report-sql.ts), so the at-risk filter
    // walks the display-name order like the plain grid, and the count is read from idx_cohort_members_idle.
    const pastDue = courses.filter((c) => c.past_due).map((c) => c.course_id);
    // The count runs beside the page (own connections), exact: one statement, or the two disjoint
    // halves of "at risk" added up.
    const totalQuery = q.gridCount(this.db, { cohortId, days, pastDue, onlyAtRisk });
    // Don't leave a rejected promise unobserved while the page query runs.
    totalQuery.catch(() => undefined);
    const learners0 = await q.gridPage(this.db, {
      cohortId,
      days,
      pastDue,
      limit: pageSize + 1,
      offset: cursor ? 0 : (page - 1) * pageSize,
      onlyAtRisk,
      cursor: cursor ? { ...cursor, backwards } : null,
    });
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
    const cells = learners.length
      ? await q.gridCells(
          this.db,
          cohortId,
          learners.map((l) => l.user_id),
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
    const c = await q.courseHead(this.db, courseId);
    if (!c) throw AppException.notFound('course');
    const counts = await q.courseCounts(this.db, courseId);
    const stats = await q.lessonStats(this.db, courseId);
    // Skips are shown to staff only as a count per lesson: which learner skipped is never shown.
    const skips = await q.skips(this.db, courseId);
    const qstats = await q.questionStats(this.db, courseId);
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
    const rows = await q.sharedReflections(this.db, courseId);
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
    const user = await q.learnerAccount(this.db, userId);
    if (!user || user.role !== 'learner') throw AppException.notFound('learner');
    let enrolments: LearnerEnrolmentRow[];
    if (auth.role === 'instructor') {
      // An instructor: only the learner's courses they own or co-teach.
      enrolments = await q.learnerEnrolmentsForInstructor(this.db, userId, auth.userId);
    } else if (auth.role === 'manager') {
      // A manager of one of the learner's cohorts: only the courses assigned to the cohorts they
      // manage and the learner is in. What the learner does in another programme, or on their own,
      // stays there (Manager scope, docs/decisions.md).
      if (!(await q.managesLearner(this.db, userId, auth.userId))) throw AppException.notFound('learner');
      enrolments = await q.learnerEnrolmentsForManager(this.db, userId, auth.userId);
    } else if (auth.role === 'admin') {
      // An admin: all of the learner's courses.
      enrolments = await q.learnerEnrolmentsForAdmin(this.db, userId);
    } else {
      throw AppException.notFound('learner');
    }
    if (auth.role === 'instructor' && !enrolments.length) throw AppException.notFound('learner');
    // Only the progress in the courses shown: nothing of the learner's other courses is read.
    const progress = enrolments.length
      ? await q.learnerProgress(
          this.db,
          userId,
          enrolments.map((e) => e.course_id),
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
  private cohortCourses(cohortId: string) {
    return q.cohortCourses(this.db, cohortId);
  }

  /**
   * A cohort's export: the cohort and its courses (access is checked here, before any byte is sent),
   * then every learner row: their order read once, then a page of ids at a time, typed (export-tables.ts writes them).
   */
  async cohortExport(
    cohortId: string,
    auth: AuthContext,
  ): Promise<{
    cohort: { name: string };
    courses: { title: DraftText; slug: string }[];
    rows: AsyncGenerator<CohortExportRow>;
  }> {
    const cohort = await this.cohorts.managed(cohortId, auth);
    const courses = await this.cohortCourses(cohortId);
    const pastDue = courses.filter((c) => c.past_due).map((c) => c.course_id);
    const days = this.config.atRiskInactiveDays;
    const db = this.db;
    async function* rows(): AsyncGenerator<CohortExportRow> {
      // The order is read once (one sort of the cohort); each page then looks its learners up by id.
      // A learner renamed during the export keeps their place and is written once.
      const order = await q.exportOrder(db, cohortId);
      for (let i = 0; i < order.length; i += q.EXPORT_PAGE_SIZE) {
        const learnerIds = order.slice(i, i + q.EXPORT_PAGE_SIZE);
        for (const r of await q.exportPage(db, { cohortId, days, pastDue, learnerIds })) {
          yield {
            displayName: r.display_name,
            lastActive: r.last_active,
            atRisk: r.at_risk,
            cells: courses.map((c) => r.cells?.find((x) => x.course_id === c.course_id) ?? null),
          };
        }
      }
    }
    return {
      cohort: { name: cohort.name },
      courses: courses.map((c) => ({ title: c.title, slug: c.slug })),
      rows: rows(),
    };
  }

  /** The account's own interface language: the exports' language when the download does not say. */
  async accountLocale(userId: string): Promise<Locale> {
    const row = (await q.accountLocale(this.db, userId)).at(0);
    return row?.locale ?? 'ko';
  }
}

/**
 * A lesson's status as staff see it on one learner's page. Skipping a lesson with a content note is
 * promised to carry no penalty, so staff never see who skipped (docs/decisions.md): a
 * skipped reading shows as finished (it counts as done), a skipped quiz as not started, or in
 * progress once tried. Skips appear to staff only as a count per lesson in the course report.
 */
export function staffStatus(status: string | undefined, kind: string, bestScore: number | null): string {
  if (status !== 'skipped') return status ?? 'not_started';
  if (kind !== 'quiz') return 'completed';
  return bestScore === null ? 'not_started' : 'in_progress';
}
