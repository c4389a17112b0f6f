import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DueService } from '../src/cohorts/index.js';
import { TEST_PASSWORD, TestApp, uniqueName } from './test-app.js';

type Who = { id: string; cookie: string };

/** What's due (issue 17): the learner's to-do list, cohort sessions, the manager's counts and the reminders. */
describe("what's due", () => {
  let t: TestApp;
  let author: Who;
  let manager: Who;
  let otherManager: Who;
  let learner: Who;
  let finisher: Who;
  let outsider: Who;
  let cohortId: string;
  let course: { id: string; slug: string; lessonId: string };
  let today: string;
  beforeAll(async () => {
    t = await TestApp.create();
    [author, manager, otherManager, learner, finisher, outsider] = await Promise.all([
      t.signedIn('instructor'),
      t.signedIn('manager'),
      t.signedIn('manager'),
      t.signedIn('learner'),
      t.signedIn('learner'),
      t.signedIn('learner'),
    ]);
    today = (
      await t.db.query<{ d: string }[]>(`SELECT to_char((now() AT TIME ZONE 'Asia/Seoul')::date, 'YYYY-MM-DD') AS d`)
    )[0].d;
    const slug = uniqueName('due-').toLowerCase();
    const c = (await api(author, 'POST', '/authoring/courses', { slug, title: { ko: '마감 과정' } })).body;
    const withModule = (await api(author, 'POST', `/authoring/courses/${c.id}/modules`, { title: { ko: '하나' } }))
      .body;
    const lesson = (
      await api(author, 'POST', `/authoring/modules/${withModule.modules[0].id}/lessons`, {
        kind: 'reading',
        title: { ko: '읽기' },
      })
    ).body;
    await api(author, 'PATCH', `/authoring/lessons/${lesson.id}`, {
      revision: 0,
      content: { kind: 'reading', body: { ko: '본문' } },
    });
    expect((await api(author, 'POST', `/authoring/courses/${c.id}/publish`)).status).toBe(201);
    course = { id: c.id, slug, lessonId: lesson.id };
    const k = await api(manager, 'POST', '/cohorts', { name: `반 ${uniqueName()}`, startsOn: '2026-09-01' });
    cohortId = k.body.id;
    const added = await api(manager, 'POST', `/cohorts/${cohortId}/members`, {
      members: [
        { userId: learner.id, role: 'learner' },
        { userId: finisher.id, role: 'learner' },
      ],
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
  });
  afterAll(() => t.close());

  const api = (who: Who | null, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
    t.request(method, `/api/v1${url}`, { cookie: who?.cookie, body });
  const day = (offset: number) => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + offset);
    return d.toISOString().slice(0, 10);
  };
  const notices = (userId: string) =>
    t.db.query<{ kind: string; ref_id: string; data: Record<string, unknown> }[]>(
      `SELECT kind, ref_id, data FROM notifications
        WHERE user_id = $1 AND kind IN ('course_assigned', 'due_date_changed', 'due_soon', 'overdue') ORDER BY created_at, kind`,
      [userId],
    );
  const assign = async (dueOn: string | null) => {
    const res = await api(manager, 'PUT', `/cohorts/${cohortId}/courses`, { courseId: course.id, dueOn });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };

  it('assigning tells the learners in the same transaction; a new due date tells those still working on it', async () => {
    await assign(day(10));
    for (const who of [learner, finisher])
      expect(await notices(who.id)).toEqual([{ kind: 'course_assigned', ref_id: course.id, data: { dueOn: day(10) } }]);
    expect(await notices(outsider.id)).toEqual([]);

    // The finisher completes the course; the due date moves: only the learner still working on it hears.
    const done = await api(finisher, 'POST', '/progress/events', {
      events: [
        { id: randomUUID(), lessonId: course.lessonId, type: 'completed', occurredAt: new Date().toISOString() },
      ],
    });
    expect(done.body.results[0].status, JSON.stringify(done.body)).toBe('recorded');
    await assign(day(2));
    expect((await notices(learner.id)).map((n) => [n.kind, n.data])).toEqual([
      ['course_assigned', { dueOn: day(10) }],
      ['due_date_changed', { dueOn: day(2) }],
    ]);
    expect(await notices(finisher.id)).toHaveLength(1);
    // The same date again changes nothing and tells nobody.
    await assign(day(2));
    expect(await notices(learner.id)).toHaveLength(2);
  });

  it("the to-do list is the learner's own: due date, days left in Korea days, next lesson, cohort dates and coming sessions", async () => {
    const past = await api(manager, 'POST', `/cohorts/${cohortId}/sessions`, {
      title: '지난 모임',
      startsAt: `${day(-2)}T10:00:00+09:00`,
    });
    expect(past.status, JSON.stringify(past.body)).toBe(201);
    const next = await api(manager, 'POST', `/cohorts/${cohortId}/sessions`, {
      title: '첫 모임',
      startsAt: `${day(3)}T19:00:00+09:00`,
      place: '3층 강의실',
      notes: '',
    });
    expect(next.body).toMatchObject({ title: '첫 모임', place: '3층 강의실', notes: null });

    const mine = await api(learner, 'GET', '/me/todo');
    expect(mine.status).toBe(200);
    expect(mine.body.today).toBe(today);
    expect(mine.body.courses).toEqual([
      {
        courseId: course.id,
        slug: course.slug,
        title: { ko: '마감 과정' },
        dueOn: day(2),
        daysLeft: 2,
        status: 'active',
        percent: 0,
        next: { lessonId: course.lessonId, started: false },
      },
    ]);
    expect(mine.body.cohorts).toHaveLength(1);
    expect(mine.body.cohorts[0]).toMatchObject({ id: cohortId, startsOn: '2026-09-01', endsOn: null });
    expect(mine.body.cohorts[0].sessions.map((s: { title: string }) => s.title)).toEqual(['첫 모임']);
    expect(new Date(mine.body.cohorts[0].sessions[0].startsAt).toISOString()).toBe(
      new Date(`${day(3)}T19:00:00+09:00`).toISOString(),
    );

    const theirs = await api(finisher, 'GET', '/me/todo');
    expect(theirs.body.courses[0]).toMatchObject({ status: 'completed', percent: 100, next: null });
    // Someone in no cohort sees nothing of it; staff have no to-do list.
    expect((await api(outsider, 'GET', '/me/todo')).body).toEqual({ today, courses: [], cohorts: [] });
    expect((await api(manager, 'GET', '/me/todo')).status).toBe(403);
  });

  it('sessions: listed, changed and deleted by the managers of the cohort only; bad input is a 400 naming the field', async () => {
    const list = await api(manager, 'GET', `/cohorts/${cohortId}/sessions`);
    expect(list.body.items.map((s: { title: string }) => s.title)).toEqual(['지난 모임', '첫 모임']);
    const id = list.body.items[1].id as string;

    const edited = await api(manager, 'PATCH', `/cohorts/${cohortId}/sessions/${id}`, {
      place: null,
      title: '첫 만남',
    });
    expect(edited.body).toMatchObject({ id, title: '첫 만남', place: null });
    expect(new Date(edited.body.startsAt).toISOString()).toBe(new Date(`${day(3)}T19:00:00+09:00`).toISOString());

    for (const [body, field] of [
      [{ title: ' ', startsAt: `${day(1)}T10:00:00+09:00` }, 'body.title'],
      [{ title: '모임', startsAt: 'tomorrow' }, 'body.startsAt'],
      [{ title: '모임', startsAt: `${day(1)}T10:00:00+09:00`, notes: 'x'.repeat(501) }, 'body.notes'],
      [{ title: '모임', startsAt: `${day(1)}T10:00:00+09:00`, learnerId: learner.id }, 'body'],
    ] as const) {
      const res = await api(manager, 'POST', `/cohorts/${cohortId}/sessions`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(JSON.stringify(res.body.fields)).toContain(field);
    }
    // Another programme's manager: the same 404 as a missing cohort or session, and nothing changes.
    expect((await api(otherManager, 'GET', `/cohorts/${cohortId}/sessions`)).status).toBe(404);
    expect((await api(otherManager, 'DELETE', `/cohorts/${cohortId}/sessions/${id}`)).status).toBe(404);
    expect((await api(manager, 'DELETE', `/cohorts/${cohortId}/sessions/${randomUUID()}`)).status).toBe(404);
    expect((await api(manager, 'GET', `/cohorts/${cohortId}/sessions`)).body.items).toHaveLength(3 - 1);

    expect((await api(manager, 'DELETE', `/cohorts/${cohortId}/sessions/${id}`)).status).toBe(204);
    expect((await api(learner, 'GET', '/me/todo')).body.cohorts[0].sessions).toEqual([]);
  });

  it("the manager's counts come from the counters: how many are still working on a course due soon or overdue", async () => {
    const counts = await api(manager, 'GET', `/cohorts/${cohortId}/due`);
    expect(counts.body).toEqual({
      today,
      upcoming: 1,
      overdue: 0,
      courses: [{ courseId: course.id, dueOn: day(2), daysLeft: 2, remaining: 1 }],
    });
    await assign(day(-1));
    expect((await api(manager, 'GET', `/cohorts/${cohortId}/due`)).body).toMatchObject({ upcoming: 0, overdue: 1 });
    expect((await api(otherManager, 'GET', `/cohorts/${cohortId}/due`)).status).toBe(404);
    expect((await api(learner, 'GET', `/cohorts/${cohortId}/due`)).status).toBe(403);
  });

  it('the reminder sweep sends "due soon" and "overdue" once per learner, course, kind and due date', async () => {
    const due = t.app.get(DueService);
    const reminders = async (who: Who) =>
      (await notices(who.id)).filter((n) => n.kind === 'due_soon' || n.kind === 'overdue').map((n) => [n.kind, n.data]);

    // Due yesterday: overdue, once, however often the sweep runs (two at once: one does it, the other skips).
    await Promise.all([due.sweep(), due.sweep()]);
    await due.sweep();
    expect(await reminders(learner)).toEqual([['overdue', { dueOn: day(-1) }]]);
    expect(await reminders(finisher)).toEqual([]);

    // A new date in 3 days: a reminder for it, once.
    await assign(day(3));
    expect(await due.sweep()).toBe(1);
    expect(await due.sweep()).toBe(0);
    expect(await reminders(learner)).toEqual([
      ['overdue', { dueOn: day(-1) }],
      ['due_soon', { dueOn: day(3) }],
    ]);
    // Further away than 3 days: nothing yet.
    await assign(day(4));
    expect(await due.sweep()).toBe(0);
  });

  it('erasing a learner deletes the reminders sent to them', async () => {
    expect((await t.db.query(`SELECT 1 FROM due_notices WHERE user_id = $1`, [learner.id])).length).toBe(2);
    expect((await api(learner, 'POST', '/me/erase', { password: TEST_PASSWORD })).status).toBe(204);
    expect(await t.db.query(`SELECT 1 FROM due_notices WHERE user_id = $1`, [learner.id])).toEqual([]);
  });
});
