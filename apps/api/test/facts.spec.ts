import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factsToReview, koreaDate, renderFactsIn, type Fact, type PublishedCourse } from '@dari/contracts';
import { loadFacts } from '@dari/curriculum';
import { TestApp, uniqueName } from './test-app.js';

type Who = { id: string; cookie: string };

// Dated facts (libs/curriculum/facts): a published course carries the facts its texts use, so a phone
// shows them for its own date offline; instructors and admins see the facts due for review.
describe('dated facts', () => {
  let t: TestApp;
  let instructor: Who;
  let admin: Who;
  let manager: Who;
  let learner: Who;
  const registry = loadFacts();
  beforeAll(async () => {
    t = await TestApp.create();
    [instructor, admin, manager, learner] = await Promise.all([
      t.signedIn('instructor'),
      t.signedIn('admin'),
      t.signedIn('manager'),
      t.signedIn('learner'),
    ]);
  });
  afterAll(() => t.close());

  const req = (who: Who | null, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
    t.request(method, `/api/v1${url}`, { cookie: who?.cookie, body });

  /** A published course whose reading, content note and quiz say what `texts` give. */
  async function publishedCourse(texts: {
    reading: string;
    note: string | null;
    option: string;
    explanation: string;
  }): Promise<{ id: string; slug: string }> {
    let course = (
      await req(instructor, 'POST', '/authoring/courses', {
        slug: uniqueName('facts-').toLowerCase(),
        title: { ko: '일과 권리' },
      })
    ).body;
    course = (await req(instructor, 'POST', `/authoring/courses/${course.id}/modules`, { title: { ko: '임금' } })).body;
    const moduleId = course.modules[0].id;
    const reading = (
      await req(instructor, 'POST', `/authoring/modules/${moduleId}/lessons`, {
        kind: 'reading',
        title: { ko: '최저임금' },
      })
    ).body;
    const saved = await req(instructor, 'PATCH', `/authoring/lessons/${reading.id}`, {
      revision: reading.revision,
      contentNote: texts.note === null ? null : { ko: texts.note },
      content: { kind: 'reading', body: { ko: texts.reading, en: 'The minimum wage.' } },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const quiz = (
      await req(instructor, 'POST', `/authoring/modules/${moduleId}/lessons`, { kind: 'quiz', title: { ko: '확인' } })
    ).body;
    const quizSaved = await req(instructor, 'PATCH', `/authoring/lessons/${quiz.id}`, {
      revision: quiz.revision,
      content: {
        kind: 'quiz',
        passMark: 50,
        shuffle: false,
        questions: [
          {
            key: 'q1',
            type: 'single',
            prompt: { ko: '최저임금은 얼마인가요?' },
            explanation: { ko: texts.explanation },
            options: [
              { key: 'a', text: { ko: texts.option }, correct: true },
              { key: 'b', text: { ko: '사장님이 정해요' }, correct: false },
            ],
          },
        ],
      },
    });
    expect(quizSaved.status, JSON.stringify(quizSaved.body)).toBe(200);
    const pub = await req(instructor, 'POST', `/authoring/courses/${course.id}/publish`);
    expect(pub.status, JSON.stringify(pub.body)).toBe(201);
    return { id: course.id, slug: course.slug };
  }

  it('publishing embeds the facts the texts refer to (reading, content note, quiz), and the learner gets them', async () => {
    const course = await publishedCourse({
      reading: '2026년 시급은 {{fact:minimum-wage-hourly}}이에요.',
      note: '돈 이야기가 나와요.',
      option: '{{fact:minimum-wage-monthly}}',
      explanation: '시급 {{fact:minimum-wage-hourly}}에 209시간을 곱해요.',
    });
    const served = await req(learner, 'GET', `/courses/${course.slug}`);
    expect(served.status, JSON.stringify(served.body)).toBe(200);
    const snapshot = served.body as PublishedCourse;
    expect(snapshot.facts?.map((f) => f.key)).toEqual(['minimum-wage-hourly', 'minimum-wage-monthly']);
    const byKey = new Map(registry.map((f) => [f.key, f]));
    expect(snapshot.facts).toEqual([byKey.get('minimum-wage-hourly'), byKey.get('minimum-wage-monthly')]);
    // Everything the phone needs to show the text for any date, with no other request.
    const body = (snapshot.modules[0].lessons[0].content as { body: { ko: string } }).body.ko;
    expect(renderFactsIn(body, snapshot.facts, 'ko', '2026-05-01')).toBe('2026년 시급은 10,320원(2026년 기준)이에요.');
    expect(renderFactsIn(body, snapshot.facts, 'ko', '2027-03-01')).toMatch(
      /^2026년 시급은 10,320원\(2026년 기준 — 최신 금액은 .*1350.*에서 확인하세요\)이에요\.$/,
    );
    // The frozen version and the preview carry them too.
    expect((await req(instructor, 'GET', `/authoring/courses/${course.id}/versions/1`)).body.facts).toHaveLength(2);
    expect((await req(instructor, 'GET', `/authoring/courses/${course.id}/preview`)).body.facts).toHaveLength(2);
  });

  it('a fact used only in a content note or a quiz option still travels; a course without facts has none', async () => {
    const noted = await publishedCourse({
      reading: '글',
      note: '{{fact:minimum-wage-hourly}} 이야기가 나와요.',
      option: '모든 사람',
      explanation: '설명',
    });
    expect(
      ((await req(learner, 'GET', `/courses/${noted.slug}`)).body as PublishedCourse).facts?.map((f) => f.key),
    ).toEqual(['minimum-wage-hourly']);
    const plain = await publishedCourse({
      reading: '사람은 누구나 존엄해요.',
      note: null,
      option: '모든 사람',
      explanation: '설명',
    });
    expect((await req(learner, 'GET', `/courses/${plain.slug}`)).body).not.toHaveProperty('facts');
    // An unknown key publishes (the curriculum tests catch it in shipped courses) and is shown as a marker.
    const unknown = await publishedCourse({
      reading: '{{fact:no-such-fact}}',
      note: null,
      option: '가',
      explanation: '나',
    });
    expect((await req(learner, 'GET', `/courses/${unknown.slug}`)).body).not.toHaveProperty('facts');
  });

  it("GET /facts/review lists the facts due on Korea's today, for instructors and admins only", async () => {
    const now = new Date();
    const expected = factsToReview(registry, now);
    for (const who of [instructor, admin]) {
      const res = await req(who, 'GET', '/facts/review');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.today).toBe(koreaDate(now));
      expect(res.body.items).toEqual(expected);
    }
    // The 2026 minimum wage is due from 2026-08-05 (the 2027 notice) on; the test runs after that day.
    const hourly = (await req(instructor, 'GET', '/facts/review')).body.items.find(
      (i: { key: string }) => i.key === 'minimum-wage-hourly',
    );
    expect(hourly).toMatchObject({ lastValue: 10320, lastYear: 2026, reviewBy: '2026-08-05', reviewDue: true });
    expect(hourly.source).toMatch(/2025-07-10/);
    expect((await req(manager, 'GET', '/facts/review')).status).toBe(403);
    expect((await req(learner, 'GET', '/facts/review')).status).toBe(403);
    expect((await req(null, 'GET', '/facts/review')).status).toBe(401);
  });

  it('GET /facts answers the whole registry to anyone signed in, cacheable for an hour, and nothing signed out', async () => {
    for (const who of [learner, instructor, manager, admin]) {
      const res = await req(who, 'GET', '/facts');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toEqual(registry);
      // The app's no-store default for /api stays off a route that chose its own caching.
      expect(res.headers['cache-control']).toBe('private, max-age=3600');
    }
    const hourly = ((await req(learner, 'GET', '/facts')).body as Fact[]).find((f) => f.key === 'minimum-wage-hourly');
    expect(renderFactsIn('시급 {{fact:minimum-wage-hourly}}', hourly ? [hourly] : [], 'ko', '2026-05-01')).toBe(
      '시급 10,320원(2026년 기준)',
    );
    const anonymous = await req(null, 'GET', '/facts');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['cache-control']).toBe('no-store');
  });
});
