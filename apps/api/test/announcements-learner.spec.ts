import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fixtures } from './access-matrix.fixtures.js';
import { TestApp } from './test-app.js';

type Who = { id: string; username: string; cookie: string };
type Item = { id: string; read?: boolean; readCount?: number; html?: { ko: string; en?: string } };

/**
 * The learner's course page and cohort card show the newest announcements sent there (issue 17, D1):
 * only what is addressed to them (an at-risk-only one only to its recipients), newest first, at most 3,
 * with the same read state the inbox shows and counts.
 */
describe('announcements where the learner is: a learner in two courses and two cohorts', () => {
  let t: TestApp;
  let f: Fixtures;
  let manager: Who, instructor: Who, learner: Who, classmate: Who, stranger: Who;
  let cohortA: string, cohortB: string;
  let course1: { id: string; slug: string }, course2: { id: string; slug: string };
  const sent: Record<string, string> = {};

  const api = (who: Who, method: 'GET' | 'POST', url: string, body?: unknown) =>
    t.request(method, `/api/v1${url}`, { cookie: who.cookie, body });
  const page = async (who: Who, url: string) => {
    const res = await api(who, 'GET', url);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items as Item[];
  };
  const ids = (items: Item[]) => items.map((i) => i.id);
  const send = async (who: Who, url: string, body: unknown) => {
    const res = await api(who, 'POST', url, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    t = await TestApp.create();
    f = new Fixtures(t);
    [manager, instructor, learner, classmate, stranger] = await Promise.all([
      t.signedIn('manager'),
      t.signedIn('instructor'),
      t.signedIn('learner'),
      t.signedIn('learner'),
      t.signedIn('learner'),
    ]);
    [cohortA, cohortB] = [await f.cohort(manager), await f.cohort(manager)];
    await f.ok(manager, 'POST', `/cohorts/${cohortA}/members`, {
      members: [learner, classmate].map((l) => ({ userId: l.id, role: 'learner' })),
    });
    await f.ok(manager, 'POST', `/cohorts/${cohortB}/members`, { members: [{ userId: learner.id, role: 'learner' }] });
    [course1, course2] = [await f.course(instructor), await f.course(instructor)];
    for (const c of [course1, course2]) await f.ok(learner, 'POST', `/courses/${c.slug}/enrol`, {});
    await f.ok(classmate, 'POST', `/courses/${course1.slug}/enrol`, {});

    // The classmate is at risk (idle for weeks), the learner is not.
    await t.db.query(
      `UPDATE cohort_members SET added_at = now() - interval '60 days', last_active_at = NULL WHERE cohort_id = $1 AND user_id = $2`,
      [cohortA, classmate.id],
    );
    await t.db.query(`UPDATE cohort_members SET last_active_at = now() WHERE cohort_id = $1 AND user_id = $2`, [
      cohortA,
      learner.id,
    ]);

    sent.a = await send(manager, `/cohorts/${cohortA}/announcements`, {
      text: { ko: '## 모임\n\n**화요일** 모임이에요. <script>alert(1)</script>', en: 'We meet on **Tuesday**.' },
    });
    sent.b = await send(manager, `/cohorts/${cohortB}/announcements`, { text: { ko: 'B반 공지' } });
    sent.atRisk = await send(manager, `/cohorts/${cohortA}/announcements`, {
      text: { ko: '도움이 필요하면 말해 주세요.' },
      atRiskOnly: true,
    });
    // Four to course 1 (the page shows the newest three), one to course 2.
    for (const n of [1, 2, 3, 4])
      sent[`c1_${n}`] = await send(instructor, `/authoring/courses/${course1.id}/announcements`, {
        text: { ko: `과정 1 공지 ${n}` },
      });
    sent.c2 = await send(instructor, `/authoring/courses/${course2.id}/announcements`, { text: { ko: '과정 2 공지' } });
    // Created in this order within milliseconds: give each its own minute so "newest first" is unambiguous.
    const order = ['a', 'b', 'atRisk', 'c1_1', 'c1_2', 'c1_3', 'c1_4', 'c2'];
    for (const [i, key] of order.entries())
      await t.db.query(`UPDATE announcements SET created_at = now() - make_interval(mins => $2) WHERE id = $1`, [
        sent[key],
        order.length - i,
      ]);
  });
  afterAll(() => t.close());

  it('each cohort and course answers only its own announcements, newest first, at most three', async () => {
    expect(ids(await page(learner, `/me/cohorts/${cohortA}/announcements`))).toEqual([sent.a]);
    expect(ids(await page(learner, `/me/cohorts/${cohortB}/announcements`))).toEqual([sent.b]);
    expect(ids(await page(learner, `/me/courses/${course1.id}/announcements`))).toEqual([
      sent.c1_4,
      sent.c1_3,
      sent.c1_2,
    ]);
    expect(ids(await page(learner, `/me/courses/${course2.id}/announcements`))).toEqual([sent.c2]);
    // The at-risk-only one reaches its recipient, newest first, beside the one to everyone.
    expect(ids(await page(classmate, `/me/cohorts/${cohortA}/announcements`))).toEqual([sent.atRisk, sent.a]);
  });

  it('not my cohort or course, or no such one: the same 404, and nothing is said about it', async () => {
    const missing = randomUUID();
    for (const [who, url] of [
      [classmate, `/me/cohorts/${cohortB}/announcements`],
      [classmate, `/me/courses/${course2.id}/announcements`],
      [stranger, `/me/cohorts/${cohortA}/announcements`],
      [learner, `/me/cohorts/${missing}/announcements`],
      [learner, `/me/courses/${missing}/announcements`],
    ] as const) {
      const res = await api(who, 'GET', url);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('B반');
    }
    const notMine = await api(classmate, 'GET', `/me/courses/${course2.id}/announcements`);
    const none = await api(classmate, 'GET', `/me/courses/${missing}/announcements`);
    expect(notMine.body.code).toBe(none.body.code);
    expect(notMine.body.message).toBe(none.body.message);
  });

  it('the text comes as sanitised HTML in every language it has; no read counts for learners', async () => {
    const [a] = await page(learner, `/me/cohorts/${cohortA}/announcements`);
    expect(a.html?.ko).toContain('<strong>화요일</strong>');
    expect(a.html?.ko).not.toContain('<script');
    // The cohort card sits under h2 (to-do), h3 (cohort), h4 (announcements): the text's own headings start at h5.
    expect(a.html?.ko).toContain('<h5>모임</h5>');
    expect(a.html?.en).toBe('<p>We meet on <strong>Tuesday</strong>.</p>');
    expect(a.readCount).toBeUndefined();
    const [c] = await page(learner, `/me/courses/${course2.id}/announcements`);
    expect(c.html).toEqual({ ko: '<p>과정 2 공지</p>' });
    // Staff lists carry counts, not the rendered copy.
    const staff = (await api(manager, 'GET', `/cohorts/${cohortA}/announcements`)).body.items as Item[];
    expect(staff[0].html).toBeUndefined();
    // The inbox shows the same announcement by the same path, rendered and sanitised by the server (its headings
    // start at h2 under the inbox's h1), and no Markdown source.
    const inbox = (await api(learner, 'GET', '/me/notifications?limit=50')).body.items as (Item & { text?: unknown })[];
    const inInbox = inbox.find((i) => i.id === sent.a);
    expect(inInbox?.html?.ko).toContain('<h2>모임</h2>');
    expect(inInbox?.html?.ko).toContain('<strong>화요일</strong>');
    expect(inInbox?.html?.ko).not.toContain('<script');
    expect(inInbox?.html?.en).toBe(a.html?.en);
    expect(inInbox).not.toHaveProperty('text');
  });

  it('the pages show the read state the inbox counts: reading in the inbox marks it on the page, counts match', async () => {
    const unread = async () => (await api(learner, 'GET', '/me/notifications/unread-count')).body.unread as number;
    const inbox = async () => (await api(learner, 'GET', '/me/notifications?limit=50')).body.items as Item[];
    const readOnPages = async () => {
      const out = new Map<string, boolean>();
      for (const url of [
        `/me/cohorts/${cohortA}/announcements`,
        `/me/cohorts/${cohortB}/announcements`,
        `/me/courses/${course1.id}/announcements`,
        `/me/courses/${course2.id}/announcements`,
      ])
        for (const i of await page(learner, url)) out.set(i.id, i.read ?? false);
      return out;
    };
    // Everything addressed to the learner (not the at-risk one) is in the inbox, unread, and counted.
    const all = await inbox();
    expect(ids(all).sort()).toEqual([sent.a, sent.b, sent.c1_1, sent.c1_2, sent.c1_3, sent.c1_4, sent.c2].sort());
    expect(await unread()).toBe(7);
    expect([...(await readOnPages()).values()].every((read) => !read)).toBe(true);

    expect((await api(learner, 'POST', `/me/notifications/${sent.b}/read`)).status).toBe(204);
    expect((await api(learner, 'POST', `/me/notifications/${sent.c1_4}/read`)).status).toBe(204);
    const pages = await readOnPages();
    expect(pages.get(sent.b)).toBe(true);
    expect(pages.get(sent.c1_4)).toBe(true);
    expect(pages.get(sent.a)).toBe(false);
    expect(await unread()).toBe(5);
    // Every announcement a page shows has the same read state in the inbox.
    const inInbox = new Map((await inbox()).map((i) => [i.id, i.read]));
    for (const [id, read] of pages) expect(inInbox.get(id)).toBe(read);
    // Staff see one reader on each of the two, never who.
    const staffB = (await api(manager, 'GET', `/cohorts/${cohortB}/announcements`)).body.items as Item[];
    expect(staffB[0].readCount).toBe(1);
    expect(JSON.stringify(staffB)).not.toContain(learner.id);
  });

  it('after withdrawing from a course its announcements leave the page and the count alike', async () => {
    const before = (await api(learner, 'GET', '/me/notifications/unread-count')).body.unread as number;
    const [enrolment] = await t.db.query<{ id: string }[]>(
      `SELECT id FROM enrolments WHERE user_id = $1 AND course_id = $2`,
      [learner.id, course2.id],
    );
    expect((await api(learner, 'POST', `/enrolments/${enrolment.id}/withdraw`)).status).toBeLessThan(300);
    expect((await api(learner, 'GET', `/me/courses/${course2.id}/announcements`)).status).toBe(404);
    expect((await api(learner, 'GET', '/me/notifications/unread-count')).body.unread).toBe(before - 1);
    expect((await api(learner, 'POST', `/me/notifications/${sent.c2}/read`)).status).toBe(404);
  });
});
