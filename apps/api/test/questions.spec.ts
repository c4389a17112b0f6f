import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUESTIONS_PER_DAY } from '@dari/contracts';
import { Fixtures } from './access-matrix.fixtures.js';
import { TestApp, uniqueName } from './test-app.js';

type Who = { id: string; cookie: string };

/** Questions to the instructor and "my results" (issue 17, docs/learning-together.md). */
describe('questions to the instructor, published Q&A, and my results', () => {
  let t: TestApp;
  let author: Who;
  let coAuthor: Who;
  let otherAuthor: Who;
  let asker: Who;
  let classmate: Who;
  let outsider: Who;
  let c: Awaited<ReturnType<typeof publishedCourse>>;
  beforeAll(async () => {
    t = await TestApp.create();
    [author, coAuthor, otherAuthor, asker, classmate, outsider] = await Promise.all([
      t.signedIn('instructor'),
      t.signedIn('instructor'),
      t.signedIn('instructor'),
      t.signedIn('learner'),
      t.signedIn('learner'),
      t.signedIn('learner'),
    ]);
    c = await publishedCourse();
    for (const who of [asker, classmate])
      expect((await api(who, 'POST', `/courses/${c.slug}/enrol`, {})).status).toBeLessThan(300);
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

  /** A published course of author's with co-author: a reading, a content-noted reading and a quiz. */
  async function publishedCourse() {
    const slug = uniqueName('ask-').toLowerCase();
    let course = (await api(author, 'POST', '/authoring/courses', { slug, title: { ko: '묻기' } })).body;
    course = (await api(author, 'POST', `/authoring/courses/${course.id}/modules`, { title: { ko: '하나' } })).body;
    const mod = course.modules[0].id;
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
            prompt: { ko: '어느 것?' },
            explanation: { ko: '가가 맞아요.' },
            options: [
              { key: 'a', text: { ko: '가' }, correct: true },
              { key: 'b', text: { ko: '나' }, correct: false },
            ],
          },
          { key: 'q2', type: 'true_false', prompt: { ko: '참?' }, explanation: { ko: '참이에요.' }, answer: true },
        ],
      },
    });
    expect(
      (await api(author, 'PUT', `/authoring/courses/${course.id}/co-instructors`, { userIds: [coAuthor.id] })).status,
    ).toBeLessThan(300);
    expect((await api(author, 'POST', `/authoring/courses/${course.id}/publish`)).status).toBe(201);
    return { courseId: course.id as string, slug, reading, sensitive, quiz };
  }

  it('a question goes privately to the course’s instructors, is answered (the asker is notified), and is published without the asker', async () => {
    const text = `${uniqueName('질문')} 저는 북한에서 온 김철수인데 이 낱말을 모르겠어요`;
    const asked = await api(asker, 'POST', `/lessons/${c.reading}/questions`, { text });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body).toMatchObject({ text, status: 'open', answer: null, lessonId: c.reading, courseId: c.courseId });
    const id = asked.body.id as string;

    // Only the course's instructors (owner, co-instructor) see it; no name of the asker anywhere in it.
    for (const who of [author, coAuthor]) {
      const inbox = await api(who, 'GET', '/questions?status=open');
      expect(inbox.status).toBe(200);
      expect(inbox.body.items.map((q: { id: string }) => q.id)).toContain(id);
      expect(JSON.stringify(inbox.body)).not.toContain(asker.id);
    }
    expect((await api(otherAuthor, 'GET', '/questions')).body.items).toEqual([]);
    // Another instructor, a classmate, a manager: not theirs to read or answer.
    expect((await api(otherAuthor, 'POST', `/questions/${id}/answer`, { answer: '답' })).status).toBe(404);
    expect((await api(classmate, 'GET', '/me/questions')).body.items).toEqual([]);
    expect((await api(classmate, 'POST', `/questions/${id}/answer`, { answer: '답' })).status).toBe(403);
    // Nothing published yet: the classmate's lesson Q&A is empty.
    expect((await api(classmate, 'GET', `/lessons/${c.reading}/qa`)).body.items).toEqual([]);
    // Publishing before answering is refused.
    expect((await api(author, 'POST', `/questions/${id}/publish`, { question: 'q', answer: 'a' })).status).toBe(409);

    const answered = await api(coAuthor, 'POST', `/questions/${id}/answer`, { answer: '"낱말"은 단어라는 뜻이에요.' });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered', answer: '"낱말"은 단어라는 뜻이에요.' });
    expect((await api(asker, 'GET', '/me/questions')).body.items[0]).toMatchObject({ id, status: 'answered' });
    const notes = await t.db.query(`SELECT kind, ref_type, ref_id, data FROM notifications WHERE user_id = $1`, [
      asker.id,
    ]);
    expect(notes).toEqual([expect.objectContaining({ kind: 'question_answered', ref_type: 'question', ref_id: id })]);
    // The notification holds no text the learner wrote and no one's name.
    expect(JSON.stringify(notes)).not.toContain('김철수');

    const published = await api(author, 'POST', `/questions/${id}/publish`, {
      question: '"낱말"은 무슨 뜻인가요?',
      answer: '"낱말"은 단어라는 뜻이에요.',
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect((await api(author, 'POST', `/questions/${id}/publish`, { question: 'x', answer: 'y' })).status).toBe(409);

    // The classmate reads the instructor's words, never the asker's original, nor who asked.
    const qa = await api(classmate, 'GET', `/lessons/${c.reading}/qa`);
    expect(qa.status).toBe(200);
    expect(qa.body.items).toEqual([
      expect.objectContaining({ question: '"낱말"은 무슨 뜻인가요?', answer: '"낱말"은 단어라는 뜻이에요.' }),
    ]);
    expect(JSON.stringify(qa.body)).not.toContain('김철수');
    expect(JSON.stringify(qa.body)).not.toContain(asker.id);
    // Someone not in the course, and an id that does not exist: the same 404.
    const notIn = await api(outsider, 'GET', `/lessons/${c.reading}/qa`);
    const missing = await api(outsider, 'GET', `/lessons/${randomUUID()}/qa`);
    expect([notIn.status, missing.status]).toEqual([404, 404]);
    expect(notIn.body.message).toBe(missing.body.message);
    // The published copy has no column that leads back to the asker.
    const cols = await t.db.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'lesson_qa' ORDER BY column_name`,
    );
    expect(cols.map((r: { column_name: string }) => r.column_name)).toEqual([
      'answer',
      'course_id',
      'id',
      'lesson_id',
      'published_at',
      'published_by',
      'question',
    ]);
    // Audited: asked, answered, published.
    const audit = await t.db.query(
      `SELECT action FROM audit_events WHERE details->>'questionId' = $1 ORDER BY occurred_at, action`,
      [id],
    );
    expect(audit.map((r: { action: string }) => r.action).sort()).toEqual([
      'question.answered',
      'question.asked',
      'question.published',
    ]);
  });

  it('staff take a published Q&A down (instructors, a manager of a cohort the course is assigned to, an admin); audited; the asker keeps theirs', async () => {
    const f = new Fixtures(t);
    const [manager, otherManager, admin] = await Promise.all([
      t.signedIn('manager'),
      t.signedIn('manager'),
      t.signedIn('admin'),
    ]);
    const cohort = await f.cohort(manager);
    await f.ok(manager, 'PUT', `/cohorts/${cohort}/courses`, { courseId: c.courseId });
    await f.cohort(otherManager);

    const asked = await api(asker, 'POST', `/lessons/${c.sensitive}/questions`, { text: uniqueName('내려질 질문') });
    const id = asked.body.id as string;
    expect((await api(author, 'POST', `/questions/${id}/answer`, { answer: '답이에요.' })).status).toBe(200);
    const publish = () =>
      api(author, 'POST', `/questions/${id}/publish`, { question: '다듬은 질문?', answer: '다듬은 답.' });
    const first = await publish();
    expect(first.status).toBe(201);
    const qa = async (who: Who) => (await api(who, 'GET', `/lessons/${c.sensitive}/qa`)).body;
    expect((await qa(classmate)).items).toHaveLength(1);
    // Learners are never offered it; the course's instructors are.
    expect(await qa(classmate)).not.toHaveProperty('canUnpublish');
    expect((await qa(coAuthor)).canUnpublish).toBe(true);

    // A learner (role), an instructor of another course, a manager of no cohort with the course, a missing id.
    expect((await api(classmate, 'POST', `/qa/${first.body.id}/unpublish`)).status).toBe(403);
    const notTheirs = await api(otherAuthor, 'POST', `/qa/${first.body.id}/unpublish`);
    const notManaged = await api(otherManager, 'POST', `/qa/${first.body.id}/unpublish`);
    const missing = await api(author, 'POST', `/qa/${randomUUID()}/unpublish`);
    expect([notTheirs.status, notManaged.status, missing.status]).toEqual([404, 404, 404]);
    expect(notTheirs.body.message).toBe(missing.body.message);
    expect((await qa(classmate)).items).toHaveLength(1);

    // The cohort's manager takes it down: gone from the lesson, twice is a 404, audited with who did it.
    expect((await api(manager, 'POST', `/qa/${first.body.id}/unpublish`)).status).toBe(204);
    expect((await qa(classmate)).items).toEqual([]);
    expect((await api(manager, 'POST', `/qa/${first.body.id}/unpublish`)).status).toBe(404);
    const audit = await t.db.query(
      `SELECT actor_id, details FROM audit_events WHERE action = 'question.unpublished' AND details->>'qaId' = $1`,
      [first.body.id],
    );
    expect(audit).toEqual([
      {
        actor_id: manager.id,
        details: { qaId: first.body.id, courseId: c.courseId, lessonId: c.sensitive, questionId: id },
      },
    ]);
    // The asker still sees their own question and its answer; it may be published again.
    expect((await api(asker, 'GET', '/me/questions')).body.items).toContainEqual(
      expect.objectContaining({ id, status: 'answered', answer: '답이에요.', publishedAt: null }),
    );
    const again = await publish();
    expect(again.status).toBe(201);
    expect((await qa(classmate)).items).toHaveLength(1);
    // An admin may take it down as well.
    expect((await api(admin, 'POST', `/qa/${again.body.id}/unpublish`)).status).toBe(204);
    expect((await qa(classmate)).items).toEqual([]);
  });

  it("the instructor's inbox pages by keyset: every question once, in a stable order, ties broken by id", async () => {
    // More questions than a page, with ties: several asked (and several answered) in the same second.
    await t.db.query(`UPDATE lesson_questions SET created_at = created_at - interval '2 days' WHERE user_id = $1`, [
      classmate.id,
    ]);
    for (let i = 0; i < 8; i++) {
      const asked = await api(classmate, 'POST', `/lessons/${c.reading}/questions`, { text: uniqueName('쪽') });
      expect(asked.status).toBe(201);
      if (i % 3 === 0) await api(author, 'POST', `/questions/${asked.body.id}/answer`, { answer: '답' });
    }
    const rows = await t.db.query<{ id: string; status: string }[]>(
      `SELECT id, status FROM lesson_questions WHERE course_id = $1 ORDER BY id`,
      [c.courseId],
    );
    expect(rows.length).toBeGreaterThan(7);
    // Whole seconds, three rows to a second: asked at 0, 0, 0, 1, 1, 1, ...; answered likewise.
    for (const [i, r] of rows.entries())
      await t.db.query(
        `UPDATE lesson_questions SET created_at = '2026-01-01T00:00:00Z'::timestamptz + make_interval(secs => $2),
                answered_at = CASE WHEN status = 'answered' THEN '2026-02-01T00:00:00Z'::timestamptz + make_interval(secs => $3) END
          WHERE id = $1`,
        [r.id, Math.floor(i / 3), Math.floor(i / 2) % 2],
      );
    const truth = await t.db.query<{ id: string; status: string; created_at: Date; answered_at: Date | null }[]>(
      `SELECT id, status, created_at, answered_at FROM lesson_questions WHERE course_id = $1`,
      [c.courseId],
    );
    // Open ones oldest asked first, then answered ones newest asked first (ties by id, the same way).
    const rank = (q: (typeof truth)[number]) => (q.status === 'open' ? 1 : -1);
    const expected = [...truth]
      .sort(
        (a, b) =>
          rank(b) - rank(a) ||
          rank(a) * (a.created_at.getTime() - b.created_at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      )
      .map((q) => q.id);

    const walk = async (limit: number, status = '') => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await api(
          author,
          'GET',
          `/questions?limit=${limit}${status}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(limit);
        seen.push(...res.body.items.map((q: { id: string }) => q.id));
        cursor = res.body.next;
        pages++;
      } while (cursor && pages < 50);
      return { seen, pages };
    };
    const byThree = await walk(3);
    expect(byThree.seen).toEqual(expected);
    expect(byThree.pages).toBe(Math.ceil(expected.length / 3));
    expect((await walk(2)).seen).toEqual(expected);
    expect((await walk(100)).seen).toEqual(expected);
    // Filtered by status, the same order within it.
    const open = new Set(truth.filter((q) => q.status === 'open').map((q) => q.id));
    expect((await walk(2, '&status=open')).seen).toEqual(expected.filter((id) => open.has(id)));
    expect((await walk(2, '&status=answered')).seen).toEqual(expected.filter((id) => !open.has(id)));
    // Bad cursors and limits are 400s; another instructor's inbox stays empty.
    for (const q of ['cursor=nope', 'limit=0', 'limit=101', `cursor=2_1_${randomUUID()}`])
      expect((await api(author, 'GET', `/questions?${q}`)).status).toBe(400);
    expect((await api(otherAuthor, 'GET', '/questions?limit=2')).body).toEqual({ items: [], next: null });
  });

  it('a question answered (or its answer corrected) while the inbox is paged is seen once, none skipped', async () => {
    // Ten more questions on the course, asked a minute apart, every other one answered a day later.
    await t.db.query(
      `INSERT INTO lesson_questions (user_id, course_id, lesson_id, text, status, answer, answered_by, answered_at, created_at)
       SELECT $1, $2, $3, 'mid-' || g, CASE WHEN g % 2 = 0 THEN 'answered' ELSE 'open' END, CASE WHEN g % 2 = 0 THEN '답' END,
              CASE WHEN g % 2 = 0 THEN $4::uuid END, CASE WHEN g % 2 = 0 THEN '2026-03-02T00:00:00Z'::timestamptz + make_interval(mins => g) END,
              '2026-03-01T00:00:00Z'::timestamptz + make_interval(mins => g)
         FROM generate_series(1, 10) g`,
      [classmate.id, c.courseId, c.reading, author.id],
    );
    const before = await t.db.query<{ id: string; status: string }[]>(
      `SELECT id, status FROM lesson_questions WHERE course_id = $1 ORDER BY created_at, id`,
      [c.courseId],
    );
    const open = before.filter((q) => q.status === 'open').map((q) => q.id);
    const answered = before.filter((q) => q.status === 'answered').map((q) => q.id);
    expect([open.length, answered.length].every((n) => n >= 5)).toBe(true);
    const answer = async (id: string, text: string) =>
      expect((await api(author, 'POST', `/questions/${id}/answer`, { answer: text })).status).toBeLessThan(300);

    const seen: { id: string; status: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    let corrected = false;
    do {
      const res = await api(
        author,
        'GET',
        `/questions?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      seen.push(...res.body.items.map((q: { id: string; status: string }) => ({ id: q.id, status: q.status })));
      cursor = res.body.next;
      if (++pages === 1) {
        // The oldest open question, just shown, is answered; so is the newest, not shown yet.
        expect(seen.map((q) => q.id)).toEqual(open.slice(0, 2));
        await answer(open[0], '지금 답해요');
        await answer(open[open.length - 1], '이것도요');
      }
      if (!corrected && seen.some((q) => q.status === 'answered')) {
        // Among the answered ones now: the answer to the oldest asked (the last in this order) is corrected.
        await answer(answered[0], '고친 답');
        corrected = true;
      }
    } while (cursor && pages < 50);

    const times = new Map<string, number>();
    for (const q of seen) times.set(q.id, (times.get(q.id) ?? 0) + 1);
    // None skipped, none twice — except the one answered after it was shown as open, which comes again among
    // the answered ones (the web app keeps the first place and the newer state).
    expect([...times.keys()].sort()).toEqual(before.map((q) => q.id).sort());
    expect([...times.entries()].filter(([, n]) => n !== 1)).toEqual([[open[0], 2]]);
    expect(seen.filter((q) => q.id === open[0]).map((q) => q.status)).toEqual(['open', 'answered']);
    expect(seen.find((q) => q.id === open[open.length - 1])?.status).toBe('answered');
  });

  it('asking: only about a lesson of a course I am in; empty, over-long and unknown-key bodies are 400s; 20 a day', async () => {
    expect((await api(outsider, 'POST', `/lessons/${c.reading}/questions`, { text: '왜요?' })).status).toBe(404);
    expect((await api(asker, 'POST', `/lessons/${randomUUID()}/questions`, { text: '왜요?' })).status).toBe(404);
    const empty = await api(asker, 'POST', `/lessons/${c.reading}/questions`, { text: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toContain('text');
    expect((await api(asker, 'POST', `/lessons/${c.reading}/questions`, { text: '가'.repeat(2001) })).status).toBe(400);
    expect(
      (await api(asker, 'POST', `/lessons/${c.reading}/questions`, { text: '왜요?', userId: outsider.id })).status,
    ).toBe(400);
    expect((await api(null, 'POST', `/lessons/${c.reading}/questions`, { text: '왜요?' })).status).toBe(401);

    const learner = await t.signedIn('learner');
    expect((await api(learner, 'POST', `/courses/${c.slug}/enrol`, {})).status).toBeLessThan(300);
    for (let i = 0; i < QUESTIONS_PER_DAY; i++)
      expect((await api(learner, 'POST', `/lessons/${c.sensitive}/questions`, { text: `질문 ${i}` })).status).toBe(201);
    const limited = await api(learner, 'POST', `/lessons/${c.sensitive}/questions`, { text: '하나 더' });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await api(learner, 'GET', '/me/questions')).body.items).toHaveLength(QUESTIONS_PER_DAY);
  });

  it('erasing the asker deletes their questions; the published copy stays, with nothing of theirs; the export has them', async () => {
    const learner = await t.createUser('learner');
    const cookie = await t.login(learner.username, learner.password);
    const who = { id: learner.id, cookie };
    expect((await api(who, 'POST', `/courses/${c.slug}/enrol`, {})).status).toBeLessThan(300);
    const id = (await api(who, 'POST', `/lessons/${c.quiz}/questions`, { text: '지워질 질문' })).body.id as string;
    expect((await api(author, 'POST', `/questions/${id}/answer`, { answer: '답이에요' })).status).toBe(200);
    expect(
      (await api(author, 'POST', `/questions/${id}/publish`, { question: '다듬은 질문', answer: '답이에요' })).status,
    ).toBe(201);
    const exported = await api(who, 'GET', '/me/export');
    expect((exported.body as { questions: unknown }).questions).toEqual([
      expect.objectContaining({ text: '지워질 질문', answer: '답이에요', status: 'answered' }),
    ]);
    expect((await api(who, 'POST', '/me/erase', { password: learner.password })).status).toBe(204);
    expect(await t.db.query(`SELECT id FROM lesson_questions WHERE user_id = $1 OR id = $2`, [learner.id, id])).toEqual(
      [],
    );
    const qa = (await api(classmate, 'GET', `/lessons/${c.quiz}/qa`)).body.items;
    expect(qa.map((q: { question: string }) => q.question)).toEqual(['다듬은 질문']);
  });

  it('answering a word request tells the learner (word_request_answered), with no text of theirs', async () => {
    const word = uniqueName('낱말');
    const asked = await api(asker, 'POST', '/word-requests', { text: word, lessonId: c.reading });
    expect(asked.status).toBe(201);
    const term = await api(author, 'POST', '/glossary', {
      term: word,
      northKorean: [],
      explanation: '쉬운 설명을 여기에 적어요.',
      gloss: { en: 'a word', zh: '一个词' },
      example: '예문이에요.',
      tags: ['civic'],
      related: [],
    });
    expect(term.status, JSON.stringify(term.body)).toBe(201);
    expect((await api(author, 'POST', `/word-requests/${asked.body.id}/answer`, { termId: term.body.id })).status).toBe(
      200,
    );
    const notes = await t.db.query(
      `SELECT kind, ref_type, ref_id, data FROM notifications WHERE user_id = $1 AND kind = 'word_request_answered'`,
      [asker.id],
    );
    expect(notes).toEqual([
      expect.objectContaining({ ref_type: 'question', ref_id: asked.body.id, data: { termId: term.body.id } }),
    ]);
    expect(JSON.stringify(notes)).not.toContain(word);
  });

  it('my results: each quiz’s attempts with answers, right answers and explanations after an attempt; lessons done, skipped, left', async () => {
    const learner = await t.signedIn('learner');
    expect((await api(learner, 'POST', `/courses/${c.slug}/enrol`, {})).status).toBeLessThan(300);
    // Before any attempt: the quiz is listed, but not its right answers.
    let results = (await api(learner, 'GET', '/me/results')).body;
    expect(results.items[0].quizzes[0]).toMatchObject({
      lessonId: c.quiz,
      attempts: [],
      questions: [],
      bestScore: null,
    });

    const sent = await api(learner, 'POST', '/progress/events', {
      events: [
        ev(c.reading, 'completed'),
        ev(c.sensitive, 'skipped'),
        ev(c.quiz, 'quiz_submitted', { answers: { q1: ['b'], q2: true } }),
      ],
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    results = (await api(learner, 'GET', '/me/results')).body;
    const course = results.items[0];
    expect(course.courseId).toBe(c.courseId);
    expect(course.lessons.map((l: { lessonId: string; status: string }) => [l.lessonId, l.status])).toEqual([
      [c.reading, 'completed'],
      [c.sensitive, 'skipped'],
      [c.quiz, 'completed'],
    ]);
    expect(course.quizzes[0]).toMatchObject({
      lessonId: c.quiz,
      passMark: 50,
      bestScore: 50,
      passed: true,
      attempts: [{ answers: { q1: ['b'], q2: true }, correct: { q1: false, q2: true }, score: 50, passed: true }],
    });
    expect(course.quizzes[0].questions).toEqual([
      expect.objectContaining({
        key: 'q1',
        explanation: { ko: '가가 맞아요.' },
        options: [
          { key: 'a', text: { ko: '가' }, correct: true },
          { key: 'b', text: { ko: '나' }, correct: false },
        ],
      }),
      expect.objectContaining({ key: 'q2', answer: true, options: [] }),
    ]);
    // Only ever my own: the classmate (no attempts) sees none of this learner's answers.
    const theirs = (await api(classmate, 'GET', '/me/results')).body.items[0];
    expect(theirs.quizzes[0].attempts).toEqual([]);
    expect(theirs.lessons.every((l: { status: string }) => l.status === 'not_started')).toBe(true);
    expect((await api(null, 'GET', '/me/results')).status).toBe(401);
  });
});
