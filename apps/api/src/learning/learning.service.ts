import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { timingSafeEqual } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { CourseProgress, Enrolment, EventBatchResult, LearningEvent, LessonProgress } from '@dari/contracts';
import { AppException } from '../common/errors/app-exception.js';
import { transactionWithRetry } from '../database/retry.js';
import type { AuthContext } from '../common/http/request.js';
import { formatCode, recomputeEnrolment } from '../access/completion.js';
import { gradeQuiz } from './quiz-grading.js';
import { SnapshotCacheService } from './snapshot-cache.service.js';
import * as q from './learning.queries.js';
import type { EnrolmentRow, LessonStateRow, ProgressEventType } from './learning.queries.js';

/** A lesson's status for one learner before and after an event (null: no row). */
interface StatusChange {
  before: string | null;
  after: string | null;
}

type EventResult = EventBatchResult['results'][number];

/** Each lesson's status and lock: on a sequential course, a lesson waits for every required one before it. */
function lessonStatesFrom(rows: LessonStateRow[], sequential: boolean): LessonProgress[] {
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
    return transactionWithRetry(this.db, async (m) => {
      const course = await q.enrolTarget(m, slug, auth.userId);
      if (!course) throw AppException.notFound('course');
      if (course.enrolment_policy === 'code' && !course.in_cohort && !sameCode(code, course.course_code)) {
        throw new AppException(
          400,
          'wrong_course_code',
          'This course code is not right. Check it with your instructor.',
          [{ path: 'body.code', message: 'is not the code of this course' }],
        );
      }
      const source = course.in_cohort ? 'cohort' : course.enrolment_policy === 'code' ? 'code' : 'self';
      const id = await q.upsertEnrolment(m, auth.userId, course.id, source);
      await recomputeEnrolment(m, id);
      return this.enrolmentById(m, id, auth.userId);
    });
  }

  async withdraw(enrolmentId: string, auth: AuthContext): Promise<Enrolment> {
    return transactionWithRetry(this.db, async (m) => {
      if (!(await q.withdraw(m, enrolmentId, auth.userId)) && !(await q.ownsEnrolment(m, enrolmentId, auth.userId)))
        throw AppException.notFound('enrolment');
      return this.enrolmentById(m, enrolmentId, auth.userId);
    });
  }

  async myLearning(auth: AuthContext): Promise<{ items: Enrolment[] }> {
    const rows = await q.myEnrolments(this.db, auth.userId);
    return { items: rows.map(enrolmentFrom) };
  }

  /**
   * The outline's state for one learner: each lesson's status and lock, and the enrolment — one
   * query (the course page is the learner's busiest read; each round trip costs more than the SQL).
   */
  async courseProgress(slug: string, auth: AuthContext): Promise<CourseProgress> {
    const row = await q.coursePage(this.db, slug, auth.userId);
    if (!row) throw AppException.notFound('course');
    return {
      enrolment: row.id ? enrolmentFrom(row as EnrolmentRow) : null,
      version: row.latest_version,
      lessons: lessonStatesFrom(row.lessons ?? [], row.sequential),
    };
  }

  // ---- events ----

  async recordEvents(events: LearningEvent[], auth: AuthContext): Promise<EventBatchResult> {
    const results: EventResult[] = [];
    const touched = new Set<string>();
    for (const event of events) {
      try {
        // A deadlock with a manager's change to the same learner (rare) rolls the event back: run it again.
        results.push(await transactionWithRetry(this.db, (m) => this.recordOne(m, event, auth, touched)));
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

  /**
   * One event in its own transaction. The common events (viewed, completed, skipped, position,
   * time spent) take four statements: the lesson with a lock on the learner's enrolment, then one
   * statement that stores the event and, only if it is new, moves the enrolment's activity and
   * upserts the lesson's progress (answering the lesson's status before and after), then the funnel
   * counter and the enrolment's percent only when the status changed. Each statement is a round
   * trip to PostgreSQL, and those round trips are most of an event's cost (docs/performance.md).
   */
  private async recordOne(
    m: EntityManager,
    event: LearningEvent,
    auth: AuthContext,
    touched: Set<string>,
  ): Promise<EventResult> {
    const reject = (reason: NonNullable<EventResult['reason']>, message: string): EventResult => ({
      id: event.id,
      status: 'rejected',
      reason,
      message,
    });
    // The lock on the enrolment serialises this learner's events for the course.
    const lesson = await q.eventLesson(m, event.lessonId, auth.userId);
    if (!lesson)
      return reject('lesson_not_found', 'This lesson is not in any course you can take (it may have been removed).');
    const enrolmentId = lesson.enrolment_id;
    if (!enrolmentId) return reject('not_enrolled', 'Enrol in the course first.');
    // Refusals come before any write, so a refused event leaves nothing behind.
    if (event.type === 'completed' && lesson.kind === 'quiz')
      return reject('wrong_kind', 'A quiz is completed by passing it.');
    if (event.type === 'skipped' && !lesson.has_content_note)
      return reject('no_content_note', 'Only lessons with a content note can be skipped.');
    if (event.type === 'quiz_submitted' && lesson.kind !== 'quiz')
      return reject('wrong_kind', 'This lesson is not a quiz.');
    if (event.type === 'reflection_saved' && lesson.kind !== 'reflection')
      return reject('wrong_kind', 'This lesson is not a reflection.');
    if (lesson.sequential && event.type !== 'position' && event.type !== 'time_spent') {
      const states = await this.lessonStates(m, auth.userId, lesson.course_id, true);
      if (states.find((s) => s.lessonId === event.lessonId)?.locked)
        return reject('locked', 'Finish the lesson before this one first.');
    }

    const occurred = new Date(Math.min(Date.parse(event.occurredAt), Date.now()));
    // $1–$9: the event, and the enrolment whose activity moves only when the event is new.
    const eventParams: q.EventParams = [
      event.id,
      auth.userId,
      lesson.course_id,
      event.lessonId,
      lesson.version,
      event.type,
      payloadOf(event),
      occurred,
      enrolmentId,
    ];
    let change: StatusChange;
    let quiz: EventResult['quiz'];
    if (event.type === 'quiz_submitted' || event.type === 'reflection_saved') {
      const inserted = await q.storeEvent(m, eventParams);
      if (!inserted) return { id: event.id, status: 'duplicate' };
      const outcome =
        event.type === 'quiz_submitted'
          ? await this.recordQuiz(m, event, lesson, auth, occurred)
          : await this.recordReflection(m, event, lesson, auth, occurred);
      if ('rejected' in outcome) throw new RejectedEvent(reject(outcome.rejected.reason, outcome.rejected.message));
      change = outcome.change;
      quiz = outcome.quiz;
    } else {
      // The statement (its SET clause) is chosen from a fixed list by the event's type; the values are parameters.
      const type: ProgressEventType = event.type;
      const stored = await q.storeProgressEvent(m, type, [
        ...eventParams,
        type === 'completed' ? 'completed' : type === 'skipped' ? 'skipped' : 'in_progress',
        event.type === 'position' ? event.position : null,
        event.type === 'time_spent' ? event.seconds : 0,
      ]);
      if (!stored.inserted) return { id: event.id, status: 'duplicate' };
      change = { before: stored.before, after: stored.after };
    }
    // lesson_stats and question_stats follow lesson_progress and quiz_attempts by triggers (docs/database.md, "Counters").
    // Percent and completion change only when the lesson's standing under the completion rule
    // changes (a publish recomputes the course's enrolments itself; enrolling recomputes its own).
    // Not the funnel's "became done": a skipped quiz is finished for the funnel but not passed, and
    // passing it later must count (found by the learner model).
    if (countsAsDone(change.before, lesson.kind) !== countsAsDone(change.after, lesson.kind))
      await recomputeEnrolment(m, enrolmentId);
    touched.add(enrolmentId);
    return { id: event.id, status: 'recorded', ...(quiz ? { quiz } : {}) };
  }

  private async recordQuiz(
    m: EntityManager,
    event: Extract<LearningEvent, { type: 'quiz_submitted' }>,
    lesson: { course_id: string; version: number },
    auth: AuthContext,
    occurred: Date,
  ): Promise<
    | { change: StatusChange; quiz: EventResult['quiz'] }
    | { rejected: { reason: NonNullable<EventResult['reason']>; message: string } }
  > {
    const snapshot = await this.snapshots.get(lesson.course_id, lesson.version, m);
    const content = snapshot?.lessons.get(event.lessonId)?.content;
    if (!content || content.kind !== 'quiz')
      return { rejected: { reason: 'lesson_not_found', message: 'This quiz is not in the course any more.' } };
    const graded = gradeQuiz(content, event.answers);
    if ('invalid' in graded) return { rejected: { reason: 'invalid_answers', message: graded.invalid } };
    await q.insertQuizAttempt(
      m,
      auth.userId,
      lesson.course_id,
      event.lessonId,
      event.id,
      event.answers,
      graded.correct,
      graded.score,
      graded.passed,
      occurred,
    );
    const change = await q.quizProgress(
      m,
      auth.userId,
      event.lessonId,
      lesson.course_id,
      graded.score,
      graded.passed,
      occurred,
    );
    return { change, quiz: graded };
  }

  private async recordReflection(
    m: EntityManager,
    event: Extract<LearningEvent, { type: 'reflection_saved' }>,
    lesson: { course_id: string },
    auth: AuthContext,
    occurred: Date,
  ): Promise<{ change: StatusChange; quiz?: undefined }> {
    await q.saveJournal(m, auth.userId, event.lessonId, lesson.course_id, event.text, event.shared, occurred);
    // A reflection saved empty leaves the lesson as it was; one with words completes it.
    const change = event.text.trim()
      ? await q.reflectionProgress(m, auth.userId, event.lessonId, lesson.course_id, occurred)
      : await q.lessonStatus(m, auth.userId, event.lessonId);
    return { change: change ?? { before: null, after: null } };
  }

  // ---- views ----

  private async lessonStates(
    m: EntityManager,
    userId: string,
    courseId: string,
    sequential: boolean,
  ): Promise<LessonProgress[]> {
    return lessonStatesFrom(await q.lessonStates(m, courseId, userId), sequential);
  }

  private async enrolmentById(m: EntityManager, id: string, userId: string): Promise<Enrolment> {
    const row = await q.enrolmentById(m, id, userId);
    if (!row) throw AppException.notFound('enrolment');
    return enrolmentFrom(row);
  }
}

function enrolmentFrom(r: EnrolmentRow): Enrolment {
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
    next: r.next_lesson_id ? { lessonId: r.next_lesson_id, position: r.next_position } : null,
    certificateCode: r.certificate_code ? formatCode(r.certificate_code) : null,
  };
}

/** Thrown inside an event's transaction to roll its insert back and report the rejection. */
export class RejectedEvent extends Error {
  constructor(readonly result: EventResult) {
    super(result.message);
  }
}

/** The completion rule for one lesson's status: completed, or skipped unless it is a quiz (completion.ts says the same in SQL). */
function countsAsDone(status: string | null, kind: string): boolean {
  return status === 'completed' || (status === 'skipped' && kind !== 'quiz');
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
