import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { timingSafeEqual } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { CourseProgress, DraftText, Enrolment, EventBatchResult, LearningEvent, LessonProgress } from '@dari/contracts';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext } from '../common/http/request.js';
import { formatCode, recomputeEnrolment } from './completion.js';
import { bumpLessonStats, bumpQuestionStats } from './report-counters.js';
import { gradeQuiz } from './quiz-grading.js';
import { SnapshotCacheService } from './snapshot-cache.service.js';
import { viaCohort, visibleToLearner } from './visibility.js';

interface EnrolmentRow {
  id: string;
  course_id: string;
  slug: string;
  title: DraftText;
  status: Enrolment['status'];
  percent: number;
  enrolled_at: Date;
  completed_at: Date | null;
  last_activity_at: Date | null;
  last_lesson_id: string | null;
  certificate_code: string | null;
}

type EventResult = EventBatchResult['results'][number];

const ENROLMENT_SELECT = `
  SELECT e.id, e.course_id, c.slug, v.meta->'title' AS title, e.status, e.percent, e.enrolled_at, e.completed_at,
         e.last_activity_at, e.last_lesson_id, cert.code AS certificate_code
    FROM enrolments e
    JOIN courses c ON c.id = e.course_id
    JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
    LEFT JOIN certificates cert ON cert.user_id = e.user_id AND cert.course_id = e.course_id`;

/**
 * Enrolment and progress. Every event is stored once (its id is made on the device) and the
 * projections are updated in the same transaction, under a lock on the enrolment, so retries,
 * offline replays and two tabs never double-count or lose an update.
 */
@Injectable()
export class LearningService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly snapshots: SnapshotCacheService,
  ) {}

  // ---- enrolment ----

  async enrol(slug: string, code: string | undefined, auth: AuthContext): Promise<Enrolment> {
    return this.db.transaction(async (m) => {
      const rows: { id: string; enrolment_policy: string; course_code: string | null; in_cohort: boolean }[] = await m.query(
        `SELECT c.id, c.enrolment_policy, c.course_code, ${viaCohort('$2')} AS in_cohort FROM courses c
          WHERE c.slug = $1 AND c.status = 'published' AND c.latest_version IS NOT NULL AND ${visibleToLearner('$2')}`,
        [slug, auth.userId],
      );
      const course = rows[0];
      if (!course) throw AppException.notFound('course');
      if (course.enrolment_policy === 'code' && !course.in_cohort && !sameCode(code, course.course_code)) {
        throw new AppException(400, 'wrong_course_code', 'This course code is not right. Check it with your instructor.', [{ path: 'body.code', message: 'is not the code of this course' }]);
      }
      const source = course.in_cohort ? 'cohort' : course.enrolment_policy === 'code' ? 'code' : 'self';
      const [row]: { id: string }[] = await m.query(
        `INSERT INTO enrolments (user_id, course_id, source) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, course_id) DO UPDATE
            SET status = CASE WHEN enrolments.status = 'withdrawn' THEN 'active' ELSE enrolments.status END,
                withdrawn_at = NULL
         RETURNING id`,
        [auth.userId, course.id, source],
      );
      await recomputeEnrolment(m, row.id);
      return this.enrolmentById(m, row.id, auth.userId);
    });
  }

  async withdraw(enrolmentId: string, auth: AuthContext): Promise<Enrolment> {
    return this.db.transaction(async (m) => {
      const updated: unknown[] = await m.query(
        `WITH w AS (UPDATE enrolments SET status = 'withdrawn', withdrawn_at = now() WHERE id = $1 AND user_id = $2 AND status = 'active' RETURNING id) SELECT id FROM w`,
        [enrolmentId, auth.userId],
      );
      if (!updated.length) {
        const own: unknown[] = await m.query(`SELECT 1 FROM enrolments WHERE id = $1 AND user_id = $2`, [enrolmentId, auth.userId]);
        if (!own.length) throw AppException.notFound('enrolment');
      }
      return this.enrolmentById(m, enrolmentId, auth.userId);
    });
  }

  async myLearning(auth: AuthContext): Promise<{ items: Enrolment[] }> {
    // One query for every enrolment and its next lesson (the same choice as nextLesson, per row).
    const rows: (EnrolmentRow & { next_lesson_id: string | null; next_position: number | null })[] = await this.db.query(
      `SELECT x.*, nx.lesson_id AS next_lesson_id, nx.position AS next_position
         FROM (${ENROLMENT_SELECT} WHERE e.user_id = $1 AND e.status <> 'withdrawn') x
         LEFT JOIN LATERAL (
           SELECT pl.lesson_id, lp.position
             FROM published_lessons pl LEFT JOIN lesson_progress lp ON lp.lesson_id = pl.lesson_id AND lp.user_id = $1
            WHERE pl.course_id = x.course_id AND coalesce(lp.status, 'not_started') NOT IN ('completed', 'skipped')
            ORDER BY (pl.lesson_id = x.last_lesson_id) DESC, pl.position
            LIMIT 1) nx ON true
        ORDER BY x.last_activity_at DESC NULLS LAST, x.enrolled_at DESC`,
      [auth.userId],
    );
    return { items: rows.map((r) => enrolmentFrom(r, r.next_lesson_id ? { lessonId: r.next_lesson_id, position: r.next_position } : null)) };
  }

  /** The outline's state for one learner: each lesson's status and lock, and the enrolment. */
  async courseProgress(slug: string, auth: AuthContext): Promise<CourseProgress> {
    const [course]: { id: string; latest_version: number; sequential: boolean }[] = await this.db.query(
      `SELECT c.id, c.latest_version, c.sequential FROM courses c WHERE c.slug = $1 AND c.status = 'published' AND c.latest_version IS NOT NULL AND ${visibleToLearner('$2')}`,
      [slug, auth.userId],
    );
    if (!course) throw AppException.notFound('course');
    const [enrolment]: EnrolmentRow[] = await this.db.query(`${ENROLMENT_SELECT} WHERE e.user_id = $1 AND e.course_id = $2 AND e.status <> 'withdrawn'`, [auth.userId, course.id]);
    const lessons = await this.lessonStates(this.db.manager, auth.userId, course.id, course.sequential);
    return { enrolment: enrolment ? await this.toEnrolment(this.db.manager, enrolment, auth.userId) : null, version: course.latest_version, lessons };
  }

  // ---- events ----

  async recordEvents(events: LearningEvent[], auth: AuthContext): Promise<EventBatchResult> {
    const results: EventResult[] = [];
    const touched = new Set<string>();
    for (const event of events) {
      try {
        results.push(await this.db.transaction((m) => this.recordOne(m, event, auth, touched)));
      } catch (e) {
        // A refused event rolls back alone; the rest of the batch is kept.
        if (e instanceof RejectedEvent) results.push(e.result);
        else throw e;
      }
    }
    const enrolments: Enrolment[] = [];
    for (const id of touched) enrolments.push(await this.enrolmentById(this.db.manager, id, auth.userId));
    return { results, enrolments };
  }

  private async recordOne(m: EntityManager, event: LearningEvent, auth: AuthContext, touched: Set<string>): Promise<EventResult> {
    const reject = (reason: NonNullable<EventResult['reason']>, message: string): EventResult => ({ id: event.id, status: 'rejected', reason, message });
    const [lesson]: { course_id: string; version: number; kind: string; has_content_note: boolean; sequential: boolean }[] = await m.query(
      `SELECT pl.course_id, pl.version, pl.kind, pl.has_content_note, c.sequential
         FROM published_lessons pl JOIN courses c ON c.id = pl.course_id
        WHERE pl.lesson_id = $1 AND c.status = 'published'`,
      [event.lessonId],
    );
    if (!lesson) return reject('lesson_not_found', 'This lesson is not in any course you can take (it may have been removed).');
    // The lock on the enrolment serialises this learner's events for the course.
    const [enrolment]: { id: string }[] = await m.query(`SELECT id FROM enrolments WHERE user_id = $1 AND course_id = $2 AND status <> 'withdrawn' FOR UPDATE`, [auth.userId, lesson.course_id]);
    if (!enrolment) return reject('not_enrolled', 'Enrol in the course first.');

    const inserted: unknown[] = await m.query(
      `INSERT INTO learning_events (id, user_id, course_id, lesson_id, course_version, type, payload, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [event.id, auth.userId, lesson.course_id, event.lessonId, lesson.version, event.type, payloadOf(event), new Date(Math.min(Date.parse(event.occurredAt), Date.now()))],
    );
    if (!inserted.length) return { id: event.id, status: 'duplicate' };

    if (lesson.sequential && event.type !== 'position' && event.type !== 'time_spent') {
      const states = await this.lessonStates(m, auth.userId, lesson.course_id, true);
      if (states.find((s) => s.lessonId === event.lessonId)?.locked) {
        throw new RejectedEvent(reject('locked', 'Finish the lesson before this one first.'));
      }
    }

    let quiz: EventResult['quiz'];
    const [before]: { status: string }[] = await m.query(`SELECT status FROM lesson_progress WHERE user_id = $1 AND lesson_id = $2`, [auth.userId, event.lessonId]);
    const occurred = new Date(Math.min(Date.parse(event.occurredAt), Date.now()));
    // One upsert per event; the SET clause is chosen from a fixed list, the values are parameters.
    const upsert = (set: string, insertStatus: 'in_progress' | 'completed' | 'skipped', values: { position?: number; seconds?: number } = {}) =>
      m.query(
        `INSERT INTO lesson_progress (user_id, lesson_id, course_id, status, position, time_spent_seconds, completed_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $4 = 'completed' THEN $7::timestamptz END, now())
         ON CONFLICT (user_id, lesson_id) DO UPDATE SET ${set}, updated_at = now()`,
        [auth.userId, event.lessonId, lesson.course_id, insertStatus, values.position ?? null, values.seconds ?? 0, occurred],
      );
    switch (event.type) {
      case 'viewed':
        await upsert(`status = lesson_progress.status`, 'in_progress');
        break;
      case 'completed':
        if (lesson.kind === 'quiz') throw new RejectedEvent(reject('wrong_kind', 'A quiz is completed by passing it.'));
        await upsert(`status = 'completed', completed_at = coalesce(lesson_progress.completed_at, $7::timestamptz)`, 'completed');
        break;
      case 'skipped':
        if (!lesson.has_content_note) throw new RejectedEvent(reject('no_content_note', 'Only lessons with a content note can be skipped.'));
        await upsert(`status = CASE WHEN lesson_progress.status = 'completed' THEN 'completed' ELSE 'skipped' END`, 'skipped');
        break;
      case 'position':
        await upsert(`position = $5`, 'in_progress', { position: event.position });
        break;
      case 'time_spent':
        await upsert(`time_spent_seconds = lesson_progress.time_spent_seconds + $6`, 'in_progress', { seconds: event.seconds });
        break;
      case 'quiz_submitted': {
        if (lesson.kind !== 'quiz') throw new RejectedEvent(reject('wrong_kind', 'This lesson is not a quiz.'));
        const snapshot = await this.snapshots.get(lesson.course_id, lesson.version, m);
        const content = snapshot?.lessons.get(event.lessonId)?.content;
        if (!content || content.kind !== 'quiz') throw new RejectedEvent(reject('lesson_not_found', 'This quiz is not in the course any more.'));
        const graded = gradeQuiz(content, event.answers);
        if ('invalid' in graded) throw new RejectedEvent(reject('invalid_answers', graded.invalid));
        await m.query(
          `INSERT INTO quiz_attempts (user_id, course_id, lesson_id, event_id, answers, correct, score, passed, submitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [auth.userId, lesson.course_id, event.lessonId, event.id, event.answers, graded.correct, graded.score, graded.passed, occurred],
        );
        await m.query(
          `INSERT INTO lesson_progress (user_id, lesson_id, course_id, status, attempts, best_score, passed, completed_at)
           VALUES ($1, $2, $3, CASE WHEN $5 THEN 'completed' ELSE 'in_progress' END, 1, $4, $5, CASE WHEN $5 THEN $6::timestamptz END)
           ON CONFLICT (user_id, lesson_id) DO UPDATE SET
             attempts = lesson_progress.attempts + 1,
             best_score = greatest(lesson_progress.best_score, $4),
             passed = coalesce(lesson_progress.passed, false) OR $5,
             status = CASE WHEN $5 OR lesson_progress.status = 'completed' THEN 'completed' ELSE lesson_progress.status END,
             completed_at = CASE WHEN $5 THEN coalesce(lesson_progress.completed_at, $6::timestamptz) ELSE lesson_progress.completed_at END,
             updated_at = now()`,
          [auth.userId, event.lessonId, lesson.course_id, graded.score, graded.passed, occurred],
        );
        quiz = graded;
        await bumpQuestionStats(m, event.lessonId, lesson.course_id, auth.userId, graded.correct);
        break;
      }
      case 'reflection_saved':
        if (lesson.kind !== 'reflection') throw new RejectedEvent(reject('wrong_kind', 'This lesson is not a reflection.'));
        await m.query(
          `INSERT INTO journal_entries (user_id, lesson_id, course_id, text, shared, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (user_id, lesson_id) DO UPDATE SET text = $4, shared = $5, updated_at = $6 WHERE journal_entries.updated_at <= $6`,
          [auth.userId, event.lessonId, lesson.course_id, event.text, event.shared, occurred],
        );
        if (event.text.trim()) await upsert(`status = 'completed', completed_at = coalesce(lesson_progress.completed_at, $7::timestamptz)`, 'completed');
        break;
    }
    await bumpLessonStats(m, event.lessonId, lesson.course_id, auth.userId, before?.status);
    await m.query(
      `UPDATE enrolments SET last_activity_at = greatest(coalesce(last_activity_at, $2), $2), last_lesson_id = $3 WHERE id = $1`,
      [enrolment.id, occurred, event.lessonId],
    );
    await recomputeEnrolment(m, enrolment.id);
    touched.add(enrolment.id);
    return { id: event.id, status: 'recorded', ...(quiz ? { quiz } : {}) };
  }

  // ---- views ----

  private async lessonStates(m: EntityManager, userId: string, courseId: string, sequential: boolean): Promise<LessonProgress[]> {
    const rows: { lesson_id: string; kind: string; required: boolean; status: LessonProgress['status'] | null; time_spent_seconds: number | null; best_score: number | null; passed: boolean | null; attempts: number | null; position: number | null }[] =
      await m.query(
        `SELECT pl.lesson_id, pl.kind, pl.required, lp.status, lp.time_spent_seconds, lp.best_score, lp.passed, lp.attempts, lp.position
           FROM published_lessons pl LEFT JOIN lesson_progress lp ON lp.lesson_id = pl.lesson_id AND lp.user_id = $1
          WHERE pl.course_id = $2 ORDER BY pl.position`,
        [userId, courseId],
      );
    let blocked = false;
    return rows.map((r) => {
      const status = r.status ?? 'not_started';
      const done = status === 'completed' || (status === 'skipped' && r.kind !== 'quiz');
      const locked = sequential && blocked;
      if (r.required && !done) blocked = true;
      return {
        lessonId: r.lesson_id,
        status,
        locked,
        timeSpentSeconds: r.time_spent_seconds ?? 0,
        bestScore: r.best_score,
        passed: r.passed,
        attempts: r.attempts ?? 0,
        position: r.position,
      };
    });
  }

  private async enrolmentById(m: EntityManager, id: string, userId: string): Promise<Enrolment> {
    const [row]: EnrolmentRow[] = await m.query(`${ENROLMENT_SELECT} WHERE e.id = $1 AND e.user_id = $2`, [id, userId]);
    if (!row) throw AppException.notFound('enrolment');
    return this.toEnrolment(m, row, userId);
  }

  private async toEnrolment(m: EntityManager, r: EnrolmentRow, userId: string): Promise<Enrolment> {
    return enrolmentFrom(r, await this.nextLesson(m, userId, r.course_id, r.last_lesson_id));
  }

  /** Where "Continue" goes: the lesson last worked on if unfinished (with its position), else the first one not done. */
  private async nextLesson(m: EntityManager, userId: string, courseId: string, lastLessonId: string | null): Promise<Enrolment['next']> {
    const [row]: { lesson_id: string; position: number | null }[] = await m.query(
      `SELECT pl.lesson_id, lp.position
         FROM published_lessons pl LEFT JOIN lesson_progress lp ON lp.lesson_id = pl.lesson_id AND lp.user_id = $1
        WHERE pl.course_id = $2 AND coalesce(lp.status, 'not_started') NOT IN ('completed', 'skipped')
        ORDER BY (pl.lesson_id = $3) DESC, pl.position
        LIMIT 1`,
      [userId, courseId, lastLessonId],
    );
    return row ? { lessonId: row.lesson_id, position: row.position } : null;
  }
}

function enrolmentFrom(r: EnrolmentRow, next: Enrolment['next']): Enrolment {
  return {
    id: r.id,
    courseId: r.course_id,
    slug: r.slug,
    title: r.title,
    status: r.status,
    percent: r.percent,
    enrolledAt: r.enrolled_at.toISOString(),
    completedAt: r.completed_at?.toISOString() ?? null,
    lastActivityAt: r.last_activity_at?.toISOString() ?? null,
    next,
    certificateCode: r.certificate_code ? formatCode(r.certificate_code) : null,
  };
}

/** Thrown inside an event's transaction to roll its insert back and report the rejection. */
export class RejectedEvent extends Error {
  constructor(readonly result: EventResult) {
    super(result.message);
  }
}

function payloadOf(event: LearningEvent): Record<string, unknown> {
  switch (event.type) {
    case 'position':
      return { position: event.position };
    case 'time_spent':
      return { seconds: event.seconds };
    case 'quiz_submitted':
      return { answers: event.answers };
    case 'reflection_saved':
      // The journal text itself lives in journal_entries; the log keeps only that it was saved.
      return { shared: event.shared, length: event.text.length };
    default:
      return {};
  }
}

function sameCode(given: string | undefined, expected: string | null): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given.trim().toUpperCase());
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
