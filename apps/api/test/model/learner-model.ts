/**
 * The reference model of a learner's world: what should be true, written as plainly as
 * possible, with no SQL and no shortcuts taken from the implementation. docs/learner-model.md says
 * how it works and how to add a command.
 */

export type Policy = 'open' | 'code' | 'cohort';
export type Kind = 'reading' | 'quiz' | 'reflection';
export type LessonStatus = 'in_progress' | 'completed' | 'skipped';
export type EnrolmentStatus = 'active' | 'completed' | 'withdrawn';
export type Due = 'none' | 'past' | 'future';

export interface MLesson {
  id: string;
  title: string;
  kind: Kind;
  required: boolean;
  contentNote: boolean;
}

export interface MCourse {
  key: string; // 'A', 'B', 'C': what counterexamples print
  id: string;
  slug: string;
  policy: Policy;
  code: string | null;
  sequential: boolean;
  owner: number; // instructor index
  version: number;
  lessons: MLesson[]; // the latest published version, in order
}

export interface MLessonState {
  status: LessonStatus;
  timeSpent: number;
  position: number | null;
  attempts: number;
  bestScore: number | null;
  passed: boolean | null;
}

export interface MEnrolment {
  id: string;
  status: EnrolmentStatus;
  percent: number;
  /** Logical time of the enrolment's creation (ties: same write). */
  enrolledSeq: number;
  /** The latest moment (occurredAt, ms) of any recorded event in the course, and its lesson. */
  lastActivity: number | null;
  lastLessonId: string | null;
}

export interface MLearner {
  name: string; // L1, L2…: what counterexamples print
  id: string;
  username: string;
  displayName: string;
  cookies: string[]; // one per device
  erased: boolean;
  enrolments: Map<string, MEnrolment>; // by course key
  progress: Map<string, MLessonState>; // by lesson id (kept across republishes)
  certificates: Set<string>; // course keys
  recorded: Set<string>; // event ids the server has stored
  sent: SentEvent[]; // everything sent, for replays
  words: Set<string>; // glossary term ids
}

export interface SentEvent {
  id: string;
  lessonId: string;
  type: 'viewed' | 'completed' | 'skipped' | 'position' | 'time_spent' | 'quiz_submitted' | 'reflection_saved';
  occurredAt: number;
  position?: number;
  seconds?: number;
  score?: 0 | 50 | 100;
}

export interface MCohort {
  key: string; // K1, K2
  id: string;
  name: string;
  joinCode: string;
  learners: Set<number>; // learner indexes
  courses: Map<string, Due>; // course key -> due
}

export interface Model {
  courses: MCourse[];
  cohorts: MCohort[];
  learners: MLearner[];
  seq: number;
}

export type Rejection = 'not_enrolled' | 'lesson_not_found' | 'locked' | 'no_content_note' | 'wrong_kind';

// ---- rules ----

/** A lesson counts as done: completed, or skipped (content note) unless it is a quiz. */
export const isDone = (lesson: MLesson, s: MLessonState | undefined) =>
  s?.status === 'completed' || (s?.status === 'skipped' && lesson.kind !== 'quiz');

/** The lessons that count towards completion: the required ones, or all when none is required. */
export const counted = (c: MCourse) =>
  c.lessons.some((l) => l.required) ? c.lessons.filter((l) => l.required) : c.lessons;

export function percentOf(c: MCourse, learner: MLearner): { percent: number; complete: boolean } {
  const lessons = counted(c);
  const done = lessons.filter((l) => isDone(l, learner.progress.get(l.id))).length;
  return {
    percent: lessons.length ? Math.floor((100 * done) / lessons.length) : 0,
    complete: lessons.length > 0 && done === lessons.length,
  };
}

/** Whether the learner may see (and so join) the course: open or coded, via a cohort, or already in it. */
export function visible(model: Model, learnerIndex: number, c: MCourse): boolean {
  if (c.policy !== 'cohort') return true;
  const e = model.learners[learnerIndex].enrolments.get(c.key);
  if (e && e.status !== 'withdrawn') return true;
  return model.cohorts.some((k) => k.learners.has(learnerIndex) && k.courses.has(c.key));
}

export const inCohortWith = (model: Model, learnerIndex: number, c: MCourse) =>
  model.cohorts.some((k) => k.learners.has(learnerIndex) && k.courses.has(c.key));

/** Each lesson's lock: on a sequential course a lesson waits for every required lesson before it. */
export function locks(c: MCourse, learner: MLearner): boolean[] {
  let blocked = false;
  return c.lessons.map((l) => {
    const locked = c.sequential && blocked;
    if (l.required && !isDone(l, learner.progress.get(l.id))) blocked = true;
    return locked;
  });
}

/** Where "Continue" goes: the lesson last worked on if unfinished, else the first one not finished. */
export function nextLesson(
  c: MCourse,
  learner: MLearner,
  e: MEnrolment,
): { lessonId: string; position: number | null } | null {
  const open = (l: MLesson) => {
    const s = learner.progress.get(l.id);
    return s?.status !== 'completed' && s?.status !== 'skipped';
  };
  const last = c.lessons.find((l) => l.id === e.lastLessonId && open(l));
  const next = last ?? c.lessons.find(open);
  return next ? { lessonId: next.id, position: learner.progress.get(next.id)?.position ?? null } : null;
}

/** After anything that can change what is done: an active enrolment's percent, and completion. */
export function recompute(model: Model, learner: MLearner, c: MCourse): void {
  const e = learner.enrolments.get(c.key);
  if (!e || e.status !== 'active') return;
  const { percent, complete } = percentOf(c, learner);
  e.percent = percent;
  if (complete) {
    e.status = 'completed';
    learner.certificates.add(c.key);
  }
}

/** What the server must answer for one event, and the change it makes when recorded. */
export function applyEvent(
  model: Model,
  learnerIndex: number,
  ev: SentEvent,
): { status: 'recorded' | 'duplicate' } | { status: 'rejected'; reason: Rejection } {
  const learner = model.learners[learnerIndex];
  const course = model.courses.find((c) => c.lessons.some((l) => l.id === ev.lessonId));
  if (!course) return { status: 'rejected', reason: 'lesson_not_found' };
  const index = course.lessons.findIndex((l) => l.id === ev.lessonId);
  const lesson = course.lessons[index];
  const e = learner.enrolments.get(course.key);
  if (!e || e.status === 'withdrawn') return { status: 'rejected', reason: 'not_enrolled' };
  if (ev.type === 'completed' && lesson.kind === 'quiz') return { status: 'rejected', reason: 'wrong_kind' };
  if (ev.type === 'skipped' && !lesson.contentNote) return { status: 'rejected', reason: 'no_content_note' };
  if (ev.type === 'quiz_submitted' && lesson.kind !== 'quiz') return { status: 'rejected', reason: 'wrong_kind' };
  if (ev.type === 'reflection_saved' && lesson.kind !== 'reflection')
    return { status: 'rejected', reason: 'wrong_kind' };
  if (ev.type !== 'position' && ev.type !== 'time_spent' && locks(course, learner)[index])
    return { status: 'rejected', reason: 'locked' };
  if (learner.recorded.has(ev.id)) return { status: 'duplicate' };
  learner.recorded.add(ev.id);

  const s: MLessonState = learner.progress.get(lesson.id) ?? {
    status: 'in_progress',
    timeSpent: 0,
    position: null,
    attempts: 0,
    bestScore: null,
    passed: null,
  };
  switch (ev.type) {
    case 'completed':
    case 'reflection_saved':
      s.status = 'completed';
      break;
    case 'skipped':
      if (s.status !== 'completed') s.status = 'skipped';
      break;
    case 'position':
      s.position = ev.position!;
      break;
    case 'time_spent':
      s.timeSpent += ev.seconds!;
      break;
    case 'quiz_submitted': {
      const pass = ev.score! >= 50;
      s.attempts += 1;
      s.bestScore = Math.max(s.bestScore ?? 0, ev.score!);
      s.passed = (s.passed ?? false) || pass;
      if (pass) s.status = 'completed';
      break;
    }
    case 'viewed':
      break;
  }
  learner.progress.set(lesson.id, s);
  // "Continue" follows the most recent moment of learning, whatever order the events arrive in.
  if (e.lastActivity === null || ev.occurredAt >= e.lastActivity) {
    e.lastActivity = ev.occurredAt;
    e.lastLessonId = lesson.id;
  }
  recompute(model, learner, course);
  return { status: 'recorded' };
}

/** Enrols (or re-enrols) a learner; `source` cohort enrolments leave an existing one as it is. */
export function enrol(model: Model, learnerIndex: number, c: MCourse, id: string, fromCohort: boolean): void {
  const learner = model.learners[learnerIndex];
  const e = learner.enrolments.get(c.key);
  if (e) {
    if (fromCohort) return;
    if (e.status === 'withdrawn') e.status = 'active';
  } else {
    learner.enrolments.set(c.key, {
      id,
      status: 'active',
      percent: 0,
      enrolledSeq: model.seq,
      lastActivity: null,
      lastLessonId: null,
    });
  }
  recompute(model, learner, c);
}

// ---- the reads a person sees, as the model says they must be ----

export function expectedEnrolment(model: Model, learner: MLearner, c: MCourse) {
  const e = learner.enrolments.get(c.key);
  if (!e) return null;
  return {
    id: e.id,
    courseId: c.id,
    slug: c.slug,
    status: e.status,
    percent: e.percent,
    next: nextLesson(c, learner, e),
    hasCertificate: learner.certificates.has(c.key),
  };
}

export function expectedCoursePage(model: Model, learnerIndex: number, c: MCourse) {
  const learner = model.learners[learnerIndex];
  if (!visible(model, learnerIndex, c)) return 'not_found' as const;
  const e = learner.enrolments.get(c.key);
  const lockState = locks(c, learner);
  return {
    version: c.version,
    enrolment: e && e.status !== 'withdrawn' ? expectedEnrolment(model, learner, c) : null,
    lessons: c.lessons.map((l, i) => {
      const s = learner.progress.get(l.id);
      return {
        lessonId: l.id,
        status: s?.status ?? 'not_started',
        locked: lockState[i],
        timeSpentSeconds: s?.timeSpent ?? 0,
        bestScore: s?.bestScore ?? null,
        passed: s?.passed ?? null,
        attempts: s?.attempts ?? 0,
        position: s?.position ?? null,
      };
    }),
  };
}

export function expectedMyLearning(model: Model, learner: MLearner) {
  return model.courses
    .filter((c) => {
      const e = learner.enrolments.get(c.key);
      return e && e.status !== 'withdrawn';
    })
    .map((c) => expectedEnrolment(model, learner, c)!);
}

export function expectedGridCell(model: Model, k: MCohort, learnerIndex: number, c: MCourse) {
  const e = model.learners[learnerIndex].enrolments.get(c.key);
  if (!e) return { courseId: c.id, status: 'not_enrolled', percent: 0, overdue: false };
  return {
    courseId: c.id,
    status: e.status,
    percent: e.percent,
    overdue: k.courses.get(c.key) === 'past' && e.status === 'active',
  };
}

export function expectedCourseReport(model: Model, c: MCourse) {
  const all = model.learners;
  const enrolments = all.filter((l) => (l.enrolments.get(c.key)?.status ?? 'withdrawn') !== 'withdrawn').length;
  const completions = all.filter((l) => l.enrolments.get(c.key)?.status === 'completed').length;
  return {
    enrolments,
    completions,
    lessons: c.lessons.map((l) => ({
      lessonId: l.id,
      started: all.filter((x) => x.progress.has(l.id)).length,
      // The funnel counts a lesson finished when it is completed or skipped (a skipped quiz too).
      completed: all.filter((x) => ['completed', 'skipped'].includes(x.progress.get(l.id)?.status ?? '')).length,
    })),
  };
}
