import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishProblemSchema } from '@dari/contracts';
import { TestApp, uniqueName } from './test-app.js';

type Who = { id: string; cookie: string };

describe('course authoring', () => {
  let t: TestApp;
  let owner: Who;
  let co: Who;
  let stranger: Who;
  let manager: Who;
  let learner: Who;
  let admin: Who;
  beforeAll(async () => {
    t = await TestApp.create();
    [owner, co, stranger, manager, learner, admin] = await Promise.all([
      t.signedIn('instructor'),
      t.signedIn('instructor'),
      t.signedIn('instructor'),
      t.signedIn('manager'),
      t.signedIn('learner'),
      t.signedIn('admin'),
    ]);
  });
  afterAll(() => t.close());

  const req = (who: Who | null, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
    t.request(method, `/api/v1${url}`, { cookie: who?.cookie, body });

  async function newCourse(who: Who = owner) {
    const res = await req(who, 'POST', '/authoring/courses', {
      slug: uniqueName('course-').toLowerCase(),
      title: { ko: '인권의 기초', en: 'Human rights basics' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  /** A course with one module, a reading lesson and a quiz, ready to publish. */
  async function readyCourse() {
    let course = await newCourse();
    course = (await req(owner, 'POST', `/authoring/courses/${course.id}/modules`, { title: { ko: '존엄과 평등' } }))
      .body;
    const moduleId = course.modules[0].id;
    const reading = (
      await req(owner, 'POST', `/authoring/modules/${moduleId}/lessons`, { kind: 'reading', title: { ko: '권리란?' } })
    ).body;
    const saved = await req(owner, 'PATCH', `/authoring/lessons/${reading.id}`, {
      revision: reading.revision,
      content: {
        kind: 'reading',
        body: { ko: '## 권리\n\n모든 사람은 [[존엄성]]을 가져요.', en: '## Rights\n\nEveryone has dignity.' },
      },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const quiz = (
      await req(owner, 'POST', `/authoring/modules/${moduleId}/lessons`, { kind: 'quiz', title: { ko: '확인 문제' } })
    ).body;
    const quizSaved = await req(owner, 'PATCH', `/authoring/lessons/${quiz.id}`, {
      revision: quiz.revision,
      content: {
        kind: 'quiz',
        passMark: 60,
        shuffle: false,
        questions: [
          {
            key: 'q1',
            type: 'single',
            prompt: { ko: '인권은 누구에게 있나요?' },
            explanation: { ko: '모든 사람에게 있어요.' },
            options: [
              { key: 'a', text: { ko: '모든 사람' }, correct: true },
              { key: 'b', text: { ko: '어른만' }, correct: false },
            ],
          },
          {
            key: 'q2',
            type: 'true_false',
            prompt: { ko: '인권은 나라가 주는 선물이에요.' },
            explanation: { ko: '태어날 때부터 있어요.' },
            answer: false,
          },
        ],
      },
    });
    expect(quizSaved.status, JSON.stringify(quizSaved.body)).toBe(200);
    return {
      courseId: course.id as string,
      moduleId: moduleId as string,
      readingId: reading.id as string,
      quizId: quiz.id as string,
    };
  }

  it('an instructor creates a course, structures it, writes lessons, and publishes version 1', async () => {
    const { courseId, readingId } = await readyCourse();
    const course = (await req(owner, 'GET', `/authoring/courses/${courseId}`)).body;
    expect(course).toMatchObject({
      status: 'draft',
      latestVersion: null,
      hasUnpublishedChanges: true,
      canEdit: true,
      estimatedMinutes: 8,
    });
    expect(course.modules[0].lessons.map((l: { kind: string }) => l.kind)).toEqual(['reading', 'quiz']);
    const pub = await req(owner, 'POST', `/authoring/courses/${courseId}/publish`);
    expect(pub.status, JSON.stringify(pub.body)).toBe(201);
    expect(pub.body.version).toBe(1);
    const after = (await req(owner, 'GET', `/authoring/courses/${courseId}`)).body;
    expect(after).toMatchObject({ status: 'published', latestVersion: 1, hasUnpublishedChanges: false });
    // Later edits stay in the draft until the next publish.
    const lesson = (await req(owner, 'GET', `/authoring/lessons/${readingId}`)).body;
    await req(owner, 'PATCH', `/authoring/lessons/${readingId}`, {
      revision: lesson.revision,
      content: { kind: 'reading', body: { ko: '바뀐 글' } },
    });
    expect((await req(owner, 'GET', `/authoring/courses/${courseId}`)).body.hasUnpublishedChanges).toBe(true);
    const v1 = (await req(owner, 'GET', `/authoring/courses/${courseId}/versions/1`)).body;
    expect(v1.modules[0].lessons[0].content.body.ko).toContain('[[존엄성]]');
    const preview = (await req(owner, 'GET', `/authoring/courses/${courseId}/preview`)).body;
    expect(preview.version).toBeNull();
    expect(preview.modules[0].lessons[0].content.body.ko).toBe('바뀐 글');
  });

  it('lists what the draft changes since the latest version: lessons and modules added, removed, edited, moved', async () => {
    const { courseId, moduleId, readingId, quizId } = await readyCourse();
    const changes = async (who: Who = owner) => req(who, 'GET', `/authoring/courses/${courseId}/changes`);
    // Never published: nothing to compare with.
    expect((await changes()).body).toEqual({ sinceVersion: null, items: [] });
    expect((await req(owner, 'POST', `/authoring/courses/${courseId}/publish`)).status).toBe(201);
    expect((await changes()).body).toEqual({ sinceVersion: 1, items: [] });

    // Saving a lesson unchanged is not a change.
    const reading = (await req(owner, 'GET', `/authoring/lessons/${readingId}`)).body;
    await req(owner, 'PATCH', `/authoring/lessons/${readingId}`, {
      revision: reading.revision,
      content: reading.content,
      title: reading.title,
    });
    expect((await changes()).body.items).toEqual([]);

    await req(owner, 'PATCH', `/authoring/lessons/${readingId}`, {
      revision: (reading.revision as number) + 1,
      content: { kind: 'reading', body: { ko: '바뀐 글' } },
    });
    const added = (
      await req(owner, 'POST', `/authoring/modules/${moduleId}/lessons`, {
        kind: 'reflection',
        title: { ko: '생각해 보기' },
      })
    ).body;
    const course = (await req(owner, 'POST', `/authoring/courses/${courseId}/modules`, { title: { ko: '새 단원' } }))
      .body;
    const newModule = course.modules[1].id;
    await req(owner, 'PUT', `/authoring/courses/${courseId}/outline`, {
      revision: course.revision,
      modules: [
        { id: moduleId, lessonIds: [readingId, added.id] },
        { id: newModule, lessonIds: [quizId] },
      ],
    });
    await req(owner, 'PATCH', `/authoring/modules/${moduleId}`, { title: { ko: '존엄과 평등 (고침)' } });

    const res = await changes();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      sinceVersion: 1,
      items: [
        { what: 'module', change: 'edited', id: moduleId, title: { ko: '존엄과 평등 (고침)' } },
        { what: 'lesson', change: 'edited', id: readingId, title: { ko: '권리란?' } },
        { what: 'lesson', change: 'added', id: added.id, title: { ko: '생각해 보기' } },
        { what: 'module', change: 'added', id: newModule, title: { ko: '새 단원' } },
        { what: 'lesson', change: 'moved', id: quizId, title: { ko: '확인 문제' } },
      ],
    });
    await req(owner, 'DELETE', `/authoring/modules/${newModule}`);
    expect((await changes()).body.items.at(-1)).toEqual({
      what: 'lesson',
      change: 'removed',
      id: quizId,
      title: { ko: '확인 문제' },
    });
    // Publishing again leaves nothing unpublished; another instructor gets the same 404 as a missing course.
    await req(owner, 'PATCH', `/authoring/lessons/${added.id}`, {
      revision: added.revision,
      content: { kind: 'reflection', prompt: { ko: '무엇을 느꼈나요?' } },
    });
    const again = await req(owner, 'POST', `/authoring/courses/${courseId}/publish`);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect((await changes()).body).toEqual({ sinceVersion: 2, items: [] });
    expect((await changes(stranger)).status).toBe(404);
    expect((await req(owner, 'GET', `/authoring/courses/${randomUUID()}/changes`)).status).toBe(404);
  });

  it('refuses to publish a multiple-choice question with no correct option', async () => {
    const { courseId, quizId } = await readyCourse();
    const quiz = (await req(owner, 'GET', `/authoring/lessons/${quizId}`)).body;
    const saved = await req(owner, 'PATCH', `/authoring/lessons/${quizId}`, {
      revision: quiz.revision,
      content: {
        ...quiz.content,
        questions: [
          {
            key: 'q1',
            type: 'multiple',
            prompt: { ko: '기본권은?' },
            explanation: { ko: '' },
            options: [
              { key: 'a', text: { ko: '표현의 자유' }, correct: false },
              { key: 'b', text: { ko: '감시' }, correct: false },
            ],
          },
        ],
      },
    });
    // A draft may stay unfinished…
    expect(saved.status).toBe(200);
    // …but it cannot be published like that.
    const blocked = await req(owner, 'POST', `/authoring/courses/${courseId}/publish`);
    expect(blocked.status).toBe(400);
    expect(blocked.body.problems).toEqual([
      {
        lessonId: quizId,
        moduleId: expect.any(String),
        code: 'question_needs_a_right',
        params: { lesson: '확인 문제', question: 1 },
        message: '확인 문제: question 1 needs at least one right answer.',
      },
    ]);
  });

  it('learners find published courses only, and the latest version', async () => {
    const { courseId } = await readyCourse();
    const course = (await req(owner, 'GET', `/authoring/courses/${courseId}`)).body;
    const before = (await req(learner, 'GET', '/courses')).body.items.map((c: { id: string }) => c.id);
    expect(before).not.toContain(courseId);
    expect((await req(learner, 'GET', `/courses/${course.slug}`)).status).toBe(404);
    await req(owner, 'POST', `/authoring/courses/${courseId}/publish`);
    const listed = (await req(learner, 'GET', '/courses')).body.items.find((c: { id: string }) => c.id === courseId);
    expect(listed).toMatchObject({ slug: course.slug, version: 1, lessonCount: 2, estimatedMinutes: 8 });
    const full = await req(learner, 'GET', `/courses/${course.slug}`);
    expect(full.status).toBe(200);
    expect(full.body.modules[0].lessons[1].content.questions).toHaveLength(2);
    // Archived courses leave the catalogue.
    await req(owner, 'POST', `/authoring/courses/${courseId}/archive`);
    expect((await req(learner, 'GET', `/courses/${course.slug}`)).status).toBe(404);
    await req(owner, 'POST', `/authoring/courses/${courseId}/unarchive`);
    expect((await req(learner, 'GET', `/courses/${course.slug}`)).status).toBe(200);
  });

  it('keeps lesson ids across republishes (so progress survives), and drops removed lessons', async () => {
    const { courseId, readingId, quizId } = await readyCourse();
    await req(owner, 'POST', `/authoring/courses/${courseId}/publish`);
    await req(owner, 'DELETE', `/authoring/lessons/${quizId}`);
    const v2 = await req(owner, 'POST', `/authoring/courses/${courseId}/publish`);
    expect(v2.body.version).toBe(2);
    const [one, two] = await Promise.all(
      [1, 2].map(async (v) => (await req(owner, 'GET', `/authoring/courses/${courseId}/versions/${v}`)).body),
    );
    expect(one.modules[0].lessons.map((l: { id: string }) => l.id)).toEqual([readingId, quizId]);
    expect(two.modules[0].lessons.map((l: { id: string }) => l.id)).toEqual([readingId]);
    const versions = (await req(owner, 'GET', `/authoring/courses/${courseId}/versions`)).body.items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0].publishedBy).toMatchObject({ id: owner.id });
    await expect(
      t.db.query(`UPDATE course_versions SET lesson_count = 0 WHERE course_id = $1`, [courseId]),
    ).rejects.toThrow(/immutable/);
  });

  it('refuses to publish an unfinished draft and says what to fix, changing nothing', async () => {
    const course = await newCourse();
    const empty = await req(owner, 'POST', `/authoring/courses/${course.id}/publish`);
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('publish_blocked');
    expect(empty.body.problems.map((p: { message: string }) => p.message)).toContain(
      'The course needs at least one lesson.',
    );
    // Each problem has a stable code (the web app words it in the author's language) and the English message as a fallback.
    expect(empty.body.problems).toContainEqual({
      lessonId: null,
      moduleId: null,
      code: 'course_no_lessons',
      params: {},
      message: 'The course needs at least one lesson.',
    });
    const withModule = (await req(owner, 'POST', `/authoring/courses/${course.id}/modules`, { title: { ko: '모듈' } }))
      .body;
    const quiz = (
      await req(owner, 'POST', `/authoring/modules/${withModule.modules[0].id}/lessons`, {
        kind: 'quiz',
        title: { ko: '퀴즈' },
      })
    ).body;
    await req(owner, 'PATCH', `/authoring/lessons/${quiz.id}`, {
      revision: 0,
      content: {
        kind: 'quiz',
        passMark: 50,
        shuffle: true,
        questions: [
          {
            key: 'q1',
            type: 'single',
            prompt: { ko: '?' },
            explanation: { ko: '' },
            options: [
              { key: 'a', text: { ko: '예' }, correct: false },
              { key: 'b', text: { ko: '아니요' }, correct: false },
            ],
          },
        ],
      },
    });
    const blocked = await req(owner, 'POST', `/authoring/courses/${course.id}/publish`);
    expect(blocked.body.problems).toEqual([
      {
        lessonId: quiz.id,
        moduleId: withModule.modules[0].id,
        code: 'question_needs_one_right',
        params: { lesson: '퀴즈', question: 1 },
        message: '퀴즈: question 1 needs exactly one right answer.',
      },
    ]);
    expect(publishProblemSchema.array().safeParse(blocked.body.problems).success).toBe(true);
    expect((await req(owner, 'GET', `/authoring/courses/${course.id}`)).body.latestVersion).toBeNull();
  });

  it('refuses a stale revision instead of overwriting someone else’s save', async () => {
    const { readingId, courseId } = await readyCourse();
    const lesson = (await req(owner, 'GET', `/authoring/lessons/${readingId}`)).body;
    const first = await req(owner, 'PATCH', `/authoring/lessons/${readingId}`, {
      revision: lesson.revision,
      title: { ko: '첫째' },
    });
    expect(first.status).toBe(200);
    const second = await req(co, 'PATCH', `/authoring/lessons/${readingId}`, {
      revision: lesson.revision,
      title: { ko: '둘째' },
    });
    expect([404, 409]).toContain(second.status); // co is not a co-instructor yet: 404
    const stale = await req(owner, 'PATCH', `/authoring/lessons/${readingId}`, {
      revision: lesson.revision,
      title: { ko: '셋째' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_revision');
    expect((await req(owner, 'GET', `/authoring/lessons/${readingId}`)).body.title.ko).toBe('첫째');
    const course = (await req(owner, 'GET', `/authoring/courses/${courseId}`)).body;
    const staleCourse = await req(owner, 'PATCH', `/authoring/courses/${courseId}`, {
      revision: course.revision - 1,
      sequential: true,
    });
    expect(staleCourse.status).toBe(409);
    const ok = await req(owner, 'PATCH', `/authoring/courses/${courseId}`, {
      revision: course.revision,
      sequential: true,
      tags: ['human-rights'],
      summary: { ko: '요약', zh: '摘要' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      sequential: true,
      tags: ['human-rights'],
      revision: (course.revision as number) + 1,
    });
  });

  it('reorders modules and lessons, and moves a lesson to another module', async () => {
    const { courseId, moduleId, readingId, quizId } = await readyCourse();
    let course = (await req(owner, 'POST', `/authoring/courses/${courseId}/modules`, { title: { ko: '두 번째' } }))
      .body;
    const second = course.modules[1].id;
    const res = await req(owner, 'PUT', `/authoring/courses/${courseId}/outline`, {
      revision: course.revision,
      modules: [
        { id: second, lessonIds: [quizId] },
        { id: moduleId, lessonIds: [readingId] },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    course = res.body;
    expect(course.modules.map((m: { id: string }) => m.id)).toEqual([second, moduleId]);
    expect(course.modules[0].lessons.map((l: { id: string }) => l.id)).toEqual([quizId]);
    const missing = await req(owner, 'PUT', `/authoring/courses/${courseId}/outline`, {
      revision: course.revision,
      modules: [{ id: second, lessonIds: [quizId] }],
    });
    expect(missing.status).toBe(409);
  });

  it('validates content: kind must match, unknown keys and bad values are 400s naming the field', async () => {
    const { readingId } = await readyCourse();
    const lesson = (await req(owner, 'GET', `/authoring/lessons/${readingId}`)).body;
    const wrongKind = await req(owner, 'PATCH', `/authoring/lessons/${readingId}`, {
      revision: lesson.revision,
      content: { kind: 'reflection', prompt: { ko: 'x' } },
    });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.fields[0].path).toBe('body.content.kind');
    const extra = await req(owner, 'PATCH', `/authoring/lessons/${readingId}`, {
      revision: lesson.revision,
      ownerId: owner.id,
    });
    expect(extra.status).toBe(400);
    const badUrl = await req(owner, 'PATCH', `/authoring/lessons/${readingId}`, {
      revision: lesson.revision,
      content: { kind: 'media', mediaType: 'video', mediaId: null, url: 'javascript:alert(1)', transcript: { ko: '' } },
    });
    expect(badUrl.status).toBe(400);
    const badSlug = await req(owner, 'POST', '/authoring/courses', { slug: 'Not A Slug!', title: { ko: 'x' } });
    expect(badSlug.body.fields[0].path).toBe('body.slug');
    const noTitle = await req(owner, 'POST', '/authoring/courses', { slug: uniqueName('c-'), title: { ko: '  ' } });
    expect(noTitle.status).toBe(400);
    const course = await newCourse();
    const dup = await req(owner, 'POST', '/authoring/courses', { slug: course.slug, title: { ko: '같은 주소' } });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('slug_taken');
  });

  it("lists an instructor's own and co-taught courses, filtered by status and title, a page at a time", async () => {
    const [solo, other] = await Promise.all([t.signedIn('instructor'), t.signedIn('instructor')]);
    const tag = uniqueName('zk').toLowerCase();
    const make = async (who: Who, n: number) =>
      (
        await req(who, 'POST', '/authoring/courses', {
          slug: `${tag}-${n}`,
          title: { ko: `목록 ${n}`, en: `List ${tag} ${n}` },
        })
      ).body.id as string;
    const own = [await make(solo, 1), await make(solo, 2), await make(solo, 3)];
    const taught = await make(other, 4);
    expect(
      (await req(other, 'PUT', `/authoring/courses/${taught}/co-instructors`, { userIds: [solo.id] })).status,
    ).toBe(200);
    const notMine = await make(other, 5);
    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((c) => c.id);

    const all = await req(solo, 'GET', `/authoring/courses?q=${tag.toUpperCase()}&pageSize=100`);
    expect(all.body.total).toBe(4);
    expect([...ids(all)].sort()).toEqual([...own, taught].sort());
    const paged = [];
    for (const page of [1, 2]) {
      const res = await req(solo, 'GET', `/authoring/courses?q=${tag}&status=draft&pageSize=3&page=${page}`);
      expect(res.body).toMatchObject({ total: 4, page, pageSize: 3 });
      paged.push(...ids(res));
    }
    expect(paged).toEqual(ids(all));
    expect((await req(solo, 'GET', `/authoring/courses?q=${tag}&status=published`)).body.total).toBe(0);
    expect(ids(await req(solo, 'GET', `/authoring/courses?q=${encodeURIComponent(`${tag} 2`)}`))).toEqual([own[1]]);
    const everyone = await req(admin, 'GET', `/authoring/courses?q=${tag}&status=draft&pageSize=100`);
    expect(everyone.body.total).toBe(5);
    expect(ids(everyone)).toContain(notMine);
    expect((await req(solo, 'GET', '/authoring/courses?q=%25')).body.total).toBe(0);

    const found = await req(solo, 'GET', `/authoring/instructors?q=${solo.username}`);
    expect(found.body.items).toEqual([{ id: solo.id, displayName: expect.stringContaining(solo.username) }]);
  });

  describe('who may do what', () => {
    let ids: Awaited<ReturnType<typeof readyCourse>>;
    beforeAll(async () => {
      ids = await readyCourse();
    });

    it('another instructor gets 404 for every route of the course, the same as a missing id, and changes nothing', async () => {
      const missing = randomUUID();
      const calls: [string, string, unknown?][] = [
        ['GET', `/authoring/courses/{c}`],
        ['PATCH', `/authoring/courses/{c}`, { revision: 0, sequential: true }],
        ['POST', `/authoring/courses/{c}/publish`],
        ['GET', `/authoring/courses/{c}/preview`],
        ['GET', `/authoring/courses/{c}/versions`],
        ['POST', `/authoring/courses/{c}/modules`, { title: { ko: 'x' } }],
        ['POST', `/authoring/courses/{c}/archive`],
        ['POST', `/authoring/courses/{c}/duplicate`, { slug: uniqueName('d-') }],
        ['PUT', `/authoring/courses/{c}/co-instructors`, { userIds: [] }],
        ['GET', `/authoring/courses/{c}/bundle`],
        ['GET', `/authoring/courses/{c}/media`],
      ];
      for (const [method, path, body] of calls) {
        const forbidden = await req(stranger, method as 'GET', path.replace('{c}', ids.courseId), body);
        const absent = await req(stranger, method as 'GET', path.replace('{c}', missing), body);
        expect(forbidden.status, `${method} ${path}`).toBe(404);
        expect({ ...forbidden.body, requestId: 0 }, `${method} ${path}`).toEqual({ ...absent.body, requestId: 0 });
      }
      for (const [method, path, body] of [
        ['GET', `/authoring/lessons/${ids.readingId}`],
        ['PATCH', `/authoring/lessons/${ids.readingId}`, { revision: 0, title: { ko: 'x' } }],
        ['DELETE', `/authoring/lessons/${ids.readingId}`],
        ['PATCH', `/authoring/modules/${ids.moduleId}`, { title: { ko: 'x' } }],
        ['DELETE', `/authoring/modules/${ids.moduleId}`],
        ['POST', `/authoring/modules/${ids.moduleId}/lessons`, { kind: 'reading', title: { ko: 'x' } }],
      ] as const) {
        expect((await req(stranger, method, path, body)).status, `${method} ${path}`).toBe(404);
      }
      expect(
        (await req(stranger, 'GET', '/authoring/courses')).body.items.map((c: { id: string }) => c.id),
      ).not.toContain(ids.courseId);
      const after = (await req(owner, 'GET', `/authoring/courses/${ids.courseId}`)).body;
      expect(after.status).toBe('draft');
      expect(after.modules).toHaveLength(1);
      expect(after.modules[0].lessons).toHaveLength(2);
    });

    it('a co-instructor edits but cannot name co-instructors; a manager reads only; a learner is refused', async () => {
      const course = (await req(owner, 'GET', `/authoring/courses/${ids.courseId}`)).body;
      const named = await req(owner, 'PUT', `/authoring/courses/${ids.courseId}/co-instructors`, { userIds: [co.id] });
      expect(named.status).toBe(200);
      expect(named.body.coInstructors.map((p: { id: string }) => p.id)).toEqual([co.id]);
      const lesson = (await req(co, 'GET', `/authoring/lessons/${ids.readingId}`)).body;
      expect(
        (
          await req(co, 'PATCH', `/authoring/lessons/${ids.readingId}`, {
            revision: lesson.revision,
            title: { ko: '공동 편집' },
          })
        ).status,
      ).toBe(200);
      expect((await req(co, 'PUT', `/authoring/courses/${ids.courseId}/co-instructors`, { userIds: [] })).status).toBe(
        403,
      );
      expect((await req(co, 'GET', '/authoring/courses')).body.items.map((c: { id: string }) => c.id)).toContain(
        ids.courseId,
      );

      const read = await req(manager, 'GET', `/authoring/courses/${ids.courseId}`);
      expect(read.status).toBe(200);
      expect(read.body.canEdit).toBe(false);
      expect((await req(manager, 'GET', `/authoring/lessons/${ids.readingId}`)).status).toBe(200);
      expect(
        (
          await req(manager, 'PATCH', `/authoring/courses/${ids.courseId}`, {
            revision: course.revision,
            sequential: true,
          })
        ).status,
      ).toBe(403);
      expect((await req(manager, 'POST', `/authoring/courses/${ids.courseId}/publish`)).status).toBe(403);
      expect(
        (await req(manager, 'POST', '/authoring/courses', { slug: uniqueName('m-'), title: { ko: 'x' } })).status,
      ).toBe(403);

      for (const [method, path] of [
        ['GET', '/authoring/courses'],
        ['GET', `/authoring/courses/${ids.courseId}`],
        ['GET', `/authoring/courses/${ids.courseId}/preview`],
        ['GET', `/authoring/lessons/${ids.readingId}`],
        ['POST', '/authoring/courses'],
      ] as const) {
        expect(
          (
            await req(
              learner,
              method,
              path,
              method === 'POST' ? { slug: uniqueName('l-'), title: { ko: 'x' } } : undefined,
            )
          ).status,
          path,
        ).toBe(403);
      }
      expect((await req(null, 'GET', `/authoring/courses/${ids.courseId}`)).status).toBe(401);
      expect((await req(admin, 'GET', `/authoring/courses/${ids.courseId}`)).body.canEdit).toBe(true);
      const rows = await t.db.query(`SELECT revision FROM courses WHERE id = $1`, [ids.courseId]);
      expect(rows[0].revision).toBe(named.body.revision);
    });
  });

  it('duplicates a course as a new draft owned by the caller', async () => {
    const { courseId } = await readyCourse();
    const slug = uniqueName('copy-');
    const res = await req(co, 'POST', `/authoring/courses/${courseId}/duplicate`, { slug });
    expect(res.status).toBe(404); // not theirs
    const mine = await req(owner, 'POST', `/authoring/courses/${courseId}/duplicate`, { slug });
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ slug, status: 'draft', latestVersion: null });
    expect(mine.body.modules[0].lessons).toHaveLength(2);
    expect(mine.body.modules[0].lessons[0].id).not.toBe(
      (await req(owner, 'GET', `/authoring/courses/${courseId}`)).body.modules[0].lessons[0].id,
    );
  });
});
