import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CohortDueCounts, CohortSession, Todo } from '@dari/contracts';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext } from '../common/http/request.js';
import { NotificationsService } from '../notifications/index.js';
import { CohortsService } from './cohorts.service.js';
import * as q from './due.queries.js';

/** How many upcoming sessions of each cohort the learner's to-do list shows. */
const SESSIONS_PER_COHORT = 5;
/** "Upcoming" on the manager's page: due today or within this many days. */
const UPCOMING_DAYS = 7;
/** How often the reminder sweep runs (each process tries; one at a time does it). */
const SWEEP_EVERY_MS = 15 * 60_000;

const sessionFrom = (s: q.SessionRow): CohortSession => ({
  id: s.id,
  title: s.title,
  startsAt: s.starts_at.toISOString(),
  place: s.place,
  notes: s.notes,
});

/**
 * What's due (issue 17, docs/learning-together.md "What's due"): the learner's to-do list, the
 * sessions a manager schedules, the cohort page's counts, the notifications of an assignment change
 * and the "due in 3 days" / "overdue" reminder sweep.
 */
@Injectable()
export class DueService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DueService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cohorts: CohortsService,
    private readonly notifications: NotificationsService,
  ) {}

  // ---- the learner's to-do list ----

  /** The caller's own assigned courses and cohorts: nothing of anyone else's. */
  async todo(auth: AuthContext): Promise<Todo> {
    const [today, courses, cohorts] = await Promise.all([
      q.koreaToday(this.db),
      q.todoCourses(this.db, auth.userId),
      q.todoCohorts(this.db, auth.userId, SESSIONS_PER_COHORT),
    ]);
    return {
      today,
      courses: courses.map((c) => ({
        courseId: c.course_id,
        slug: c.slug,
        title: c.title,
        dueOn: c.due_on,
        daysLeft: c.days_left,
        status: c.status,
        percent: c.percent,
        next: c.next_lesson_id ? { lessonId: c.next_lesson_id, started: c.started } : null,
      })),
      cohorts: cohorts.map((c) => ({
        id: c.id,
        name: c.name,
        startsOn: c.starts_on,
        endsOn: c.ends_on,
        sessions: c.sessions.map((s) => sessionFrom({ ...s, starts_at: new Date(s.starts_at) })),
      })),
    };
  }

  // ---- sessions (a manager of the cohort, or an admin; anything else is "not found") ----

  async sessions(cohortId: string, auth: AuthContext): Promise<{ items: CohortSession[] }> {
    await this.cohorts.managed(cohortId, auth);
    return { items: (await q.sessions(this.db, cohortId)).map(sessionFrom) };
  }

  async createSession(
    cohortId: string,
    input: { title: string; startsAt: string; place: string | null; notes: string | null },
    auth: AuthContext,
  ): Promise<CohortSession> {
    return this.db.transaction(async (m) => {
      await this.cohorts.managed(cohortId, auth, m);
      return sessionFrom(await q.createSession(m, cohortId, input.title, input.startsAt, input.place, input.notes));
    });
  }

  async updateSession(
    cohortId: string,
    sessionId: string,
    patch: Partial<{ title: string; startsAt: string; place: string | null; notes: string | null }>,
    auth: AuthContext,
  ): Promise<CohortSession> {
    return this.db.transaction(async (m) => {
      await this.cohorts.managed(cohortId, auth, m);
      const s = await q.lockedSession(m, cohortId, sessionId);
      if (!s) throw AppException.notFound('session');
      const row = await q.updateSession(
        m,
        cohortId,
        sessionId,
        patch.title ?? s.title,
        patch.startsAt ?? s.starts_at.toISOString(),
        patch.place === undefined ? s.place : patch.place,
        patch.notes === undefined ? s.notes : patch.notes,
      );
      return sessionFrom(row);
    });
  }

  async deleteSession(cohortId: string, sessionId: string, auth: AuthContext): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.cohorts.managed(cohortId, auth, m);
      if (!(await q.deleteSession(m, cohortId, sessionId))) throw AppException.notFound('session');
    });
  }

  // ---- the manager's counts ----

  /** How many learner-courses are due soon or overdue in the cohort: counts from the counters, never who. */
  async dueCounts(cohortId: string, auth: AuthContext): Promise<CohortDueCounts> {
    await this.cohorts.managed(cohortId, auth);
    const [today, rows] = await Promise.all([q.koreaToday(this.db), q.dueCounts(this.db, cohortId)]);
    let upcoming = 0;
    let overdue = 0;
    for (const r of rows) {
      if (r.days_left === null) continue;
      if (r.days_left < 0) overdue += r.remaining;
      else if (r.days_left <= UPCOMING_DAYS) upcoming += r.remaining;
    }
    return {
      today,
      upcoming,
      overdue,
      courses: rows.map((r) => ({
        courseId: r.course_id,
        dueOn: r.due_on,
        daysLeft: r.days_left,
        remaining: r.remaining,
      })),
    };
  }

  // ---- notifications ----

  /**
   * Sends the reminders due now: "due in 3 days or fewer" and "overdue", each once per (learner,
   * course, kind, due date). One transaction: the try-lock makes one process at a time sweep (the
   * others skip the round), due_notices keeps what was sent, and the notifications commit with it,
   * so a crash mid-sweep sends nothing and the next round sends all. How many were sent.
   */
  async sweep(): Promise<number> {
    return this.db.transaction(async (m) => {
      if (!(await q.trySweepLock(m))) return 0;
      let sent = 0;
      for (const g of await q.sweep(m)) {
        sent += await this.notifications.notify(m, g.user_ids, {
          kind: g.kind,
          ref: { type: 'course', id: g.course_id },
          data: { dueOn: g.due_on },
        });
      }
      await q.forgetOldNotices(m);
      return sent;
    });
  }

  onApplicationBootstrap(): void {
    const run = () =>
      this.sweep().catch((e: unknown) =>
        this.logger.warn(`due reminder sweep failed: ${e instanceof Error ? e.message : String(e)}`),
      );
    this.timer = setInterval(() => void run(), SWEEP_EVERY_MS);
    this.timer.unref();
    void run();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
