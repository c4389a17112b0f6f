import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, TestApp, uniqueName } from './test-app.js';

type Who = { id: string; cookie: string };

/**
 * lesson_stats (started, completed per lesson) and question_stats (answers, right answers per
 * question) are kept by triggers on lesson_progress and quiz_attempts. After a mixed sequence —
 * several learners in several courses, events sent twice, a quiz failed then passed then tried
 * again, a skip, a reflection, a learner erased — they must equal a recount from those tables, and
 * the course report must show the same numbers.
 */
describe('lesson and question counters', () => {
  let t: TestApp;
  let author: Who;
  let admin: Who;
  beforeAll(async () => {
    t = await TestApp.create({ DARI_LOGIN_MAX_FAILURES_PER_IP: '1000' });
    [author, admin] = await Promise.all([t.signedIn('instructor'), t.signedIn('admin')]);
  });
  afterAll(() => t.close());

  const api = (who: Who, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
    t.request(method, `/api/v1${url}`, { cookie: who.cookie, body });
  const ev = (lessonId: string, type: string, extra: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    lessonId,
    type,
    occurredAt: new Date().toISOString(),
    ...extra,
  });

  /** An open course: a reading, a noted reading (may be skipped), a quiz of two graded questions and a short answer, a reflection. */
  async function course() {
    const slug = uniqueName('lc-').toLowerCase();
    let c = (await api(author, 'POST', '/authoring/courses', { slug, title: { ko: '세기' }, enrolmentPolicy: 'open' }))
      .body;
    c = (await api(author, 'POST', `/authoring/courses/${c.id}/modules`, { title: { ko: '하나' } })).body;
    const add = async (kind: string, patch: Record<string, unknown>) => {
      const l = (
        await api(author, 'POST', `/authoring/modules/${c.modules[0].id}/lessons`, { kind, title: { ko: kind } })
      ).body;
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
        questions: [
          {
            key: 'q1',
            type: 'single',
            prompt: { ko: '?' },
            explanation: { ko: '!' },
            options: [
              { key: 'a', text: { ko: '맞음' }, correct: true },
              { key: 'b', text: { ko: '틀림' }, correct: false },
            ],
          },
          { key: 'q2', type: 'true_false', prompt: { ko: '?' }, explanation: { ko: '!' }, answer: true },
          { key: 'q3', type: 'short_answer', prompt: { ko: '?' }, explanation: { ko: '!' } },
        ],
      },
    });
    const reflection = await add('reflection', {
      required: false,
      content: { kind: 'reflection', prompt: { ko: '무엇을 느꼈나요?' } },
    });
    expect((await api(author, 'POST', `/authoring/courses/${c.id}/publish`)).status).toBe(201);
    return { id: c.id as string, slug, reading, noted, quiz, reflection };
  }

  /** Per lesson and per question, from the counters and from the base tables. */
  async function counters(courseId: string) {
    const stats = await t.db.query(
      `SELECT ls.lesson_id, sum(ls.started)::int AS started, sum(ls.completed)::int AS completed
         FROM lesson_stats ls WHERE ls.course_id = $1 GROUP BY ls.lesson_id ORDER BY ls.lesson_id`,
      [courseId],
    );
    const recount = await t.db.query(
      `SELECT lp.lesson_id, count(*)::int AS started, count(*) FILTER (WHERE lp.status IN ('completed', 'skipped'))::int AS completed
         FROM lesson_progress lp WHERE lp.course_id = $1 GROUP BY lp.lesson_id ORDER BY lp.lesson_id`,
      [courseId],
    );
    const qstats = await t.db.query(
      `SELECT qs.lesson_id, qs.question_key, sum(qs.answers)::int AS answers, sum(qs.correct)::int AS correct
         FROM question_stats qs WHERE qs.course_id = $1 GROUP BY qs.lesson_id, qs.question_key ORDER BY qs.lesson_id, qs.question_key`,
      [courseId],
    );
    const qrecount = await t.db.query(
      `SELECT qa.lesson_id, k.key AS question_key, count(*)::int AS answers, count(*) FILTER (WHERE k.value = 'true'::jsonb)::int AS correct
         FROM quiz_attempts qa CROSS JOIN jsonb_each(qa.correct) AS k
        WHERE qa.course_id = $1 GROUP BY qa.lesson_id, k.key ORDER BY qa.lesson_id, k.key`,
      [courseId],
    );
    return { stats, recount, qstats, qrecount };
  }

  it('match a recount after replays, retries, skips and an erasure, and the course report shows them', async () => {
    const [c1, c2] = [await course(), await course()];
    const learners: (Who & { username: string })[] = [];
    for (let i = 0; i < 3; i++) learners.push(await t.signedIn('learner'));
    for (const l of learners)
      for (const c of [c1, c2]) expect((await api(l, 'POST', `/courses/${c.slug}/enrol`, {})).status).toBe(200);
    const send = async (who: Who, events: unknown[]) => {
      const r = await api(who, 'POST', '/progress/events', { events });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r;
    };
    const [a, b, d] = learners;
    const wrong = { answers: { q1: ['b'], q2: false, q3: '음' } };
    const half = { answers: { q1: ['a'], q2: false } };
    const right = { answers: { q1: ['a'], q2: true } };

    // a: everything in c1, each event sent twice (the second is a duplicate); the quiz failed, then passed, then once more.
    const batch = [ev(c1.reading, 'viewed'), ev(c1.reading, 'completed'), ev(c1.noted, 'skipped')];
    await send(a, batch);
    await send(a, batch);
    const failed = ev(c1.quiz, 'quiz_submitted', wrong);
    await send(a, [failed]);
    await send(a, [failed]);
    await send(a, [ev(c1.quiz, 'quiz_submitted', right)]);
    await send(a, [ev(c1.quiz, 'quiz_submitted', half)]);
    await send(a, [ev(c1.reflection, 'reflection_saved', { text: '좋았어요', shared: false })]);
    // a in c2: skips the noted reading, then reads it after all (done once, not twice).
    await send(a, [ev(c2.noted, 'skipped'), ev(c2.noted, 'completed'), ev(c2.reading, 'position', { position: 3 })]);
    // b: half the quiz in both courses, reads c2; an empty reflection leaves the lesson as it was.
    await send(b, [ev(c1.quiz, 'quiz_submitted', half), ev(c2.quiz, 'quiz_submitted', half)]);
    await send(b, [
      ev(c2.reading, 'viewed'),
      ev(c2.reading, 'time_spent', { seconds: 30 }),
      ev(c2.reading, 'completed'),
    ]);
    await send(b, [ev(c2.reflection, 'reflection_saved', { text: '  ', shared: false })]);
    // d: passes c2's quiz at once, starts c1's reading, then asks to be erased.
    await send(d, [ev(c2.quiz, 'quiz_submitted', right), ev(c1.reading, 'viewed')]);
    expect((await api(d, 'POST', '/me/erase', { password: TEST_PASSWORD })).status).toBe(204);
    // b finishes c1's quiz after d has gone.
    await send(b, [ev(c1.quiz, 'quiz_submitted', right)]);

    const one = await counters(c1.id);
    const two = await counters(c2.id);
    for (const x of [one, two]) {
      expect(x.stats).toEqual(x.recount);
      expect(x.qstats).toEqual(x.qrecount);
    }
    // And the numbers themselves, so that a counter and its recount cannot both be wrong the same way.
    const byLesson = (rows: { lesson_id: string; started: number; completed: number }[], id: string) =>
      rows.find((r) => r.lesson_id === id) ?? { started: 0, completed: 0 };
    expect(byLesson(one.stats, c1.reading)).toMatchObject({ started: 2, completed: 1 });
    expect(byLesson(one.stats, c1.noted)).toMatchObject({ started: 1, completed: 1 });
    expect(byLesson(one.stats, c1.quiz)).toMatchObject({ started: 2, completed: 2 });
    expect(byLesson(one.stats, c1.reflection)).toMatchObject({ started: 1, completed: 1 });
    expect(byLesson(two.stats, c2.noted)).toMatchObject({ started: 1, completed: 1 });
    expect(byLesson(two.stats, c2.reading)).toMatchObject({ started: 2, completed: 1 });
    expect(byLesson(two.stats, c2.quiz)).toMatchObject({ started: 2, completed: 1 });
    expect(byLesson(two.stats, c2.reflection)).toMatchObject({ started: 0, completed: 0 });
    // c1's quiz: a wrong, right, half; b half, right = 5 answers each; q1 right 4 times, q2 right twice.
    expect(one.qstats.map((q: { question_key: string }) => q.question_key)).toEqual(['q1', 'q2']);
    expect(one.qstats).toMatchObject([
      { answers: 5, correct: 4 },
      { answers: 5, correct: 2 },
    ]);

    // The course report (what instructors read) shows the counters.
    const report = (await api(admin, 'GET', `/reports/courses/${c1.id}`)).body;
    expect(report.lessons.map((l: { started: number; completed: number }) => [l.started, l.completed])).toEqual([
      [2, 1],
      [1, 1],
      [2, 2],
      [1, 1],
    ]);
    expect(report.questions.map((q: { answers: number; correctShare: number }) => [q.answers, q.correctShare])).toEqual(
      [
        [5, 0.8],
        [5, 0.4],
      ],
    );
  });
});
