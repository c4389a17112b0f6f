import type {
  CourseOutline,
  CourseProgress,
  Enrolment,
  EventBatchResult,
  LearningEvent,
  LearnerLesson,
  LessonHtml,
  LessonProgress,
  PublishedCourse,
  PublishedLesson,
  QuizReview,
  RenderedLessonContent,
} from '@dari/contracts';
import { markdownToHtml } from '@dari/contracts/markdown';
import { outlineModules } from '@dari/contracts';
// The whole IndexedDB API (the queue's idb wrapper needs its classes), on a fresh database per test.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { configure } from '@testing-library/react';
import type { MockRequest, MockResponse } from '../../test/mock-api';
import { EventQueue } from './queue/event-queue';
import { deviceStore } from './queue/event-store';
import { replaceLearningQueue, sendEvents } from './queue/learning-queue';

// The player loads its parts on demand (Markdown, quiz): on a busy machine that takes more than a second.
configure({ asyncUtilTimeout: 5000 });

export const COURSE = '5c0f3b1e-1a2b-4c3d-8e4f-000000000001';
export const ENROLMENT = '5c0f3b1e-1a2b-4c3d-8e4f-0000000000e1';
export const L = {
  reading: '5c0f3b1e-1a2b-4c3d-8e4f-000000000101',
  sensitive: '5c0f3b1e-1a2b-4c3d-8e4f-000000000102',
  quiz: '5c0f3b1e-1a2b-4c3d-8e4f-000000000103',
  reflection: '5c0f3b1e-1a2b-4c3d-8e4f-000000000104',
} as const;
export const SLUG = 'rights-at-work';

/** A fresh device for each test: an empty IndexedDB and a new queue on it. */
export function freshDevice(): void {
  globalThis.indexedDB = new IDBFactory();
  replaceLearningQueue(new EventQueue(deviceStore(), sendEvents));
}

/** Four lessons: a reading, a content-noted reading, a quiz (pass mark 50) and an optional reflection. */
export function makeCourse(overrides: Partial<PublishedCourse> = {}): PublishedCourse {
  return {
    courseId: COURSE,
    version: 3,
    slug: SLUG,
    title: { ko: '일터의 권리' },
    summary: { ko: '일할 때 가지는 권리를 배워요.' },
    language: 'ko',
    tags: ['work'],
    estimatedMinutes: 40,
    sequential: false,
    coverMediaId: null,
    modules: [
      {
        id: '5c0f3b1e-1a2b-4c3d-8e4f-000000000201',
        key: 'module-work',
        title: { ko: '일과 계약' },
        lessons: [
          {
            id: L.reading,
            key: 'work-contract',
            kind: 'reading',
            title: { ko: '근로계약서' },
            required: true,
            estimatedMinutes: 10,
            contentNote: null,
            content: { kind: 'reading', body: { ko: '## 계약서를 꼭 받아요\n\n일을 시작하면 계약서를 받아요.' } },
          },
          {
            id: L.sensitive,
            key: 'unpaid-wages',
            kind: 'reading',
            title: { ko: '임금을 못 받았을 때' },
            required: true,
            estimatedMinutes: 10,
            contentNote: { ko: '부당한 대우에 대한 이야기가 나와요.' },
            content: { kind: 'reading', body: { ko: '## 도움을 받는 곳\n\n고용노동부에 물어볼 수 있어요.' } },
          },
          {
            id: L.quiz,
            key: 'check-quiz',
            kind: 'quiz',
            title: { ko: '확인 문제' },
            required: true,
            estimatedMinutes: 10,
            contentNote: null,
            content: {
              kind: 'quiz',
              passMark: 50,
              shuffle: false,
              questions: [
                {
                  key: 'q-1',
                  type: 'single',
                  prompt: { ko: '계약서는 언제 받나요?' },
                  explanation: { ko: '일을 시작할 때 받아요.' },
                  options: [
                    { key: 'opt-a', text: { ko: '일을 시작할 때' }, correct: true },
                    { key: 'opt-b', text: { ko: '그만둘 때' }, correct: false },
                  ],
                },
                {
                  key: 'q-2',
                  type: 'true_false',
                  prompt: { ko: '최저임금보다 적게 줘도 돼요.' },
                  explanation: { ko: '안 돼요. 법으로 정해져 있어요.' },
                  answer: false,
                },
              ],
            },
          },
          {
            id: L.reflection,
            key: 'my-work',
            kind: 'reflection',
            title: { ko: '나의 일터' },
            required: false,
            estimatedMinutes: 10,
            contentNote: null,
            content: { kind: 'reflection', prompt: { ko: '어떤 일터에서 일하고 싶나요?' } },
          },
        ],
      },
    ],
    ...overrides,
  };
}

export function makeEnrolment(overrides: Partial<Enrolment> = {}): Enrolment {
  return {
    id: ENROLMENT,
    courseId: COURSE,
    slug: SLUG,
    title: { ko: '일터의 권리' },
    status: 'active',
    percent: 0,
    enrolledAt: '2026-04-01T09:00:00.000Z',
    completedAt: null,
    lastActivityAt: null,
    next: { lessonId: L.reading, position: null },
    certificateCode: null,
    ...overrides,
  };
}

export function lessonState(lessonId: string, overrides: Partial<LessonProgress> = {}): LessonProgress {
  return {
    lessonId,
    status: 'not_started',
    locked: false,
    timeSpentSeconds: 0,
    bestScore: null,
    passed: null,
    attempts: 0,
    position: null,
    ...overrides,
  };
}

export function makeProgress(
  overrides: Partial<CourseProgress> = {},
  states: Partial<Record<string, Partial<LessonProgress>>> = {},
): CourseProgress {
  return {
    enrolment: makeEnrolment(),
    version: 3,
    lessons: Object.values(L).map((id) => lessonState(id, states[id])),
    ...overrides,
  };
}

/**
 * A stand-in for POST /progress/events that answers like the server: each event recorded once
 * (a repeated id is a duplicate), quizzes graded by `grade`, and the enrolment from `enrolment()`.
 */
export function eventsEndpoint(
  options: {
    grade?: (answers: Record<string, unknown>) => { score: number; passed: boolean; correct: Record<string, boolean> };
    enrolment?: () => Enrolment;
  } = {},
) {
  const seen = new Set<string>();
  const received: LearningEvent[] = [];
  const handler = (req: MockRequest): MockResponse => {
    const { events } = req.body as { events: LearningEvent[] };
    const results: EventBatchResult['results'] = events.map((event) => {
      if (seen.has(event.id)) return { id: event.id, status: 'duplicate' as const };
      seen.add(event.id);
      received.push(event);
      if (event.type === 'quiz_submitted' && options.grade)
        return {
          id: event.id,
          status: 'recorded' as const,
          quiz: { ...options.grade(event.answers), review: quizReview(event.lessonId) },
        };
      return { id: event.id, status: 'recorded' as const };
    });
    return { status: 200, body: { results, enrolments: [options.enrolment?.() ?? makeEnrolment()] } };
  };
  /** GET /progress as the server would answer after the events it received. */
  const progress =
    (base: CourseProgress = makeProgress()) =>
    (): MockResponse => {
      const lessons = base.lessons.map((l) => {
        let status = l.status;
        for (const e of received.filter((r) => r.lessonId === l.lessonId)) {
          if (e.type === 'completed' || (e.type === 'reflection_saved' && e.text.trim())) status = 'completed';
          else if (e.type === 'skipped' && status !== 'completed') status = 'skipped';
          else if (status === 'not_started') status = 'in_progress';
        }
        return { ...l, status };
      });
      return { status: 200, body: { ...base, lessons } };
    };
  return { handler, received, progress, types: () => received.map((e) => `${e.type}:${e.lessonId}`) };
}

const toHtml = (text: PublishedLesson['title'], headingLevel: number): LessonHtml => {
  const out: LessonHtml = { ko: markdownToHtml(text.ko, { headingLevel }) };
  if (text.en !== undefined) out.en = markdownToHtml(text.en, { headingLevel });
  if (text.zh !== undefined) out.zh = markdownToHtml(text.zh, { headingLevel });
  return out;
};

/** A lesson's texts as the server renders them at publish time (apps/api/src/courses/lesson-html.ts). */
function renderContent(lesson: PublishedLesson): RenderedLessonContent {
  const c = lesson.content;
  switch (c.kind) {
    case 'reading':
      return { kind: 'reading', body: toHtml(c.body, 2) };
    case 'reflection':
      return { kind: 'reflection', prompt: toHtml(c.prompt, 2) };
    case 'media':
      return { ...c, transcript: toHtml(c.transcript, 3) };
    case 'quiz':
      // Without its answers and explanations, as the API sends it: they come with the grading (quizReview).
      return {
        kind: 'quiz',
        passMark: c.passMark,
        shuffle: c.shuffle,
        questions: c.questions.map((q) =>
          q.type === 'single' || q.type === 'multiple'
            ? {
                key: q.key,
                type: q.type,
                prompt: toHtml(q.prompt, 2),
                options: q.options.map((o) => ({ key: o.key, text: o.text })),
              }
            : { key: q.key, type: q.type, prompt: toHtml(q.prompt, 2) },
        ),
      };
  }
}

/** What the server's grading of quiz `lessonId` of makeCourse() says besides the score: the right answers and why. */
export function quizReview(lessonId: string, course: PublishedCourse = makeCourse()): QuizReview {
  const lesson = course.modules.flatMap((m) => m.lessons).find((l) => l.id === lessonId);
  const out: QuizReview = {};
  if (lesson?.content.kind !== 'quiz') return out;
  for (const q of lesson.content.questions) {
    const explanation = toHtml(q.explanation, 2);
    if (q.type === 'single' || q.type === 'multiple')
      out[q.key] = { options: q.options.filter((o) => o.correct).map((o) => o.key), explanation };
    else if (q.type === 'true_false') out[q.key] = { answer: q.answer, explanation };
    else out[q.key] = { explanation };
  }
  return out;
}

/** GET /courses/:slug/outline as the API answers it: the lessons without their content. */
export function makeOutline(course: PublishedCourse): CourseOutline {
  return {
    courseId: course.courseId,
    version: course.version ?? 1,
    slug: course.slug,
    title: course.title,
    summary: course.summary,
    language: course.language,
    tags: course.tags,
    estimatedMinutes: course.estimatedMinutes,
    sequential: course.sequential,
    coverMediaId: course.coverMediaId,
    modules: outlineModules(course.modules),
  };
}

/**
 * GET /courses/:slug/lessons/:lessonId for every lesson of the course, as the API answers it (the lesson's
 * texts rendered to HTML, the course's facts), and the course's outline: what the learner's player reads.
 */
export function lessonAnswers(course: PublishedCourse): Record<string, MockResponse> {
  const out: Record<string, MockResponse> = {
    [`GET /courses/${course.slug}/outline`]: { status: 200, body: makeOutline(course) },
  };
  for (const lesson of course.modules.flatMap((m) => m.lessons)) {
    const body: LearnerLesson = {
      courseId: course.courseId,
      version: course.version ?? 1,
      lesson: { ...lesson, content: renderContent(lesson) },
      facts: course.facts ?? [],
    };
    out[`GET /courses/${course.slug}/lessons/${lesson.id}`] = { status: 200, body };
  }
  return out;
}
