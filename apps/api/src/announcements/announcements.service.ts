import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Announcement, AnnouncementList, AnnouncementText } from '@dari/contracts';
import { AuditService } from '../audit/index.js';
import { CohortsService } from '../cohorts/index.js';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext } from '../common/http/request.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CourseAccessService } from '../courses/index.js';
import { announcementHtml } from '../notifications/index.js';
import * as sql from './announcements.queries.js';

/** At most this many announcements per author per hour (docs/learning-together.md). */
export const ANNOUNCEMENTS_PER_HOUR = 10;
/** How often each process looks for at-risk announcements with recipients left to write (left by a restart). */
const FILL_EVERY_MS = 60_000;

type Row =
  Awaited<ReturnType<typeof sql.cohortList>>[number] | Awaited<ReturnType<typeof sql.myCohortAnnouncements>>[number];

function view(r: Row): Announcement {
  return {
    id: r.id,
    audience: r.audience,
    targetId: r.cohort_id ?? r.course_id ?? '',
    text: r.text,
    atRiskOnly: r.at_risk_only,
    createdAt: r.created_at.toISOString(),
    ...('read' in r ? { read: r.read } : {}),
    ...('audience_count' in r ? { readCount: r.read_count, audienceCount: r.audience_count } : {}),
  };
}

/**
 * Where the learner's pages show an announcement, its text as sanitised HTML (the lessons' renderer), every
 * language it has; `headingLevel` is where its own headings start under the page's (course page: h1 title,
 * h2 "announcements"; the home's cohort card sits one level deeper, under h2 to-do, h3 cohort, h4).
 */
function withHtml(a: Announcement, headingLevel: number): Announcement {
  return { ...a, html: announcementHtml(a.text, headingLevel) };
}

/**
 * One-way announcements: a manager to a cohort (or only its learners at risk now), an instructor to a
 * course's learners. Fanned out on read: sending writes one row (and, at risk only, the recipients: the
 * request writes the first batch of them, fillRecipients the rest, a batch per transaction).
 */
@Injectable()
export class AnnouncementsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AnnouncementsService.name);
  private timer?: NodeJS.Timeout;
  private filling: Promise<void> | null = null;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cohorts: CohortsService,
    private readonly courses: CourseAccessService,
    private readonly audit: AuditService,
  ) {}

  async toCohort(
    cohortId: string,
    body: { text: AnnouncementText; atRiskOnly: boolean },
    auth: AuthContext,
    requestId: string,
  ): Promise<Announcement> {
    await this.cohorts.managed(cohortId, auth);
    return this.send(
      { audience: 'cohort', cohortId, courseId: null, atRiskOnly: body.atRiskOnly },
      body.text,
      auth,
      requestId,
    );
  }

  async toCourse(
    courseId: string,
    text: AnnouncementText,
    auth: AuthContext,
    requestId: string,
  ): Promise<Announcement> {
    await this.courses.course(courseId, auth, 'edit');
    return this.send({ audience: 'course', cohortId: null, courseId, atRiskOnly: false }, text, auth, requestId);
  }

  private async send(
    target: { audience: 'cohort' | 'course'; cohortId: string | null; courseId: string | null; atRiskOnly: boolean },
    text: AnnouncementText,
    auth: AuthContext,
    requestId: string,
  ): Promise<Announcement> {
    const row = await this.db.transaction(async (m) => {
      await sql.lockAuthor(m, auth.userId);
      const sent = await sql.sentLastHour(m, auth.userId);
      if (sent.n >= ANNOUNCEMENTS_PER_HOUR)
        throw new AppException(
          429,
          'too_many_attempts',
          `You have sent ${ANNOUNCEMENTS_PER_HOUR} announcements in the last hour. Please wait before sending another.`,
          undefined,
          sent.retryAfter,
        );
      const created = await sql.create(m, target, auth.userId, text);
      let recipients: number | null = null;
      if (target.atRiskOnly && target.cohortId) {
        const pastDue = await sql.pastDueCourses(m, target.cohortId);
        const days = this.config.atRiskInactiveDays;
        recipients = await sql.countAtRisk(m, target.cohortId, days, pastDue);
        if (recipients === 0)
          throw AppException.validation([
            { path: 'body.atRiskOnly', message: 'no learner of this cohort is at risk now: nothing was sent' },
          ]);
        // The first batch now (a small cohort's whole snapshot); a larger one's rest after the commit.
        const batch = this.config.announcementFillBatch;
        const first = await sql.fillAtRisk(
          m,
          { announcementId: created.id, cohortId: target.cohortId, days, pastDue },
          null,
          batch,
        );
        await sql.setRecipientCount(m, created.id, recipients);
        if (first.n === batch) await sql.setFillCursor(m, created.id, first.last);
      }
      await this.audit.record(
        {
          actorId: auth.userId,
          action: 'announcement.sent',
          requestId,
          details: {
            announcementId: created.id,
            audience: target.audience,
            targetId: target.cohortId ?? target.courseId,
            atRiskOnly: target.atRiskOnly,
            ...(recipients === null ? {} : { recipients }),
          },
        },
        m,
      );
      return { ...created, recipient_count: recipients };
    });
    if (target.atRiskOnly) this.fillSoon();
    return view({ ...row, audience_count: row.recipient_count ?? 0 });
  }

  onApplicationBootstrap(): void {
    // Whatever a stopped process left half written, then now and then (another instance's leftovers).
    this.fillSoon();
    this.timer = setInterval(() => this.fillSoon(), FILL_EVERY_MS);
    this.timer.unref();
  }

  /** Lets the batch in flight commit; the rest waits for the next process (its start-up run). */
  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.filling;
  }

  /** Starts fillRecipients unless this process is at it already; failures are logged (the timer retries). */
  private fillSoon(): void {
    if (this.stopping) return;
    this.filling ??= this.fillRecipients()
      .catch((e: unknown) =>
        this.logger.warn(`writing announcement recipients failed: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => (this.filling = null));
  }

  /**
   * Writes the recipients left of at-risk announcements, a batch per transaction, until none is left. Each
   * batch locks its announcement (SKIP LOCKED: instances share the work, never a batch), writes the next
   * learners at risk after its cursor, and moves the cursor, or clears it with the final count. A crash loses
   * at most the batch in flight, which the next run writes again. The rule is read at each batch's time, so a
   * learner who came back between the send and their batch (seconds) is no longer at risk and is left out.
   */
  async fillRecipients(): Promise<void> {
    const batch = this.config.announcementFillBatch;
    while (!this.stopping) {
      const more = await this.db.transaction(async (m) => {
        const a = await sql.nextToFill(m);
        if (!a) return false;
        const pastDue = await sql.pastDueCourses(m, a.cohort_id);
        const r = await sql.fillAtRisk(
          m,
          { announcementId: a.id, cohortId: a.cohort_id, days: this.config.atRiskInactiveDays, pastDue },
          a.fill_cursor,
          batch,
        );
        await sql.setFillCursor(m, a.id, r.n === batch ? r.last : null);
        return true;
      });
      if (!more) return;
    }
  }

  async cohortList(cohortId: string, auth: AuthContext): Promise<AnnouncementList> {
    await this.cohorts.managed(cohortId, auth);
    return { items: (await sql.cohortList(this.db, cohortId)).map(view) };
  }

  async courseList(courseId: string, auth: AuthContext): Promise<AnnouncementList> {
    await this.courses.course(courseId, auth, 'edit');
    return { items: (await sql.courseList(this.db, courseId)).map(view) };
  }

  /** The newest few sent to me in a cohort I am a learner of, for its card on my home; 404 for any other cohort. */
  async mineInCohort(cohortId: string, auth: AuthContext): Promise<AnnouncementList> {
    if (!(await sql.isCohortLearner(this.db, auth.userId, cohortId))) throw AppException.notFound('cohort');
    const rows = await sql.myCohortAnnouncements(this.db, auth.userId, cohortId);
    return { items: rows.map((r) => withHtml(view(r), 5)) };
  }

  /** The newest few sent to me in a course I take, for its page; 404 for any other course. */
  async mineInCourse(courseId: string, auth: AuthContext): Promise<AnnouncementList> {
    if (!(await sql.takesCourse(this.db, auth.userId, courseId))) throw AppException.notFound('course');
    const rows = await sql.myCourseAnnouncements(this.db, auth.userId, courseId);
    return { items: rows.map((r) => withHtml(view(r), 3)) };
  }
}
