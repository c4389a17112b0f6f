import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationsService } from '../src/notifications/index.js';
import { Fixtures } from './access-matrix.fixtures.js';
import { TestApp } from './test-app.js';

type Who = { id: string; username: string; cookie: string };

describe('notifications: notify and the inbox', () => {
  let t: TestApp;
  let learner: Who;
  let other: Who;
  let notifications: NotificationsService;
  beforeAll(async () => {
    t = await TestApp.create();
    [learner, other] = await Promise.all([t.signedIn('learner'), t.signedIn('learner')]);
    notifications = t.app.get(NotificationsService);
  });
  afterAll(() => t.close());

  const rowsOf = (userId: string) =>
    t.db.query<{ kind: string; ref_type: string; ref_id: string; data: Record<string, unknown> }[]>(
      `SELECT kind, ref_type, ref_id, data FROM notifications WHERE user_id = $1`,
      [userId],
    );

  it('notify writes one row per distinct known person in one statement, skipping unknown ids', async () => {
    const courseId = randomUUID();
    const n = await notifications.notify(null, [learner.id, other.id, learner.id, randomUUID()], {
      kind: 'course_assigned',
      ref: { type: 'course', id: courseId },
      data: { days: 3 },
    });
    expect(n).toBe(2);
    expect(await rowsOf(learner.id)).toEqual([
      { kind: 'course_assigned', ref_type: 'course', ref_id: courseId, data: { days: 3 } },
    ]);
    expect(await rowsOf(other.id)).toHaveLength(1);
    expect(await notifications.notify(null, [], { kind: 'overdue', ref: { type: 'course', id: courseId } })).toBe(0);
  });

  it("notify inside the caller's transaction rolls back with it", async () => {
    const before = (await rowsOf(learner.id)).length;
    await expect(
      t.db.transaction(async (m) => {
        await notifications.notify(m, [learner.id], { kind: 'overdue', ref: { type: 'course', id: randomUUID() } });
        expect((await m.query(`SELECT 1 FROM notifications WHERE user_id = $1`, [learner.id])).length).toBe(before + 1);
        throw new Error('the change it reports failed');
      }),
    ).rejects.toThrow('the change it reports failed');
    expect(await rowsOf(learner.id)).toHaveLength(before);
  });

  it('notify refuses unknown kinds and free text in data', async () => {
    const ref = { type: 'course' as const, id: randomUUID() };
    await expect(notifications.notify(null, [learner.id], { kind: 'gossip' as 'overdue', ref })).rejects.toThrow();
    await expect(
      notifications.notify(null, [learner.id], { kind: 'overdue', ref, data: { text: 'x'.repeat(200) } }),
    ).rejects.toThrow(/ids, codes and numbers/);
  });

  const api = (who: Who, method: 'GET' | 'POST', url: string, body?: unknown) =>
    t.request(method, `/api/v1${url}`, { cookie: who.cookie, body });
  const unread = async (who: Who) => (await api(who, 'GET', '/me/notifications/unread-count')).body.unread as number;

  it("the inbox: newest first, paged by cursor, the person's own only; read one, read all", async () => {
    const me = await t.signedIn('learner');
    const refs = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of refs) await notifications.notify(null, [me.id], { kind: 'due_soon', ref: { type: 'course', id } });
    expect(await unread(me)).toBe(3);
    const first = await api(me, 'GET', '/me/notifications?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((i: { ref: { id: string } }) => i.ref.id)).toEqual([refs[2], refs[1]]);
    expect(first.body.items[0]).toMatchObject({ kind: 'due_soon', read: false, courseSlug: null, html: null });
    const second = await api(me, 'GET', `/me/notifications?limit=2&cursor=${first.body.next}`);
    expect(second.body.items.map((i: { ref: { id: string } }) => i.ref.id)).toEqual([refs[0]]);
    expect(second.body.next).toBeNull();
    expect((await api(me, 'GET', '/me/notifications?cursor=nope')).status).toBe(400);

    // Another person's notification answers like a missing one, and stays unread.
    const othersId = (await api(other, 'GET', '/me/notifications')).body.items[0].id;
    expect((await api(me, 'POST', `/me/notifications/${othersId}/read`)).status).toBe(404);
    expect((await api(me, 'GET', '/me/notifications')).body.items.map((i: { id: string }) => i.id)).not.toContain(
      othersId,
    );

    expect((await api(me, 'POST', `/me/notifications/${first.body.items[0].id}/read`)).status).toBe(204);
    expect(await unread(me)).toBe(2);
    expect((await api(me, 'POST', '/me/notifications/read-all')).status).toBe(204);
    expect(await unread(me)).toBe(0);
    expect(await unread(other)).toBeGreaterThan(0);
  });

  it('announcements: a manager to a cohort, an instructor to a course; fanned out on read; read counts, not who', async () => {
    const f = new Fixtures(t);
    const [manager, instructor, outsider] = await Promise.all([
      t.signedIn('manager'),
      t.signedIn('instructor'),
      t.signedIn('learner'),
    ]);
    const inCohort = await Promise.all([t.signedIn('learner'), t.signedIn('learner')]);
    const cohort = await f.cohort(manager);
    await f.ok(manager, 'POST', `/cohorts/${cohort}/members`, {
      members: inCohort.map((l) => ({ userId: l.id, role: 'learner' })),
    });
    const before = await unread(inCohort[0]);

    // Bad input: nothing is written.
    for (const body of [{ text: { ko: '  ' } }, { text: { ko: 'x'.repeat(2001) } }, { text: { en: 'hi' } }, {}])
      expect((await api(manager, 'POST', `/cohorts/${cohort}/announcements`, body)).status).toBe(400);
    expect(await t.db.query(`SELECT 1 FROM announcements WHERE cohort_id = $1`, [cohort])).toEqual([]);

    const sent = await api(manager, 'POST', `/cohorts/${cohort}/announcements`, {
      text: { ko: '**다음 주** 모임은 화요일이에요.', en: 'Next week we meet on Tuesday.' },
    });
    expect(sent.status).toBe(201);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM announcements`)).toEqual([{ n: 1 }]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'announcement'`)).toEqual([
      { n: 0 },
    ]);
    expect(await unread(inCohort[0])).toBe(before + 1);
    expect(await unread(outsider)).toBe(0);
    const item = (await api(inCohort[0], 'GET', '/me/notifications')).body.items[0];
    expect(item).toMatchObject({ id: sent.body.id, kind: 'announcement', read: false, ref: { type: 'announcement' } });
    // The inbox carries the text as the server rendered it (the course page's path), never Markdown.
    expect(item.html).toEqual({
      ko: '<p><strong>다음 주</strong> 모임은 화요일이에요.</p>',
      en: '<p>Next week we meet on Tuesday.</p>',
    });
    expect(item).not.toHaveProperty('text');
    expect((await api(inCohort[0], 'GET', `/me/cohorts/${cohort}/announcements`)).body.items).toHaveLength(1);
    expect((await api(outsider, 'GET', `/me/cohorts/${cohort}/announcements`)).status).toBe(404);
    expect((await api(outsider, 'POST', `/me/notifications/${sent.body.id}/read`)).status).toBe(404);

    // Reading it twice counts once; staff see the number of readers, never who.
    for (let i = 0; i < 2; i++)
      expect((await api(inCohort[0], 'POST', `/me/notifications/${sent.body.id}/read`)).status).toBe(204);
    expect(await unread(inCohort[0])).toBe(before);
    const staff = (await api(manager, 'GET', `/cohorts/${cohort}/announcements`)).body.items[0];
    expect(staff).toMatchObject({ readCount: 1, audienceCount: 2 });
    expect(JSON.stringify(staff)).not.toContain(inCohort[0].id);
    const audit = await t.db.query(`SELECT details FROM audit_events WHERE action = 'announcement.sent'`);
    expect(audit).toHaveLength(1);

    // At risk only: a snapshot of who is at risk now (idle for the configured days), nobody else.
    await t.db.query(
      `UPDATE cohort_members SET added_at = now() - interval '60 days', last_active_at = NULL WHERE cohort_id = $1 AND user_id = $2`,
      [cohort, inCohort[1].id],
    );
    await t.db.query(`UPDATE cohort_members SET last_active_at = now() WHERE cohort_id = $1 AND user_id = $2`, [
      cohort,
      inCohort[0].id,
    ]);
    const atRisk = await api(manager, 'POST', `/cohorts/${cohort}/announcements`, {
      text: { ko: '도움이 필요하면 말해 주세요.' },
      atRiskOnly: true,
    });
    expect(atRisk.status).toBe(201);
    expect(atRisk.body).toMatchObject({ atRiskOnly: true, audienceCount: 1 });
    const seen = async (who: Who) =>
      (await api(who, 'GET', `/me/cohorts/${cohort}/announcements`)).body.items.map((i: { id: string }) => i.id);
    expect(await seen(inCohort[1])).toContain(atRisk.body.id);
    expect(await seen(inCohort[0])).not.toContain(atRisk.body.id);

    // An instructor to the learners of their course.
    const course = await f.course(instructor);
    await f.ok(inCohort[0], 'POST', `/courses/${course.slug}/enrol`, {});
    const toCourse = await api(instructor, 'POST', `/authoring/courses/${course.id}/announcements`, {
      text: { ko: '새 수업을 올렸어요.' },
    });
    expect(toCourse.status).toBe(201);
    const courseItem = (await api(inCohort[0], 'GET', '/me/notifications')).body.items[0];
    expect(courseItem).toMatchObject({ id: toCourse.body.id, courseSlug: course.slug });
    expect((await api(outsider, 'GET', `/me/courses/${course.id}/announcements`)).status).toBe(404);
    expect(await unread(inCohort[1])).toBeGreaterThan(0);
    expect(
      (await api(inCohort[1], 'GET', '/me/notifications')).body.items.map((i: { id: string }) => i.id),
    ).not.toContain(toCourse.body.id);
  });

  it('announcements are rate-limited per author: the eleventh in an hour is refused and writes nothing', async () => {
    const f = new Fixtures(t);
    const manager = await t.signedIn('manager');
    const cohort = await f.cohort(manager);
    for (let i = 0; i < 10; i++)
      expect(
        (await api(manager, 'POST', `/cohorts/${cohort}/announcements`, { text: { ko: `공지 ${i}` } })).status,
      ).toBe(201);
    const refused = await api(manager, 'POST', `/cohorts/${cohort}/announcements`, { text: { ko: '하나 더' } });
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(await t.db.query(`SELECT count(*)::int AS n FROM announcements WHERE cohort_id = $1`, [cohort])).toEqual([
      { n: 10 },
    ]);
  });

  it('a certificate issued tells its learner, once, linking to the course', async () => {
    const f = new Fixtures(t);
    const [instructor, learner] = await Promise.all([t.signedIn('instructor'), t.signedIn('learner')]);
    const course = await f.course(instructor);
    const { certificate } = await f.complete(learner, course);
    const items = (await api(learner, 'GET', '/me/notifications')).body.items;
    expect(items.filter((i: { kind: string }) => i.kind === 'certificate_issued')).toEqual([
      expect.objectContaining({
        ref: { type: 'certificate', id: certificate.id },
        courseSlug: course.slug,
        read: false,
      }),
    ]);
    const exported = (await api(learner, 'GET', '/me/export')).body;
    expect(exported.notifications).toEqual([expect.objectContaining({ kind: 'certificate_issued' })]);
    await t.request('POST', '/api/v1/me/erase', {
      cookie: learner.cookie,
      body: { password: 'correct horse battery staple' },
    });
    expect(await rowsOf(learner.id)).toEqual([]);
  });
});
