import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { timingSafeEqual } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  CourseProgress,
  DraftText,
  Enrolment,
  EventBatchResult,
  LearningEvent,
  LessonProgress,
} from '@dari/contracts';
import { AppException } from '../common/errors/app-exception.js';
import { prepared } from '../database/prepared.js';
import { transactionWithRetry } from '../database/retry.js';
import type { AuthContext } from '../common/http/request.js';
import { formatCode, recomputeEnrolment } from './completion.js';
import { gradeQuiz } from './quiz-grading.js';
import { SnapshotCacheService } from './snapshot-cache.service.js';
import { viaCohort, visibleToLearner } from './visibility.js';

/** A lesson's status for one learner before and after an event (null: no row). */
interface StatusChange {
  before: string | null;
  after: string | null;
}

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
  certificate_code: string | null;
}

type EventResult = EventBatchResult['results'][number];
type EnrolmentWithNext = EnrolmentRow & { next_lesson_id: string | null; next_position: number | null };

/*
 * The learner's enrolment reads. Each statement is written whole (no fragments): the course page bug
 * of issue 13 hid in a fragment whose inner `courses c` shadowed the outer one. Every enrolment read
 * answers the same columns, including where "Continue" goes (`next_*`): the lesson last worked on if
 * unfinished, else the first one not done. test/learning.spec.ts keeps a learner in several courses.
 */

/** Everything the learner `$1` is enrolled in (not withdrawn), most recently active first. */
const MY_ENROLMENTS = `
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
   ORDER BY e.last_activity_at DESC NULLS LAST, e.enrolled_at DESC`;

/** One enrolment `$1` of the learner `$2` (any status). */
const ENROLMENT_BY_ID = `
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
   WHERE e.id = $1 AND e.user_id = $2`;

/**
 * The course page for the learner `$2`: the published course `$1` if the learner may see it (open or
 * coded, or assigned to a cohort they learn in), their enrolment in THAT course if any (not
 * withdrawn; at most one: enrolments are unique per learner and course), and every lesson's state
 * as one JSON array.
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

interface LessonStateRow {
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

/** The lessons of course `$1` in order with the learner `$2`'s progress, as one JSON array (`lessons`). */
const LESSON_STATES = `
  SELECT json_agg(json_build_object(
           'lesson_id', pl.lesson_id, 'kind', pl.kind, 'required', pl.required, 'status', lp.status,
           'time_spent_seconds', lp.time_spent_seconds, 'best_score', lp.best_score, 'passed', lp.passed,
           'attempts', lp.attempts, 'position', lp.position) ORDER BY pl.position) AS lessons
    FROM published_lessons pl
    LEFT JOIN lesson_progress lp ON lp.lesson_id = pl.lesson_id AND lp.user_id = $2
   WHERE pl.course_id = $1`;

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
      const rows: { id: string; enrolment_policy: string; course_code: string | null; in_cohort: boolean }[] =
        await m.query(
          `SELECT crs.id, crs.enrolment_policy, crs.course_code, ${viaCohort('crs', '$2')} AS in_cohort
           FROM courses crs
          WHERE crs.slug = $1 AND crs.status = 'published' AND crs.latest_version IS NOT NULL AND ${visibleToLearner('crs', '$2')}`,
          [slug, auth.userId],
        );
      const course = rows[0];
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
    return transactionWithRetry(this.db, async (m) => {
      const updated: unknown[] = await m.query(
        `WITH w AS (UPDATE enrolments SET status = 'withdrawn', withdrawn_at = now() WHERE id = $1 AND user_id = $2 AND status = 'active' RETURNING id) SELECT id FROM w`,
        [enrolmentId, auth.userId],
      );
      if (!updated.length) {
        const own: unknown[] = await m.query(`SELECT 1 FROM enrolments WHERE id = $1 AND user_id = $2`, [
          enrolmentId,
          auth.userId,
        ]);
        if (!own.length) throw AppException.notFound('enrolment');
      }
      return this.enrolmentById(m, enrolmentId, auth.userId);
    });
  }

  async myLearning(auth: AuthContext): Promise<{ items: Enrolment[] }> {
    const rows: EnrolmentWithNext[] = await this.db.query(MY_ENROLMENTS, [auth.userId]);
    return { items: rows.map(enrolmentFrom) };
  }

  /**
   * The outline's state for one learner: each lesson's status and lock, and the enrolment — one
   * query (the course page is the learner's busiest read; each round trip costs more than the SQL).
   */
  async courseProgress(slug: string, auth: AuthContext): Promise<CourseProgress> {
    const [row] = await prepared<
      Omit<EnrolmentWithNext, 'id'> & {
        id: string | null;
        the_course_id: string;
        latest_version: number;
        sequential: boolean;
        lessons: LessonStateRow[] | null;
      }
    >(this.db, 'course_page', COURSE_PAGE, [slug, auth.userId]);
    if (!row) throw AppException.notFound('course');
    return {
      enrolment: row.id ? enrolmentFrom(row as EnrolmentWithNext) : null,
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
    const [lesson] = await prepared<{
      course_id: string;
      version: number;
      kind: string;
      has_content_note: boolean;
      sequential: boolean;
      enrolment_id: string | null;
    }>(
      m,
      'event_lesson',
      `SELECT pl.course_id, pl.version, pl.kind, pl.has_content_note, c.sequential,
              (SELECT e.id FROM enrolments e WHERE e.user_id = $2 AND e.course_id = pl.course_id AND e.status <> 'withdrawn' FOR UPDATE) AS enrolment_id
         FROM published_lessons pl JOIN courses c ON c.id = pl.course_id
        WHERE pl.lesson_id = $1 AND c.status = 'published'`,
      [event.lessonId, auth.userId],
    );
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
    // $1–$8: the event; the enrolment's activity moves only when the event is new.
    const eventParams = [
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
    const storeEvent = `
      ins AS (
        INSERT INTO learning_events (id, user_id, course_id, lesson_id, course_version, type, payload, occurred_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id),
      act AS (
        UPDATE enrolments
           SET last_activity_at = greatest(coalesce(last_activity_at, $8), $8),
               -- "Continue" follows the latest moment of learning, not the latest arrival: a phone
               -- back online with yesterday's work does not move the learner back (issue 13's model).
               last_lesson_id = CASE WHEN $8 >= coalesce(last_activity_at, '-infinity') THEN $4 ELSE last_lesson_id END
         WHERE id = $9 AND EXISTS (SELECT 1 FROM ins) RETURNING id)`;
    let change: StatusChange;
    let quiz: EventResult['quiz'];
    if (event.type === 'quiz_submitted' || event.type === 'reflection_saved') {
      const [stored] = await prepared<{ inserted: boolean }>(
        m,
        'event_store',
        `WITH ${storeEvent} SELECT EXISTS (SELECT 1 FROM ins) AS inserted, (SELECT count(*) FROM act) AS moved`,
        eventParams,
      );
      if (!stored.inserted) return { id: event.id, status: 'duplicate' };
      const outcome =
        event.type === 'quiz_submitted'
          ? await this.recordQuiz(m, event, lesson, auth, occurred)
          : await this.recordReflection(m, event, lesson, auth, occurred);
      if ('rejected' in outcome) throw new RejectedEvent(reject(outcome.rejected.reason, outcome.rejected.message));
      change = outcome.change;
      quiz = outcome.quiz;
    } else {
      // The SET clause comes from this fixed list; the values are parameters.
      const progress = {
        viewed: { set: `status = lesson_progress.status`, status: 'in_progress' },
        completed: {
          set: `status = 'completed', completed_at = coalesce(lesson_progress.completed_at, $8)`,
          status: 'completed',
        },
        skipped: {
          set: `status = CASE WHEN lesson_progress.status = 'completed' THEN 'completed' ELSE 'skipped' END`,
          status: 'skipped',
        },
        position: { set: `position = $11`, status: 'in_progress' },
        time_spent: { set: `time_spent_seconds = lesson_progress.time_spent_seconds + $12`, status: 'in_progress' },
      }[event.type];
      const [stored] = await prepared<StatusChange & { inserted: boolean }>(
        m,
        `event_store_${event.type}`,
        `WITH ${storeEvent},
           old AS (SELECT status FROM lesson_progress WHERE user_id = $2 AND lesson_id = $4),
           up AS (
             INSERT INTO lesson_progress (user_id, lesson_id, course_id, status, position, time_spent_seconds, completed_at, updated_at)
             SELECT $2, $4, $3, $10, $11, $12, CASE WHEN $10 = 'completed' THEN $8::timestamptz END, now() WHERE EXISTS (SELECT 1 FROM ins)
             ON CONFLICT (user_id, lesson_id) DO UPDATE SET ${progress.set}, updated_at = now()
             RETURNING lesson_progress.status)
         SELECT EXISTS (SELECT 1 FROM ins) AS inserted, (SELECT count(*) FROM act) AS moved, (SELECT status FROM old) AS before, (SELECT status FROM up) AS after`,
        [
          ...eventParams,
          progress.status,
          event.type === 'position' ? event.position : null,
          event.type === 'time_spent' ? event.seconds : 0,
        ],
      );
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
    await m.query(
      `INSERT INTO quiz_attempts (user_id, course_id, lesson_id, event_id, answers, correct, score, passed, submitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        auth.userId,
        lesson.course_id,
        event.lessonId,
        event.id,
        event.answers,
        graded.correct,
        graded.score,
        graded.passed,
        occurred,
      ],
    );
    const [change]: StatusChange[] = await m.query(
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
      [auth.userId, event.lessonId, lesson.course_id, graded.score, graded.passed, occurred],
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
    await m.query(
      `INSERT INTO journal_entries (user_id, lesson_id, course_id, text, shared, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_id, lesson_id) DO UPDATE SET text = $4, shared = $5, updated_at = $6 WHERE journal_entries.updated_at <= $6`,
      [auth.userId, event.lessonId, lesson.course_id, event.text, event.shared, occurred],
    );
    // A reflection saved empty leaves the lesson as it was; one with words completes it.
    const [change]: StatusChange[] = event.text.trim()
      ? await m.query(
          `WITH old AS (SELECT status FROM lesson_progress WHERE user_id = $1 AND lesson_id = $2)
           INSERT INTO lesson_progress (user_id, lesson_id, course_id, status, completed_at, updated_at) VALUES ($1, $2, $3, 'completed', $4, now())
           ON CONFLICT (user_id, lesson_id) DO UPDATE SET status = 'completed', completed_at = coalesce(lesson_progress.completed_at, $4), updated_at = now()
           RETURNING (SELECT status FROM old) AS before, lesson_progress.status AS after`,
          [auth.userId, event.lessonId, lesson.course_id, occurred],
        )
      : await m.query(
          `SELECT status AS before, status AS after FROM lesson_progress WHERE user_id = $1 AND lesson_id = $2`,
          [auth.userId, event.lessonId],
        );
    return { change: change ?? { before: null, after: null } };
  }

  // ---- views ----

  private async lessonStates(
    m: EntityManager,
    userId: string,
    courseId: string,
    sequential: boolean,
  ): Promise<LessonProgress[]> {
    const [{ lessons }]: { lessons: LessonStateRow[] | null }[] = await m.query(LESSON_STATES, [courseId, userId]);
    return lessonStatesFrom(lessons ?? [], sequential);
  }

  private async enrolmentById(m: EntityManager, id: string, userId: string): Promise<Enrolment> {
    const [row] = await prepared<EnrolmentWithNext>(m, 'enrolment_by_id', ENROLMENT_BY_ID, [id, userId]);
    if (!row) throw AppException.notFound('enrolment');
    return enrolmentFrom(row);
  }
}

function enrolmentFrom(r: EnrolmentWithNext): Enrolment {
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
