import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp, uniqueName } from './test-app.js';

// A batch is stored in one transaction with set-based statements (learning.service.ts, recordBatch);
// one event per request goes through the same code with a batch of one. This checks that the batch
// means exactly "these events, one after another": the same result per event and the same final rows
// (progress, enrolments, certificates, the event log and the lesson counters) as sending each alone.

type Who = { id: string; cookie: string };
const SEED = 20261207;
const RUNS = 12;

describe('progress events: a batch equals its events sent one by one', () => {
  let t: TestApp;
  let author: Who;
  const courses: { slug: string; id: string; lessons: Record<'reading' | 'noted' | 'quiz' | 'reflection', string> }[] =
    [];
  beforeAll(async () => {
    t = await TestApp.create();
    author = await t.signedIn('instructor');
    // Two courses the learners are enrolled in (one sequential), one they are not.
    for (const sequential of [false, true, false]) courses.push(await publishedCourse(sequential));
  });
  afterAll(() => t.close());

  const api = (who: Who | null, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
    t.request(method, `/api/v1${url}`, { cookie: who?.cookie, body });

  async function publishedCourse(sequential: boolean) {
    const slug = uniqueName('batch-').toLowerCase();
    let c = (await api(author, 'POST', '/authoring/courses', { slug, title: { ko: '묶음' } })).body;
    c = (await api(author, 'POST', `/authoring/courses/${c.id}/modules`, { title: { ko: '하나' } })).body;
    const mod = c.modules[0].id;
    const add = async (kind: string, patch: Record<string, unknown>) => {
      const l = (await api(author, 'POST', `/authoring/modules/${mod}/lessons`, { kind, title: { ko: kind } })).body;
      const r = await api(author, 'PATCH', `/authoring/lessons/${l.id}`, { revision: 0, ...patch });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return l.id as string;
    };
    const reading = await add('reading', { content: { kind: 'reading', body: { ko: '본문' } } });
    const noted = await add('reading', {
      contentNote: { ko: '힘들면 건너뛰어도 돼요.' },
      content: { kind: 'reading', body: { ko: '본문' } },
    });
    const quiz = await add('quiz', {
      content: {
        kind: 'quiz',
        passMark: 100,
        shuffle: false,
        questions: [{ key: 'q1', type: 'true_false', prompt: { ko: '?' }, explanation: { ko: '!' }, answer: true }],
      },
    });
    const reflection = await add('reflection', {
      required: false,
      content: { kind: 'reflection', prompt: { ko: '무엇을 느꼈나요?' } },
    });
    c = (await api(author, 'GET', `/authoring/courses/${c.id}`)).body;
    expect(
      (await api(author, 'PATCH', `/authoring/courses/${c.id}`, { revision: c.revision, sequential })).status,
    ).toBe(200);
    expect((await api(author, 'POST', `/authoring/courses/${c.id}/publish`)).status).toBe(201);
    return { slug, id: c.id as string, lessons: { reading, noted, quiz, reflection } };
  }

  /** A learner enrolled in the first two courses. */
  async function learner(): Promise<Who> {
    const who = await t.signedIn('learner');
    for (const c of courses.slice(0, 2))
      expect((await api(who, 'POST', `/courses/${c.slug}/enrol`, {})).status).toBe(200);
    return who;
  }

  // One event: which course and lesson, its type and values; `again` repeats an earlier event (same id).
  const T0 = Date.parse('2026-12-01T09:00:00Z');
  // Weighted towards the two enrolled courses (1 is sequential) and towards events that move a lesson's
  // status, so a batch often unlocks a later lesson of the sequential course for its own later events.
  const freshEvent = fc.record({
    course: fc.constantFrom(0, 1, 1, 1, 2),
    lesson: fc.constantFrom('reading', 'reading', 'noted', 'noted', 'quiz', 'reflection', 'missing'),
    type: fc.constantFrom(
      'viewed',
      'completed',
      'completed',
      'skipped',
      'skipped',
      'position',
      'time_spent',
      'quiz_submitted',
      'reflection_saved',
    ),
    value: fc.integer({ min: 1, max: 600 }),
    pass: fc.boolean(),
    minutes: fc.integer({ min: 0, max: 60 * 24 }),
  });
  const step = fc.oneof(
    { weight: 4, arbitrary: freshEvent.map((e) => ({ again: null, e })) },
    { weight: 1, arbitrary: fc.nat().map((n) => ({ again: n, e: null })) },
  );

  interface Spec {
    course: number;
    lesson: string;
    type: string;
    value: number;
    pass: boolean;
    minutes: number;
    key: string;
  }
  /** The event a spec stands for, with the id `idOf(spec.key)`. */
  function eventOf(s: Spec, idOf: (key: string) => string) {
    const c = courses[s.course];
    const lessonId = s.lesson === 'missing' ? idOf(`missing-${s.key}`) : c.lessons[s.lesson as keyof typeof c.lessons];
    const base = { id: idOf(s.key), lessonId, occurredAt: new Date(T0 + s.minutes * 60_000).toISOString() };
    switch (s.type) {
      case 'position':
        return { ...base, type: s.type, position: s.value / 4 };
      case 'time_spent':
        return { ...base, type: s.type, seconds: s.value };
      case 'quiz_submitted':
        return { ...base, type: s.type, answers: { q1: s.pass } };
      case 'reflection_saved':
        return { ...base, type: s.type, text: s.pass ? '생각했어요' : '', shared: false };
      default:
        return { ...base, type: s.type };
    }
  }
  /** The same event id for the same key and learner, different between learners. */
  const idFor = (who: Who) => (key: string) => {
    const h = createHash('sha256').update(`${who.id}:${key}`).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };

  /** Everything the events of one learner can change, without ids or times of writing. */
  async function stateOf(who: Who) {
    const q = <R>(sql: string) => t.db.query<R[]>(sql, [who.id]);
    const lessonName = new Map(
      courses.flatMap((c, i) => Object.entries(c.lessons).map(([k, id]) => [id, `${i}.${k}`] as const)),
    );
    const progress = (
      await q<Record<string, unknown> & { lesson_id: string }>(
        `SELECT lesson_id, status, time_spent_seconds, position, best_score, passed, attempts, completed_at
           FROM lesson_progress WHERE user_id = $1`,
      )
    )
      .map((r) => ({ ...r, lesson_id: lessonName.get(r.lesson_id) }))
      .sort((a, b) => String(a.lesson_id).localeCompare(String(b.lesson_id)));
    const enrolments = (
      await q<Record<string, unknown> & { course_id: string; last_lesson_id: string | null }>(
        `SELECT course_id, status, percent, last_activity_at, last_lesson_id, completed_at IS NOT NULL AS completed
           FROM enrolments WHERE user_id = $1`,
      )
    )
      .map((r) => ({
        ...r,
        course_id: courses.findIndex((c) => c.id === r.course_id),
        last_lesson_id: r.last_lesson_id && lessonName.get(r.last_lesson_id),
      }))
      .sort((a, b) => a.course_id - b.course_id);
    const [counts] = await q<Record<string, number>>(
      `SELECT (SELECT count(*) FROM learning_events WHERE user_id = $1)::int AS events,
              (SELECT count(*) FROM quiz_attempts WHERE user_id = $1)::int AS attempts,
              (SELECT count(*) FROM journal_entries WHERE user_id = $1)::int AS journal,
              (SELECT count(*) FROM certificates WHERE user_id = $1)::int AS certificates`,
    );
    return { progress, enrolments, counts };
  }
  /** The funnel counters of every lesson (all learners). */
  const counters = async () =>
    Object.fromEntries(
      (
        await t.db.query<{ lesson_id: string; started: number; completed: number }[]>(
          `SELECT lesson_id, sum(started)::int AS started, sum(completed)::int AS completed FROM lesson_stats GROUP BY lesson_id`,
        )
      ).map((r) => [r.lesson_id, [r.started, r.completed]]),
    );
  const delta = (after: Record<string, number[]>, before: Partial<Record<string, number[]>>) =>
    Object.fromEntries(
      Object.entries(after)
        .map(([k, [s, c]]) => [k, [s - (before[k]?.[0] ?? 0), c - (before[k]?.[1] ?? 0)]] as const)
        .filter(([, [s, c]]) => s || c),
    );

  it(`random batches (duplicates, refusals, three courses, quizzes) end where one event at a time ends (${RUNS} runs, seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 8, maxLength: 30, size: 'max' }), fc.nat(), async (steps, cut) => {
        // Resolve repeats into the earlier event's spec (same key, so the same id).
        const specs: Spec[] = [];
        for (const [i, s] of steps.entries()) {
          if (s.e) specs.push({ ...s.e, key: `e${i}` });
          else if (specs.length) specs.push(specs[s.again % specs.length]);
        }
        const [a, b] = [await learner(), await learner()];
        const before = await counters();
        // Two batches (the second finds the first's rows), against one request per event.
        const split = cut % specs.length;
        const results: unknown[] = [];
        for (const part of [specs.slice(0, split), specs.slice(split)].filter((p) => p.length)) {
          const batch = await api(a, 'POST', '/progress/events', { events: part.map((s) => eventOf(s, idFor(a))) });
          expect(batch.status, JSON.stringify(batch.body)).toBe(200);
          results.push(...batch.body.results);
        }
        const afterBatch = await counters();
        const one: unknown[] = [];
        for (const s of specs) {
          const r = await api(b, 'POST', '/progress/events', { events: [eventOf(s, idFor(b))] });
          expect(r.status, JSON.stringify(r.body)).toBe(200);
          one.push(r.body.results[0]);
        }
        const afterOne = await counters();
        const strip = (r: { id?: string }) => ({ ...r, id: undefined });
        expect(results.map((r) => strip(r as { id: string }))).toEqual(one.map((r) => strip(r as { id: string })));
        expect(await stateOf(a)).toEqual(await stateOf(b));
        expect(delta(afterBatch, before)).toEqual(delta(afterOne, afterBatch));
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  }, 300_000);
});
