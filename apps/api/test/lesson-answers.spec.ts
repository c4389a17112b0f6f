import { gzipSync } from 'node:zlib';
import { courseOutlineSchema, learnerLessonSchema } from '@dari/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp, uniqueName } from './test-app.js';

type Who = { id: string; cookie: string };

/**
 * A lesson costs what it shows (issue 18): one lesson of the published version, its Markdown rendered to
 * sanitised HTML when the version was published, and the outline apart; both with a strong ETag and 304.
 */
describe('lesson answers: one lesson, rendered at publish time, and the outline', () => {
  let t: TestApp;
  let author: Who;
  let learner: Who;
  let course: { id: string; slug: string; reading: string; quiz: string; media: string };
  const revisions = new Map<string, number>();
  beforeAll(async () => {
    t = await TestApp.create();
    author = await t.signedIn('instructor');
    learner = await t.signedIn('learner');
    const slug = uniqueName('lesson-').toLowerCase();
    let c = (await api(author, 'POST', '/authoring/courses', { slug, title: { ko: '읽기 과정' } })).body;
    c = (await api(author, 'POST', `/authoring/courses/${c.id}/modules`, { title: { ko: '하나' } })).body;
    const mod = c.modules[0].id;
    const add = async (kind: string, patch: Record<string, unknown>) => {
      const l = (await api(author, 'POST', `/authoring/modules/${mod}/lessons`, { kind, title: { ko: kind } })).body;
      const patched = await api(author, 'PATCH', `/authoring/lessons/${l.id}`, { revision: 0, ...patch });
      expect(patched.status).toBe(200);
      revisions.set(l.id, patched.body.revision);
      return l.id as string;
    };
    const reading = await add('reading', {
      content: {
        kind: 'reading',
        body: {
          ko: '# 권리\n\n> [!NOTE]\n> [[인권]] <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>',
          zh: '## 权利\n\n[[인권|人权]]',
        },
      },
    });
    const quiz = await add('quiz', {
      content: {
        kind: 'quiz',
        passMark: 50,
        shuffle: false,
        questions: [
          { key: 'q1', type: 'true_false', prompt: { ko: '**참**?' }, explanation: { ko: '_네_' }, answer: true },
        ],
      },
    });
    const media = await add('media', {
      content: {
        kind: 'media',
        mediaType: 'video',
        mediaId: null,
        url: 'https://example.org/v',
        transcript: { ko: '# 말' },
      },
    });
    expect((await api(author, 'POST', `/authoring/courses/${c.id}/publish`)).status).toBe(201);
    course = { id: c.id, slug, reading, quiz, media };
  });
  afterAll(() => t.close());

  function api(who: Who | null, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown, headers = {}) {
    return t.request(method, `/api/v1${url}`, { cookie: who?.cookie, body, headers });
  }

  it('sends one lesson with its Markdown as the sanitised HTML rendered when it was published', async () => {
    const res = await api(learner, 'GET', `/courses/${course.slug}/lessons/${course.reading}`);
    expect(res.status).toBe(200);
    const lesson = learnerLessonSchema.parse(res.body);
    expect(lesson.version).toBe(1);
    expect(lesson.lesson.id).toBe(course.reading);
    const content = lesson.lesson.content;
    if (content.kind !== 'reading') throw new Error('a reading');
    expect(content.body.ko).toContain('<h2>권리</h2>');
    expect(content.body.ko).toContain('<aside class="callout callout-note" role="note">');
    expect(content.body.ko).toContain('<mark class="term" data-term="인권">인권</mark>');
    expect(content.body.ko).not.toMatch(/<script|onerror|javascript:|<img/i);
    expect(content.body.zh).toBe('<h2>权利</h2>\n<p><mark class="term" data-term="인권">人权</mark></p>');
    // The whole course's answer stays as it was: no HTML in it.
    const whole = await api(learner, 'GET', `/courses/${course.slug}`);
    expect(JSON.stringify(whole.body)).not.toContain('rendered');
    expect(JSON.stringify(whole.body)).toContain('# 권리');
  });

  it('renders quiz texts and transcripts too, at the heading levels of the player', async () => {
    const quiz = learnerLessonSchema.parse(
      (await api(learner, 'GET', `/courses/${course.slug}/lessons/${course.quiz}`)).body,
    ).lesson.content;
    if (quiz.kind !== 'quiz') throw new Error('a quiz');
    expect(quiz.questions[0].prompt.ko).toBe('<p><strong>참</strong>?</p>');
    const media = learnerLessonSchema.parse(
      (await api(learner, 'GET', `/courses/${course.slug}/lessons/${course.media}`)).body,
    ).lesson.content;
    if (media.kind !== 'media') throw new Error('media');
    expect(media.transcript.ko).toBe('<h3>말</h3>');
  });

  it('answers with a strong ETag, and 304 without a body while the version is the same', async () => {
    const url = `/courses/${course.slug}/lessons/${course.reading}`;
    const first = await api(learner, 'GET', url);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await api(learner, 'GET', url, undefined, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect((await api(learner, 'GET', url, undefined, { 'if-none-match': '"other"' })).status).toBe(200);
    const outline = await api(learner, 'GET', `/courses/${course.slug}/outline`);
    const outlineTag = String(outline.headers.etag);
    expect(
      (await api(learner, 'GET', `/courses/${course.slug}/outline`, undefined, { 'if-none-match': outlineTag })).status,
    ).toBe(304);

    // A new version: new tags, and the new text.
    expect(
      (
        await api(author, 'PATCH', `/authoring/lessons/${course.reading}`, {
          revision: revisions.get(course.reading),
          content: { kind: 'reading', body: { ko: '새 글' } },
        })
      ).status,
    ).toBe(200);
    expect((await api(author, 'POST', `/authoring/courses/${course.id}/publish`)).status).toBe(201);
    const next = await api(learner, 'GET', url, undefined, { 'if-none-match': etag });
    expect(next.status).toBe(200);
    expect(next.headers.etag).not.toBe(etag);
    expect(learnerLessonSchema.parse(next.body).version).toBe(2);
    expect(JSON.stringify(next.body)).toContain('<p>새 글</p>');
    expect(
      (await api(learner, 'GET', `/courses/${course.slug}/outline`, undefined, { 'if-none-match': outlineTag })).status,
    ).toBe(200);
  });

  it('sends the outline without any lesson content', async () => {
    const res = await api(learner, 'GET', `/courses/${course.slug}/outline`);
    const outline = courseOutlineSchema.parse(res.body);
    expect(outline.modules[0].lessons.map((l) => l.id)).toEqual([course.reading, course.quiz, course.media]);
    expect(JSON.stringify(res.body)).not.toMatch(/content|<p>|body/);
  });

  it('renders a version published before lessons were rendered, the same way', async () => {
    // Such a version's snapshot has no HTML (and its row cannot be updated): a copy without it, made the latest.
    await t.db.query(
      `INSERT INTO course_versions (course_id, version, snapshot, meta, lesson_count)
       SELECT course_id, 99, snapshot - 'rendered', meta, lesson_count FROM course_versions
        WHERE course_id = $1 AND version = 2`,
      [course.id],
    );
    await t.db.query(`UPDATE courses SET latest_version = 99 WHERE id = $1`, [course.id]);
    const old = await api(learner, 'GET', `/courses/${course.slug}/lessons/${course.quiz}`);
    expect(old.status).toBe(200);
    const content = learnerLessonSchema.parse(old.body).lesson.content;
    if (content.kind !== 'quiz') throw new Error('a quiz');
    expect(content.questions[0].prompt.ko).toBe('<p><strong>참</strong>?</p>');
    await t.db.query(`UPDATE courses SET latest_version = 2 WHERE id = $1`, [course.id]);
  });

  it('refuses a lesson of a course the learner cannot see, a missing lesson, and a bad id, alike and readably', async () => {
    const missing = await api(learner, 'GET', `/courses/${course.slug}/lessons/00000000-0000-4000-8000-000000000000`);
    expect(missing.status).toBe(404);
    expect((await api(learner, 'GET', `/courses/no-such-course/lessons/${course.reading}`)).status).toBe(404);
    const bad = await api(learner, 'GET', `/courses/${course.slug}/lessons/not-an-id`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('lessonId');
    expect((await api(null, 'GET', `/courses/${course.slug}/lessons/${course.reading}`)).status).toBe(401);
  });

  it("keeps a version's answers in the process, but asks on every request whether the learner may see the course", async () => {
    const lessonUrl = `/courses/${course.slug}/lessons/${course.reading}`;
    const outlineUrl = `/courses/${course.slug}/outline`;
    // Read once: both answers are now kept by this process.
    expect((await api(learner, 'GET', lessonUrl)).status).toBe(200);
    expect((await api(learner, 'GET', outlineUrl)).status).toBe(200);
    const other = await t.signedIn('learner');
    try {
      // Only for cohorts now; neither learner is in one or enrolled: the kept answers are not given out.
      await t.db.query(`UPDATE courses SET enrolment_policy = 'cohort' WHERE id = $1`, [course.id]);
      for (const who of [learner, other]) {
        expect((await api(who, 'GET', lessonUrl)).status).toBe(404);
        expect((await api(who, 'GET', outlineUrl)).status).toBe(404);
      }
      await t.db.query(`UPDATE courses SET enrolment_policy = 'open', status = 'archived' WHERE id = $1`, [course.id]);
      expect((await api(learner, 'GET', lessonUrl)).status).toBe(404);
      expect((await api(other, 'GET', outlineUrl)).status).toBe(404);
    } finally {
      await t.db.query(`UPDATE courses SET enrolment_policy = 'open', status = 'published' WHERE id = $1`, [course.id]);
    }
    expect((await api(other, 'GET', lessonUrl)).status).toBe(200);
  });

  it('costs a fraction of the whole course (sizes printed for docs/performance.md)', async () => {
    const whole = JSON.stringify((await api(learner, 'GET', `/courses/${course.slug}`)).body);
    const one = JSON.stringify((await api(learner, 'GET', `/courses/${course.slug}/lessons/${course.reading}`)).body);
    expect(one.length).toBeLessThan(whole.length);
    console.log(
      `course ${whole.length} B (${gzipSync(whole).length} gz), lesson ${one.length} B (${gzipSync(one).length} gz)`,
    );
  });
});
