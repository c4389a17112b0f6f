import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp, uniqueName } from './test-app.js';

type Who = { id: string; cookie: string };

/**
 * Skipping a lesson with a content note carries no penalty: staff never see who skipped.
 * The learner's page shows a skipped reading as finished and a skipped quiz as not started; the
 * course report counts skips per lesson, and below 3 says only "fewer than 3".
 */
describe('skips are shown to staff only as a count', () => {
  let t: TestApp;
  let author: Who;
  let admin: Who;
  beforeAll(async () => {
    t = await TestApp.create();
    author = await t.signedIn('instructor');
    admin = await t.signedIn('admin');
  });
  afterAll(() => t.close());

  const api = (who: Who, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
    t.request(method, `/api/v1${url}`, { cookie: who.cookie, body });
  const ev = (lessonId: string, type: string) => ({
    id: randomUUID(),
    lessonId,
    type,
    occurredAt: new Date().toISOString(),
  });

  it("a learner's page never says who skipped; the course report counts skips, and hides counts under 3", async () => {
    const slug = uniqueName('skips-').toLowerCase();
    let c = (await api(author, 'POST', '/authoring/courses', { slug, title: { ko: '건너뛰기' } })).body;
    c = (await api(author, 'POST', `/authoring/courses/${c.id}/modules`, { title: { ko: '하나' } })).body;
    const add = async (kind: string, patch: Record<string, unknown>) => {
      const l = (
        await api(author, 'POST', `/authoring/modules/${c.modules[0].id}/lessons`, { kind, title: { ko: kind } })
      ).body;
      expect(
        (
          await api(author, 'PATCH', `/authoring/lessons/${l.id}`, {
            revision: 0,
            contentNote: { ko: '힘들면 건너뛰어도 돼요.' },
            ...patch,
          })
        ).status,
      ).toBe(200);
      return l.id as string;
    };
    const reading = await add('reading', { content: { kind: 'reading', body: { ko: '본문' } } });
    const quiz = await add('quiz', {
      content: {
        kind: 'quiz',
        passMark: 50,
        shuffle: false,
        questions: [{ key: 'q1', type: 'true_false', prompt: { ko: '?' }, explanation: { ko: '!' }, answer: true }],
      },
    });
    expect((await api(author, 'POST', `/authoring/courses/${c.id}/publish`)).status).toBe(201);

    const learners: Who[] = [];
    for (let i = 0; i < 3; i++) {
      const l = await t.signedIn('learner');
      learners.push(l);
      await api(l, 'POST', `/courses/${slug}/enrol`, {});
    }
    // Three skip the reading; two skip the quiz.
    for (const l of learners) await api(l, 'POST', '/progress/events', { events: [ev(reading, 'skipped')] });
    for (const l of learners.slice(0, 2)) await api(l, 'POST', '/progress/events', { events: [ev(quiz, 'skipped')] });

    const page = await api(admin, 'GET', `/reports/learners/${learners[0].id}`);
    expect(page.status).toBe(200);
    const lessons = page.body.courses[0].lessons as { lessonId: string; status: string }[];
    expect(lessons.find((x) => x.lessonId === reading)!.status).toBe('completed');
    expect(lessons.find((x) => x.lessonId === quiz)!.status).toBe('not_started');
    expect(JSON.stringify(page.body)).not.toContain('skipped');

    const report = await api(author, 'GET', `/reports/courses/${c.id}`);
    expect(report.body.lessons.find((x: { lessonId: string }) => x.lessonId === reading)).toMatchObject({
      started: 3,
      completed: 3,
      skipped: 3,
    });
    // Two is too few to show: it could point at one person in a small class.
    expect(report.body.lessons.find((x: { lessonId: string }) => x.lessonId === quiz)).toMatchObject({ skipped: null });
  });
});
