import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp, uniqueName } from './test-app.js';

type Who = { id: string; cookie: string };

describe('learning: enrolment, progress events, completion, certificates', () => {
  let t: TestApp;
  let author: Who;
  beforeAll(async () => {
    t = await TestApp.create();
    author = await t.signedIn('instructor');
  });
  afterAll(() => t.close());

  const api = (who: Who | null, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
    t.request(method, `/api/v1${url}`, { cookie: who?.cookie, body });
  const ev = (lessonId: string, type: string, extra: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    lessonId,
    type,
    occurredAt: new Date().toISOString(),
    ...extra,
  });

  /** A published course: a reading, a content-noted reading, a quiz (pass mark 50), an optional reflection. */
  async function publishedCourse(opts: { sequential?: boolean; policy?: 'open' | 'code' } = {}) {
    const slug = uniqueName('learn-').toLowerCase();
    let c = (await api(author, 'POST', '/authoring/courses', { slug, title: { ko: '배우기' } })).body;
    c = (await api(author, 'POST', `/authoring/courses/${c.id}/modules`, { title: { ko: '하나' } })).body;
    const mod = c.modules[0].id;
    const add = async (kind: string, title: string, patch: Record<string, unknown>) => {
      const l = (await api(author, 'POST', `/authoring/modules/${mod}/lessons`, { kind, title: { ko: title } })).body;
      const r = await api(author, 'PATCH', `/authoring/lessons/${l.id}`, { revision: 0, ...patch });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return l.id as string;
    };
    const reading = await add('reading', '읽기', { content: { kind: 'reading', body: { ko: '본문' } } });
    const sensitive = await add('reading', '어려운 이야기', {
      contentNote: { ko: '힘들면 건너뛰어도 돼요.' },
      content: { kind: 'reading', body: { ko: '본문' } },
    });
    const quiz = await add('quiz', '퀴즈', {
      content: {
        kind: 'quiz',
        passMark: 50,
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
    const reflection = await add('reflection', '생각', {
      required: false,
      content: { kind: 'reflection', prompt: { ko: '무엇을 느꼈나요?' } },
    });
    c = (await api(author, 'GET', `/authoring/courses/${c.id}`)).body;
    const settings: Record<string, unknown> = { revision: c.revision, sequential: opts.sequential ?? false };
    if (opts.policy === 'code')
      Object.assign(settings, { enrolmentPolicy: 'code', courseCode: `CODE-${slug.slice(-6).toUpperCase()}` });
    expect((await api(author, 'PATCH', `/authoring/courses/${c.id}`, settings)).status).toBe(200);
    expect((await api(author, 'POST', `/authoring/courses/${c.id}/publish`)).status).toBe(201);
    return {
      courseId: c.id as string,
      slug,
      reading,
      sensitive,
      quiz,
      reflection,
      code: settings.courseCode as string | undefined,
    };
  }

  it('a learner enrols, learns, fails the quiz once, passes, completes, and gets a certificate anyone can verify', async () => {
    const c = await publishedCourse();
    const learner = await t.signedIn('learner');
    const enrolled = await api(learner, 'POST', `/courses/${c.slug}/enrol`, {});
    expect(enrolled.status).toBe(200);
    expect(enrolled.body).toMatchObject({
      status: 'active',
      percent: 0,
      next: { lessonId: c.reading, position: null },
    });

    const step1 = await api(learner, 'POST', '/progress/events', {
      events: [
        ev(c.reading, 'viewed'),
        ev(c.reading, 'position', { position: 420 }),
        ev(c.reading, 'time_spent', { seconds: 90 }),
        ev(c.reading, 'completed'),
      ],
    });
    expect(step1.status).toBe(200);
    expect(step1.body.results.map((r: { status: string }) => r.status)).toEqual([
      'recorded',
      'recorded',
      'recorded',
      'recorded',
    ]);
    expect(step1.body.enrolments[0]).toMatchObject({ percent: 33, next: { lessonId: c.sensitive } });

    const skipped = await api(learner, 'POST', '/progress/events', { events: [ev(c.sensitive, 'skipped')] });
    expect(skipped.body.results[0].status).toBe('recorded');
    const fail = await api(learner, 'POST', '/progress/events', {
      events: [ev(c.quiz, 'quiz_submitted', { answers: { q1: ['b'], q2: false, q3: '모르겠어요' } })],
    });
    expect(fail.body.results[0].quiz).toEqual({
      score: 0,
      passed: false,
      correct: { q1: false, q2: false },
      // The right answers and explanations come with the grading, as the player's HTML.
      review: {
        q1: { options: ['a'], explanation: { ko: '<p>!</p>' } },
        q2: { answer: true, explanation: { ko: '<p>!</p>' } },
        q3: { explanation: { ko: '<p>!</p>' } },
      },
    });
    expect(fail.body.enrolments[0]).toMatchObject({ status: 'active', percent: 66 });
    const pass = await api(learner, 'POST', '/progress/events', {
      events: [ev(c.quiz, 'quiz_submitted', { answers: { q1: ['a'], q2: false } })],
    });
    expect(pass.body.results[0].quiz).toMatchObject({ score: 50, passed: true });
    const done = pass.body.enrolments[0];
    expect(done).toMatchObject({ status: 'completed', percent: 100 });
    expect(done.completedAt).not.toBeNull();
    expect(done.certificateCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const progress = (await api(learner, 'GET', `/courses/${c.slug}/progress`)).body;
    expect(progress.lessons.find((l: { lessonId: string }) => l.lessonId === c.quiz)).toMatchObject({
      status: 'completed',
      attempts: 2,
      bestScore: 50,
      passed: true,
    });
    expect(progress.lessons.find((l: { lessonId: string }) => l.lessonId === c.reading)).toMatchObject({
      timeSpentSeconds: 90,
      position: 420,
    });

    const certs = (await api(learner, 'GET', '/me/certificates')).body.items;
    expect(certs[0]).toMatchObject({ code: done.certificateCode, courseTitle: { ko: '배우기' }, valid: true });
    const renamed = await api(learner, 'PATCH', `/me/certificates/${certs[0].id}`, { name: '바다' });
    expect(renamed.body.name).toBe('바다');
    const verify = await t.request('GET', `/api/v1/certificates/verify/${done.certificateCode.toLowerCase()}`);
    expect(verify.status).toBe(200);
    expect(verify.body).toEqual({
      name: '바다',
      courseTitle: { ko: '배우기' },
      issuedAt: certs[0].issuedAt,
      valid: true,
    });
    expect((await t.request('GET', '/api/v1/certificates/verify/AAAA-BBBB-CCCC')).status).toBe(404);
    expect((await t.request('GET', '/api/v1/certificates/verify/not-a-code')).status).toBe(400);
    const mine = (await api(learner, 'GET', '/me/learning')).body.items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: 'completed', next: { lessonId: c.reflection } });
  });

  it('a learner reads back their own quiz attempts (answers and what was right), never another learner’s', async () => {
    const c = await publishedCourse();
    const [learner, other] = await Promise.all([t.signedIn('learner'), t.signedIn('learner')]);
    for (const who of [learner, other]) await api(who, 'POST', `/courses/${c.slug}/enrol`, {});
    await api(learner, 'POST', '/progress/events', {
      events: [
        ev(c.quiz, 'quiz_submitted', {
          answers: { q1: ['b'], q2: false, q3: '모르겠어요' },
          occurredAt: new Date(Date.now() - 60_000).toISOString(),
        }),
      ],
    });
    await api(learner, 'POST', '/progress/events', {
      events: [ev(c.quiz, 'quiz_submitted', { answers: { q1: ['a'], q2: false } })],
    });

    const mine = await api(learner, 'GET', `/me/quiz-attempts?lessonId=${c.quiz}`);
    expect(mine.status).toBe(200);
    // Newest first: the player shows the last attempt again after a reload.
    expect(mine.body.items).toMatchObject([
      {
        lessonId: c.quiz,
        answers: { q1: ['a'], q2: false },
        correct: { q1: true, q2: false },
        score: 50,
        passed: true,
      },
      {
        lessonId: c.quiz,
        answers: { q1: ['b'], q2: false, q3: '모르겠어요' },
        correct: { q1: false, q2: false },
        score: 0,
        passed: false,
      },
    ]);
    // With each attempt, the right answers and why, as the quiz is published now.
    expect(mine.body.items[1].review).toEqual({
      q1: { options: ['a'], explanation: { ko: '<p>!</p>' } },
      q2: { answer: true, explanation: { ko: '<p>!</p>' } },
      q3: { explanation: { ko: '<p>!</p>' } },
    });
    // Another learner asking about the same quiz sees only their own (none), and nobody signed out sees anything.
    expect((await api(other, 'GET', `/me/quiz-attempts?lessonId=${c.quiz}`)).body).toEqual({ items: [] });
    expect((await api(null, 'GET', `/me/quiz-attempts?lessonId=${c.quiz}`)).status).toBe(401);
    // A bad or missing lesson id is a 400 naming the field.
    const bad = await api(learner, 'GET', '/me/quiz-attempts?lessonId=nope');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('lessonId');
    expect((await api(learner, 'GET', '/me/quiz-attempts')).status).toBe(400);
  });

  it('no answer a learner reads carries a quiz’s right answers or explanations before they answer it (issue 18)', async () => {
    const c = await publishedCourse();
    const learner = await t.signedIn('learner');
    const reads = async () => {
      const urls = [
        `/courses/${c.slug}`,
        `/courses/${c.slug}/outline`,
        `/courses/${c.slug}/progress`,
        ...[c.reading, c.sensitive, c.quiz, c.reflection].map((id) => `/courses/${c.slug}/lessons/${id}`),
        '/courses',
        '/me/learning',
        '/me/results',
        `/me/quiz-attempts?lessonId=${c.quiz}`,
      ];
      const out: Record<string, string> = {};
      for (const url of urls) {
        const res = await api(learner, 'GET', url);
        expect(res.status, url).toBe(200);
        out[url] = JSON.stringify(res.body);
      }
      return out;
    };
    await api(learner, 'POST', `/courses/${c.slug}/enrol`, {});
    for (const [url, body] of Object.entries(await reads())) {
      // No option's `correct`, no true/false `answer`, no explanation (the course's explanations are "!").
      expect(body, url).not.toMatch(/"correct"|"answer"|"explanation"|"review"/);
    }
    // The quiz itself is there to answer: prompts and the options' texts.
    const quiz = (await api(learner, 'GET', `/courses/${c.slug}/lessons/${c.quiz}`)).body.lesson.content;
    expect(quiz.questions).toEqual([
      {
        key: 'q1',
        type: 'single',
        prompt: { ko: '<p>?</p>' },
        options: [
          { key: 'a', text: { ko: '맞음' } },
          { key: 'b', text: { ko: '틀림' } },
        ],
      },
      { key: 'q2', type: 'true_false', prompt: { ko: '<p>?</p>' } },
      { key: 'q3', type: 'short_answer', prompt: { ko: '<p>?</p>' } },
    ]);

    // Answered while offline an hour ago, sent now with a repeat: graded once, the review with it.
    const offline = ev(c.quiz, 'quiz_submitted', {
      answers: { q1: ['b'], q2: true },
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    const sent = await api(learner, 'POST', '/progress/events', { events: [offline, offline] });
    expect(sent.status).toBe(200);
    expect(sent.body.results.map((r: { status: string }) => r.status)).toEqual(['recorded', 'duplicate']);
    expect(sent.body.results[0].quiz).toMatchObject({
      score: 50,
      correct: { q1: false, q2: true },
      review: { q1: { options: ['a'] }, q2: { answer: true } },
    });
    // Only after answering do the learner's own reads carry them: their attempts and My results.
    const after = await reads();
    expect(after[`/me/quiz-attempts?lessonId=${c.quiz}`]).toContain('"review"');
    expect(after[`/courses/${c.slug}`]).not.toMatch(/"correct"|"answer"|"explanation"/);
    expect(after[`/courses/${c.slug}/lessons/${c.quiz}`]).not.toMatch(/"correct"|"answer"|"explanation"/);
  });

  it('wrong certificate codes from one address end in 429 for a while; real certificates never count; other addresses are unaffected', async () => {
    const c = await publishedCourse();
    const learner = await t.signedIn('learner');
    await api(learner, 'POST', `/courses/${c.slug}/enrol`, {});
    await api(learner, 'POST', '/progress/events', {
      events: [
        ev(c.reading, 'completed'),
        ev(c.sensitive, 'completed'),
        ev(c.quiz, 'quiz_submitted', { answers: { q1: ['a'], q2: true } }),
      ],
    });
    const cert = (await api(learner, 'GET', '/me/certificates')).body.items[0];
    expect(cert.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const before = await t.db.query(`SELECT * FROM certificates WHERE id = $1`, [cert.id]);
    // From a given client address (Fastify's inject sets the socket address; no proxy is trusted here).
    const verify = async (code: string, remoteAddress: string) => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/certificates/verify/${code}`,
        remoteAddress,
        headers: { 'x-dari-client': 'web' },
      });
      return { status: res.statusCode, headers: res.headers, body: JSON.parse(res.body) };
    };
    // 'L' is not in the code alphabet: these can never be a certificate.
    const guess = (i: number) => `LLLL-LLLL-LL${'23456789'[i % 8]}${'23456789'[Math.floor(i / 8) % 8]}`;
    const prober = '198.51.100.7';
    const employer = '198.51.100.8';
    const LIMIT = 30; // DARI_VERIFY_MAX_MISSES_PER_IP's default: misses per address per 15 minutes

    // Misses and real lookups mixed: only the misses add up, so all 30 misses are answered.
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) {
      statuses.push((await verify(guess(i), prober)).status);
      if (i % 3 === 0) {
        const real = await verify(cert.code, prober);
        expect(real.status, `real code after ${i + 1} misses`).toBe(200);
        expect(real.body).toMatchObject({ name: cert.name, valid: true });
      }
    }
    expect(statuses).toEqual(Array(LIMIT).fill(404));

    // The next miss is refused with the wait, in words and in Retry-After.
    const blocked = await verify(guess(LIMIT), prober);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('too_many_attempts');
    expect(blocked.body.message).toMatch(/^Too many attempts\. Try again in \d+ minutes\.$/);
    expect(blocked.body.retryAfter).toBeGreaterThan(0);
    expect(blocked.body.retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(Number(blocked.headers['retry-after'])).toBe(blocked.body.retryAfter);
    // Past the limit a right code is refused too: a prober learns nothing from the answer.
    expect((await verify(cert.code, prober)).status).toBe(429);

    // Another address is not affected: the real certificate verifies and a wrong code is a plain 404.
    const elsewhere = await verify(cert.code.toLowerCase(), employer);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body).toEqual({
      name: cert.name,
      courseTitle: cert.courseTitle,
      issuedAt: cert.issuedAt,
      valid: true,
    });
    expect((await verify(guess(0), employer)).status).toBe(404);

    // Nothing else changed: the certificate is as it was and still the learner's, valid.
    expect(await t.db.query(`SELECT * FROM certificates WHERE id = $1`, [cert.id])).toEqual(before);
    expect((await api(learner, 'GET', '/me/certificates')).body.items).toEqual([cert]);

    // Not permanent: when the window has passed, the prober's address verifies again.
    t.clock.advance(15 * 60_000);
    expect((await verify(cert.code, prober)).status).toBe(200);
    expect((await verify(guess(0), prober)).status).toBe(404);
  });

  it('the same batch sent twice, or 50 times at the same moment, counts each event once', async () => {
    const c = await publishedCourse();
    const learner = await t.signedIn('learner');
    await api(learner, 'POST', `/courses/${c.slug}/enrol`, {});
    const batch = {
      events: [
        ev(c.reading, 'time_spent', { seconds: 30 }),
        ev(c.reading, 'completed'),
        ev(c.quiz, 'quiz_submitted', { answers: { q1: ['b'] } }),
      ],
    };
    const first = await api(learner, 'POST', '/progress/events', batch);
    expect(first.body.results.map((r: { status: string }) => r.status)).toEqual(['recorded', 'recorded', 'recorded']);
    const again = await api(learner, 'POST', '/progress/events', batch);
    expect(again.body.results.map((r: { status: string }) => r.status)).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
    ]);
    const storm = {
      events: [
        ev(c.reading, 'time_spent', { seconds: 7 }),
        ev(c.quiz, 'quiz_submitted', { answers: { q1: ['a'], q2: true } }),
      ],
    };
    const replies = await Promise.all(
      Array.from({ length: 50 }, () => api(learner, 'POST', '/progress/events', storm)),
    );
    expect(replies.every((r) => r.status === 200)).toBe(true);
    const recorded = replies.flatMap((r) => r.body.results).filter((r: { status: string }) => r.status === 'recorded');
    expect(recorded).toHaveLength(2);
    const [row] = await t.db.query(
      `SELECT time_spent_seconds FROM lesson_progress WHERE user_id = $1 AND lesson_id = $2`,
      [learner.id, c.reading],
    );
    expect(row.time_spent_seconds).toBe(37);
    const [quiz] = await t.db.query(
      `SELECT attempts, passed FROM lesson_progress WHERE user_id = $1 AND lesson_id = $2`,
      [learner.id, c.quiz],
    );
    expect(quiz).toEqual({ attempts: 2, passed: true });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM learning_events WHERE user_id = $1`, [learner.id]);
    expect(n).toBe(5);
    const [e] = await t.db.query(`SELECT percent, status FROM enrolments WHERE user_id = $1`, [learner.id]);
    expect(e).toEqual({ percent: 66, status: 'active' });
  });

  it('refuses events per event, with a reason, and keeps the rest of the batch', async () => {
    const c = await publishedCourse();
    const other = await publishedCourse();
    const learner = await t.signedIn('learner');
    await api(learner, 'POST', `/courses/${c.slug}/enrol`, {});
    const res = await api(learner, 'POST', '/progress/events', {
      events: [
        ev(c.reading, 'completed'),
        ev(other.reading, 'completed'),
        ev(randomUUID(), 'viewed'),
        ev(c.reading, 'skipped'),
        ev(c.quiz, 'completed'),
        ev(c.quiz, 'quiz_submitted', { answers: { zz: true } }),
        ev(c.reading, 'reflection_saved', { text: 'x', shared: false }),
      ],
    });
    expect(res.body.results.map((r: { status: string; reason?: string }) => r.reason ?? r.status)).toEqual([
      'recorded',
      'not_enrolled',
      'lesson_not_found',
      'no_content_note',
      'wrong_kind',
      'invalid_answers',
      'wrong_kind',
    ]);
    expect(res.body.results[1].message).toMatch(/Enrol/);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM learning_events WHERE user_id = $1`, [learner.id]);
    expect(n).toBe(1);
    const bad = await api(learner, 'POST', '/progress/events', {
      events: [{ id: 'nope', lessonId: c.reading, type: 'viewed', occurredAt: 'yesterday' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'body.events.0.id',
      'body.events.0.occurredAt',
    ]);
    expect((await api(learner, 'POST', '/progress/events', { events: [] })).status).toBe(400);
  });

  it('enforces sequential locks on the server', async () => {
    const c = await publishedCourse({ sequential: true });
    const learner = await t.signedIn('learner');
    await api(learner, 'POST', `/courses/${c.slug}/enrol`, {});
    const early = await api(learner, 'POST', '/progress/events', {
      events: [ev(c.quiz, 'quiz_submitted', { answers: { q1: ['a'] } }), ev(c.sensitive, 'completed')],
    });
    expect(early.body.results.map((r: { reason?: string }) => r.reason)).toEqual(['locked', 'locked']);
    const progress = (await api(learner, 'GET', `/courses/${c.slug}/progress`)).body.lessons;
    expect(progress.map((l: { locked: boolean }) => l.locked)).toEqual([false, true, true, true]);
    await api(learner, 'POST', '/progress/events', {
      events: [
        ev(c.reading, 'completed'),
        ev(c.sensitive, 'skipped'),
        ev(c.quiz, 'quiz_submitted', { answers: { q1: ['a'], q2: true } }),
      ],
    });
    const after = (await api(learner, 'GET', `/courses/${c.slug}/progress`)).body;
    expect(after.lessons.map((l: { locked: boolean }) => l.locked)).toEqual([false, false, false, false]);
    expect(after.enrolment.status).toBe('completed');
  });

  it('a republish: removed lessons stop counting, new required lessons are due, progress on kept lessons survives', async () => {
    const c = await publishedCourse();
    const learner = await t.signedIn('learner');
    await api(learner, 'POST', `/courses/${c.slug}/enrol`, {});
    await api(learner, 'POST', '/progress/events', {
      events: [ev(c.reading, 'completed'), ev(c.sensitive, 'completed')],
    });
    expect((await api(learner, 'GET', '/me/learning')).body.items[0].percent).toBe(66);
    // Remove the quiz and republish: the two done lessons are all that is required now.
    await api(author, 'DELETE', `/authoring/lessons/${c.quiz}`);
    await api(author, 'POST', `/authoring/courses/${c.courseId}/publish`);
    const after = (await api(learner, 'GET', '/me/learning')).body.items[0];
    expect(after).toMatchObject({ status: 'completed', percent: 100 });
    expect(after.certificateCode).not.toBeNull();

    // Another learner half-way; a new required lesson appears.
    const second = await t.signedIn('learner');
    await api(second, 'POST', `/courses/${c.slug}/enrol`, {});
    await api(second, 'POST', '/progress/events', { events: [ev(c.reading, 'completed')] });
    const course = (await api(author, 'GET', `/authoring/courses/${c.courseId}`)).body;
    const extra = (
      await api(author, 'POST', `/authoring/modules/${course.modules[0].id}/lessons`, {
        kind: 'reading',
        title: { ko: '새 수업' },
      })
    ).body;
    await api(author, 'PATCH', `/authoring/lessons/${extra.id}`, {
      revision: 0,
      content: { kind: 'reading', body: { ko: '새 본문' } },
    });
    await api(author, 'POST', `/authoring/courses/${c.courseId}/publish`);
    const mid = (await api(second, 'GET', '/me/learning')).body.items[0];
    expect(mid).toMatchObject({ status: 'active', percent: 33 });
    const kept = (await api(second, 'GET', `/courses/${c.slug}/progress`)).body.lessons.find(
      (l: { lessonId: string }) => l.lessonId === c.reading,
    );
    expect(kept.status).toBe('completed');
    // The first learner's completion stands.
    expect((await api(learner, 'GET', '/me/learning')).body.items[0].status).toBe('completed');
    // Events about the removed quiz are refused now.
    const gone = await api(second, 'POST', '/progress/events', {
      events: [ev(c.quiz, 'quiz_submitted', { answers: {} })],
    });
    expect(gone.body.results[0].reason).toBe('lesson_not_found');
  });

  it('reflections go to the private journal; only the learner sees them', async () => {
    const c = await publishedCourse();
    const learner = await t.signedIn('learner');
    await api(learner, 'POST', `/courses/${c.slug}/enrol`, {});
    const secret = `나의 생각 ${uniqueName()}`;
    t.secrets.add(secret);
    await api(learner, 'POST', '/progress/events', {
      events: [ev(c.reflection, 'reflection_saved', { text: secret, shared: false })],
    });
    const journal = (await api(learner, 'GET', '/me/journal')).body.items;
    expect(journal).toEqual([
      expect.objectContaining({ lessonId: c.reflection, text: secret, shared: false, lessonTitle: { ko: '생각' } }),
    ]);
    const other = await t.signedIn('learner');
    expect((await api(other, 'GET', '/me/journal')).body.items).toEqual([]);
    const [row] = await t.db.query(
      `SELECT payload::text AS p FROM learning_events WHERE user_id = $1 AND type = 'reflection_saved'`,
      [learner.id],
    );
    expect(row.p).not.toContain(secret);
    // Not shared: the instructor sees nothing. Shared: the course's instructor reads it (audited); nobody else.
    expect((await api(author, 'GET', `/reports/courses/${c.courseId}/reflections`)).body.items).toEqual([]);
    await api(learner, 'POST', '/progress/events', {
      events: [ev(c.reflection, 'reflection_saved', { text: secret, shared: true })],
    });
    const shared = (await api(author, 'GET', `/reports/courses/${c.courseId}/reflections`)).body.items;
    expect(shared).toEqual([
      expect.objectContaining({
        lessonId: c.reflection,
        text: secret,
        lessonTitle: { ko: '생각' },
        learner: expect.stringMatching(/^이름 /),
      }),
    ]);
    const otherInstructor = await t.signedIn('instructor');
    expect((await api(otherInstructor, 'GET', `/reports/courses/${c.courseId}/reflections`)).status).toBe(404);
    expect((await api(await t.signedIn('manager'), 'GET', `/reports/courses/${c.courseId}/reflections`)).status).toBe(
      403,
    );
    expect((await api(learner, 'GET', `/reports/courses/${c.courseId}/reflections`)).status).toBe(403);
    const audited = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'reflections.viewed' AND actor_id = $1`,
      [author.id],
    );
    expect(audited[0].n).toBe(2);
  });

  it('course codes, withdrawing and re-enrolling', async () => {
    const c = await publishedCourse({ policy: 'code' });
    const learner = await t.signedIn('learner');
    const wrong = await api(learner, 'POST', `/courses/${c.slug}/enrol`, { code: 'NOPE-NOPE' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('wrong_course_code');
    expect((await api(learner, 'POST', `/courses/${c.slug}/enrol`, {})).status).toBe(400);
    const ok = await api(learner, 'POST', `/courses/${c.slug}/enrol`, { code: c.code!.toLowerCase() });
    expect(ok.status).toBe(200);
    await api(learner, 'POST', '/progress/events', { events: [ev(c.reading, 'completed')] });
    const out = await api(learner, 'POST', `/enrolments/${ok.body.id}/withdraw`);
    expect(out.body.status).toBe('withdrawn');
    expect((await api(learner, 'GET', '/me/learning')).body.items).toEqual([]);
    const refused = await api(learner, 'POST', '/progress/events', { events: [ev(c.sensitive, 'completed')] });
    expect(refused.body.results[0].reason).toBe('not_enrolled');
    const back = await api(learner, 'POST', `/courses/${c.slug}/enrol`, { code: c.code });
    expect(back.body).toMatchObject({ id: ok.body.id, status: 'active', percent: 33 });
  });

  it("a learner cannot see or touch another learner's enrolment, certificate or progress", async () => {
    const c = await publishedCourse();
    const a = await t.signedIn('learner');
    const b = await t.signedIn('learner');
    const ea = (await api(a, 'POST', `/courses/${c.slug}/enrol`, {})).body;
    await api(a, 'POST', '/progress/events', {
      events: [
        ev(c.reading, 'completed'),
        ev(c.sensitive, 'completed'),
        ev(c.quiz, 'quiz_submitted', { answers: { q1: ['a'], q2: true } }),
      ],
    });
    const cert = (await api(a, 'GET', '/me/certificates')).body.items[0];
    const missing = randomUUID();
    for (const [method, path, body] of [
      ['POST', `/enrolments/${ea.id}/withdraw`],
      ['PATCH', `/me/certificates/${cert.id}`, { name: '남의 이름' }],
    ] as const) {
      const forbidden = await api(b, method, path, body);
      const absent = await api(b, method, path.replace(/[0-9a-f-]{36}/, missing), body);
      expect(forbidden.status, path).toBe(404);
      expect({ ...forbidden.body, requestId: 0 }).toEqual({ ...absent.body, requestId: 0 });
    }
    expect((await api(b, 'GET', '/me/learning')).body.items).toEqual([]);
    expect((await api(b, 'GET', '/me/certificates')).body.items).toEqual([]);
    expect((await api(b, 'GET', `/courses/${c.slug}/progress`)).body.enrolment).toBeNull();
    const [row] = await t.db.query(`SELECT status FROM enrolments WHERE id = $1`, [ea.id]);
    expect(row.status).toBe('completed');
    expect((await api(a, 'GET', '/me/certificates')).body.items[0].name).not.toBe('남의 이름');
  });
  it('a learner in two courses sees each course with its own enrolment, and withdrawing from one leaves the other alone', async () => {
    const a = await publishedCourse();
    const b = await publishedCourse();
    const c3 = await publishedCourse();
    const learner = await t.signedIn('learner');
    const ea = (await api(learner, 'POST', `/courses/${a.slug}/enrol`, {})).body;
    await api(learner, 'POST', '/progress/events', { events: [ev(a.reading, 'completed')] });
    // Only course a is joined: b and c3 answer "not enrolled", never a's enrolment.
    expect((await api(learner, 'GET', `/courses/${b.slug}/progress`)).body.enrolment).toBeNull();
    expect((await api(learner, 'GET', `/courses/${c3.slug}/progress`)).body.enrolment).toBeNull();
    const eb = (await api(learner, 'POST', `/courses/${b.slug}/enrol`, {})).body;
    expect(eb.id).not.toBe(ea.id);
    expect(eb).toMatchObject({ courseId: b.courseId, slug: b.slug, percent: 0, status: 'active' });
    expect((await api(learner, 'GET', `/courses/${a.slug}/progress`)).body.enrolment).toMatchObject({
      id: ea.id,
      courseId: a.courseId,
      percent: 33,
    });
    expect((await api(learner, 'GET', `/courses/${b.slug}/progress`)).body.enrolment).toMatchObject({
      id: eb.id,
      courseId: b.courseId,
      percent: 0,
    });
    expect((await api(learner, 'POST', `/enrolments/${eb.id}/withdraw`)).body).toMatchObject({
      id: eb.id,
      status: 'withdrawn',
    });
    expect((await api(learner, 'GET', `/courses/${a.slug}/progress`)).body.enrolment).toMatchObject({
      id: ea.id,
      status: 'active',
      percent: 33,
    });
    expect((await api(learner, 'GET', `/courses/${b.slug}/progress`)).body.enrolment).toBeNull();
    const mine = (await api(learner, 'GET', '/me/learning')).body.items;
    expect(mine.map((e: { id: string }) => e.id)).toEqual([ea.id]);
  });
  // Found by the learner model (test/learner-model.spec.ts); each of these failed before its fix.
  describe('what the learner model found', () => {
    it('a skipped content-noted quiz that is passed later counts, and completes the course', async () => {
      const c = await publishedCourse();
      // Give the quiz a content note, so it can be skipped.
      const draft = (await api(author, 'GET', `/authoring/courses/${c.courseId}`)).body;
      const quizLesson = (await api(author, 'GET', `/authoring/lessons/${c.quiz}`)).body;
      expect(
        (
          await api(author, 'PATCH', `/authoring/lessons/${c.quiz}`, {
            revision: quizLesson.revision,
            contentNote: { ko: '힘들면 건너뛰어도 돼요.' },
          })
        ).status,
      ).toBe(200);
      expect(draft.id).toBe(c.courseId);
      expect((await api(author, 'POST', `/authoring/courses/${c.courseId}/publish`)).status).toBe(201);
      const learner = await t.signedIn('learner');
      await api(learner, 'POST', `/courses/${c.slug}/enrol`, {});
      const first = await api(learner, 'POST', '/progress/events', {
        events: [ev(c.reading, 'completed'), ev(c.sensitive, 'skipped'), ev(c.quiz, 'skipped')],
      });
      expect(first.body.enrolments[0]).toMatchObject({ status: 'active', percent: 66 });
      const passed = await api(learner, 'POST', '/progress/events', {
        events: [ev(c.quiz, 'quiz_submitted', { answers: { q1: ['a'], q2: true } })],
      });
      expect(passed.body.enrolments[0]).toMatchObject({ status: 'completed', percent: 100 });
      expect((await api(learner, 'GET', '/me/certificates')).body.items).toHaveLength(1);
    });

    it('yesterday\'s offline work arriving late does not move "Continue" back', async () => {
      const c = await publishedCourse();
      const learner = await t.signedIn('learner');
      await api(learner, 'POST', `/courses/${c.slug}/enrol`, {});
      const now = Date.now();
      await api(learner, 'POST', '/progress/events', {
        events: [{ ...ev(c.quiz, 'viewed'), occurredAt: new Date(now - 1000).toISOString() }],
      });
      // The other phone comes back online with a lesson viewed a day ago.
      const late = await api(learner, 'POST', '/progress/events', {
        events: [{ ...ev(c.sensitive, 'viewed'), occurredAt: new Date(now - 86_400_000).toISOString() }],
      });
      expect(late.body.enrolments[0].next).toMatchObject({ lessonId: c.quiz });
      expect((await api(learner, 'GET', `/courses/${c.slug}/progress`)).body.enrolment.next).toMatchObject({
        lessonId: c.quiz,
      });
    });

    it('a learner removed from a cohort keeps the cohort-only course they started: page, My learning and events agree', async () => {
      const c = await publishedCourse();
      const draft = (await api(author, 'GET', `/authoring/courses/${c.courseId}`)).body;
      expect(
        (
          await api(author, 'PATCH', `/authoring/courses/${c.courseId}`, {
            revision: draft.revision,
            enrolmentPolicy: 'cohort',
          })
        ).status,
      ).toBe(200);
      expect((await api(author, 'POST', `/authoring/courses/${c.courseId}/publish`)).status).toBe(201);
      const manager = await t.signedIn('manager');
      const learner = await t.signedIn('learner');
      const cohort = (await api(manager, 'POST', '/cohorts', { name: uniqueName('모임 ') })).body;
      await api(manager, 'PUT', `/cohorts/${cohort.id}/courses`, { courseId: c.courseId, dueOn: null });
      await api(manager, 'POST', `/cohorts/${cohort.id}/members`, {
        members: [{ userId: learner.id, role: 'learner' }],
      });
      await api(learner, 'POST', '/progress/events', { events: [ev(c.reading, 'completed')] });
      expect((await api(manager, 'DELETE', `/cohorts/${cohort.id}/members/${learner.id}`)).status).toBe(200);
      const page = await api(learner, 'GET', `/courses/${c.slug}/progress`);
      expect(page.status).toBe(200);
      expect(page.body.enrolment).toMatchObject({ percent: 33, status: 'active' });
      expect((await api(learner, 'GET', '/me/learning')).body.items.map((e: { slug: string }) => e.slug)).toEqual([
        c.slug,
      ]);
      expect((await api(learner, 'GET', '/courses')).body.items.map((x: { slug: string }) => x.slug)).toContain(c.slug);
      // Once withdrawn, the course is gone for them, as for anyone outside the cohort.
      await api(learner, 'POST', `/enrolments/${page.body.enrolment.id}/withdraw`);
      expect((await api(learner, 'GET', `/courses/${c.slug}/progress`)).status).toBe(404);
    });

    it('a finished course stays at 100 % when a republish adds lessons the learner then starts', async () => {
      const c = await publishedCourse();
      const learner = await t.signedIn('learner');
      await api(learner, 'POST', `/courses/${c.slug}/enrol`, {});
      await api(learner, 'POST', '/progress/events', {
        events: [
          ev(c.reading, 'completed'),
          ev(c.sensitive, 'completed'),
          ev(c.quiz, 'quiz_submitted', { answers: { q1: ['a'], q2: true } }),
        ],
      });
      const draft = (await api(author, 'GET', `/authoring/courses/${c.courseId}`)).body;
      const added: string[] = [];
      for (const title of ['새 수업 1', '새 수업 2']) {
        const l = (
          await api(author, 'POST', `/authoring/modules/${draft.modules[0].id}/lessons`, {
            kind: 'reading',
            title: { ko: title },
          })
        ).body;
        await api(author, 'PATCH', `/authoring/lessons/${l.id}`, {
          revision: 0,
          content: { kind: 'reading', body: { ko: '본문' } },
        });
        added.push(l.id);
      }
      expect((await api(author, 'POST', `/authoring/courses/${c.courseId}/publish`)).status).toBe(201);
      const after = await api(learner, 'POST', '/progress/events', { events: [ev(added[0], 'completed')] });
      expect(after.body.enrolments[0]).toMatchObject({ status: 'completed', percent: 100 });
    });
  });
});
