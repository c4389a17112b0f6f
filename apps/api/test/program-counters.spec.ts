import { randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRetryable, transactionWithRetry } from '../src/database/retry.js';
import { TestApp, uniqueName } from './test-app.js';

type Who = { id: string; cookie: string };

/**
 * The report counters (course_stats, cohort_course_stats, cohort_members.last_active_at and
 * .active_courses) are kept by triggers. Whatever happens, and in whatever order concurrent transactions commit, they must equal
 * a recount from the base tables.
 */
describe('program report counters', () => {
  let t: TestApp;
  let author: Who;
  let manager: Who;
  beforeAll(async () => {
    t = await TestApp.create({ DARI_LOGIN_MAX_FAILURES_PER_IP: '1000' });
    [author, manager] = await Promise.all([t.signedIn('instructor'), t.signedIn('manager')]);
  });
  afterAll(() => t.close());

  const api = (who: Who, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
    t.request(method, `/api/v1${url}`, { cookie: who.cookie, body });
  const ev = (lessonId: string, type: string) => ({
    id: randomUUID(),
    lessonId,
    type,
    occurredAt: new Date().toISOString(),
  });

  /**
   * Two open transactions on two connections: `first` writes and holds its locks, `second` writes
   * (its trigger waits for them), `first` commits, then `second`. Neither sees the other's row
   * before the commit: the triggers' locks must make the later one count it.
   */
  async function interleaved(
    first: (q: QueryRunner) => Promise<unknown>,
    second: (q: QueryRunner) => Promise<unknown>,
  ) {
    const [a, b] = [t.db.createQueryRunner(), t.db.createQueryRunner()];
    await Promise.all([a.connect(), b.connect()]);
    try {
      await a.startTransaction();
      await b.startTransaction();
      await first(a);
      const waiting = second(b);
      // Let the second statement reach its lock wait.
      await new Promise((r) => setTimeout(r, 300));
      await a.commitTransaction();
      await waiting;
      await b.commitTransaction();
    } finally {
      await Promise.all([a.release(), b.release()]);
    }
  }

  /** A published open course with two required readings. */
  async function course() {
    const slug = uniqueName('cnt-').toLowerCase();
    let c = (
      await api(author, 'POST', '/authoring/courses', { slug, title: { ko: `과정 ${slug}` }, enrolmentPolicy: 'open' })
    ).body;
    c = (await api(author, 'POST', `/authoring/courses/${c.id}/modules`, { title: { ko: '하나' } })).body;
    const lessons: string[] = [];
    for (const body of ['가', '나']) {
      const l = (
        await api(author, 'POST', `/authoring/modules/${c.modules[0].id}/lessons`, {
          kind: 'reading',
          title: { ko: body },
        })
      ).body;
      await api(author, 'PATCH', `/authoring/lessons/${l.id}`, {
        revision: 0,
        content: { kind: 'reading', body: { ko: body } },
      });
      lessons.push(l.id);
    }
    expect((await api(author, 'POST', `/authoring/courses/${c.id}/publish`)).status).toBe(201);
    return { id: c.id as string, slug, lessons };
  }

  async function cohort() {
    const res = await api(manager, 'POST', '/cohorts', { name: uniqueName('기수 ') });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  /** Counters next to a recount from enrolments and memberships; both sorted, zero rows dropped. */
  async function compare() {
    const norm = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r)).sort();
    const countedCourse = await t.db.query(
      `SELECT course_id, sum(enrolled)::int AS e, sum(completed)::int AS c, sum(withdrawn)::int AS w FROM course_stats GROUP BY 1 HAVING sum(enrolled) <> 0 OR sum(completed) <> 0 OR sum(withdrawn) <> 0`,
    );
    const recountCourse = await t.db.query(
      `SELECT course_id, count(*) FILTER (WHERE status <> 'withdrawn')::int AS e, count(*) FILTER (WHERE status = 'completed')::int AS c, count(*) FILTER (WHERE status = 'withdrawn')::int AS w FROM enrolments GROUP BY 1`,
    );
    expect(norm(countedCourse)).toEqual(norm(recountCourse));
    const counted = await t.db.query(
      `SELECT cohort_id, course_id, sum(enrolled)::int AS e, sum(completed)::int AS c, sum(withdrawn)::int AS w FROM cohort_course_stats GROUP BY 1, 2
        HAVING sum(enrolled) <> 0 OR sum(completed) <> 0 OR sum(withdrawn) <> 0`,
    );
    const recount = await t.db.query(
      `SELECT m.cohort_id, e.course_id, count(*) FILTER (WHERE e.status <> 'withdrawn')::int AS e, count(*) FILTER (WHERE e.status = 'completed')::int AS c, count(*) FILTER (WHERE e.status = 'withdrawn')::int AS w
         FROM cohort_members m JOIN enrolments e ON e.user_id = m.user_id WHERE m.role = 'learner' GROUP BY 1, 2`,
    );
    expect(norm(counted)).toEqual(norm(recount));
    const stale = await t.db.query(
      `SELECT m.cohort_id, m.user_id, m.last_active_at, x.t FROM cohort_members m
         LEFT JOIN (SELECT user_id, dari_hour(max(last_activity_at)) AS t FROM enrolments GROUP BY user_id) x ON x.user_id = m.user_id
        WHERE m.role = 'learner' AND m.last_active_at IS DISTINCT FROM x.t`,
    );
    expect(stale).toEqual([]);
    // active_courses: the learner's courses with an active enrolment, sorted; empty for staff.
    const wrongCourses = await t.db.query(
      `SELECT m.cohort_id, m.user_id, m.role, m.active_courses, x.a FROM cohort_members m
         LEFT JOIN (SELECT user_id, array_agg(course_id ORDER BY course_id) AS a FROM enrolments WHERE status = 'active' GROUP BY user_id) x ON x.user_id = m.user_id
        WHERE m.active_courses IS DISTINCT FROM (CASE WHEN m.role = 'learner' THEN coalesce(x.a, '{}') ELSE '{}' END)`,
    );
    expect(wrongCourses).toEqual([]);
    return { cohortCourses: recount.length, courses: recountCourse.length };
  }

  it('stay equal to a recount under concurrent progress, enrolment, membership and assignment changes', async () => {
    const [c1, c2] = [await course(), await course()];
    const [k1, k2] = [await cohort(), await cohort()];
    await api(manager, 'PUT', `/cohorts/${k1}/courses`, { courseId: c1.id });
    const people: Who[] = [];
    for (let i = 0; i < 12; i++) {
      const u = await t.createUser('learner');
      people.push({ id: u.id, cookie: await t.login(u.username) });
    }
    // Half start in cohort 1 (enrolled in course 1 through it); everyone enrols in course 2 themselves.
    await api(manager, 'POST', `/cohorts/${k1}/members`, {
      members: people.slice(0, 6).map((p) => ({ userId: p.id, role: 'learner' })),
    });

    for (let round = 0; round < 3; round++) {
      const ops: Promise<unknown>[] = [];
      people.forEach((p, i) => {
        // Progress (completing courses) races with membership changes of the same people.
        ops.push(
          api(p, 'POST', `/courses/${c2.slug}/enrol`, {}).then(() =>
            api(p, 'POST', '/progress/events', {
              events: [ev(c2.lessons[0], 'completed'), ev(c2.lessons[1], 'completed')],
            }),
          ),
        );
        ops.push(api(p, 'POST', '/progress/events', { events: [ev(c1.lessons[(i + round) % 2], 'completed')] }));
        if ((i + round) % 3 === 0)
          ops.push(api(manager, 'POST', `/cohorts/${k2}/members`, { members: [{ userId: p.id, role: 'learner' }] }));
        if ((i + round) % 3 === 1) ops.push(api(manager, 'DELETE', `/cohorts/${k2}/members/${p.id}`));
        if ((i + round) % 4 === 2)
          ops.push(api(manager, 'POST', `/cohorts/${k1}/members`, { members: [{ userId: p.id, role: 'learner' }] }));
        if ((i + round) % 5 === 3) {
          ops.push(
            (async () => {
              const mine = (await api(p, 'GET', '/me/learning')).body.items as { id: string; courseId: string }[];
              const e = mine.find((x) => x.courseId === c1.id);
              if (e) await api(p, 'POST', `/enrolments/${e.id}/withdraw`);
              await api(p, 'POST', `/courses/${c1.slug}/enrol`, {});
            })(),
          );
        }
      });
      // Assignment changes enrol whole cohorts while the above runs.
      ops.push(
        round === 1
          ? api(manager, 'DELETE', `/cohorts/${k2}/courses/${c1.id}`)
          : api(manager, 'PUT', `/cohorts/${k2}/courses`, { courseId: c1.id }),
      );
      const results = await Promise.all(ops.map((o) => o.then((r) => r as { status?: number } | null)));
      // No request may fail with a server error (a deadlock or a lock timeout would be a 500).
      expect(results.filter((r) => r && typeof r === 'object' && 'status' in r && (r.status ?? 0) >= 500)).toEqual([]);
      await compare();
    }
    // A role change (learner → no longer a learner) and back, straight in SQL, and a whole cohort going away.
    await t.db.query(`UPDATE cohort_members SET role = 'instructor' WHERE cohort_id = $1 AND user_id = $2`, [
      k1,
      people[0].id,
    ]);
    await compare();
    await t.db.query(`UPDATE cohort_members SET role = 'learner' WHERE cohort_id = $1 AND user_id = $2`, [
      k1,
      people[0].id,
    ]);
    await compare();
    await t.db.query(`DELETE FROM cohorts WHERE id = $1`, [k2]);
    const after = await compare();
    expect(after.cohortCourses).toBeGreaterThan(0);
    expect(
      (await t.db.query(`SELECT count(*)::int AS n FROM cohort_course_stats WHERE cohort_id = $1`, [k2]))[0].n,
    ).toBe(0);
  }, 120_000);

  it('two transactions changing the two sides for the same person (membership vs enrolment) are both counted', async () => {
    const c = await course();
    const k = await cohort();
    const u = await t.createUser('learner');
    // The membership first, the (already completed) enrolment second.
    await interleaved(
      (q) => q.query(`INSERT INTO cohort_members (cohort_id, user_id, role) VALUES ($1, $2, 'learner')`, [k, u.id]),
      (q) =>
        q.query(
          `INSERT INTO enrolments (user_id, course_id, source, status, completed_at, last_activity_at) VALUES ($1, $2, 'self', 'completed', now(), now())`,
          [u.id, c.id],
        ),
    );
    const [row] = await t.db.query(
      `SELECT sum(enrolled)::int AS e, sum(completed)::int AS c FROM cohort_course_stats WHERE cohort_id = $1 AND course_id = $2`,
      [k, c.id],
    );
    expect(row).toEqual({ e: 1, c: 1 });
    await compare();

    // The other way round: a withdrawal (status change) first, then the membership goes away.
    await interleaved(
      (q) =>
        q.query(
          `UPDATE enrolments SET status = 'withdrawn', withdrawn_at = now() WHERE user_id = $1 AND course_id = $2`,
          [u.id, c.id],
        ),
      (q) => q.query(`DELETE FROM cohort_members WHERE cohort_id = $1 AND user_id = $2`, [k, u.id]),
    );
    await compare();
  }, 60_000);

  it('a membership and an active enrolment of the same person, in two open transactions, both reach active_courses (either commits first)', async () => {
    const c = await course();
    for (const first of ['membership', 'enrolment'] as const) {
      const k = await cohort();
      const u = await t.createUser('learner');
      const member = (q: QueryRunner) =>
        q.query(`INSERT INTO cohort_members (cohort_id, user_id, role) VALUES ($1, $2, 'learner')`, [k, u.id]);
      const enrol = (q: QueryRunner) =>
        q.query(
          `INSERT INTO enrolments (user_id, course_id, source, last_activity_at) VALUES ($1, $2, 'self', now())`,
          [u.id, c.id],
        );
      // Whoever writes first takes the person's lock; the other's trigger waits for it, then sees its row.
      if (first === 'membership') await interleaved(member, enrol);
      else await interleaved(enrol, member);
      const [row] = await t.db.query(
        `SELECT active_courses, last_active_at IS NOT NULL AS active FROM cohort_members WHERE cohort_id = $1 AND user_id = $2`,
        [k, u.id],
      );
      expect(row).toEqual({ active_courses: [c.id], active: true });
      await compare();
    }
  }, 60_000);

  it('a transaction PostgreSQL rolls back for a deadlock runs again; a deadlock is recognised whether TypeORM wrapped it or pg threw it (prepared statements)', async () => {
    const [x, y] = [await t.createUser('learner'), await t.createUser('learner')];
    let release!: () => void;
    const bothHoldOne = new Promise<void>((r) => (release = r));
    let holding = 0;
    const attempts = { a: 0, b: 0 };
    // Two transactions take the same two rows in opposite orders: PostgreSQL aborts one of them.
    const run = (who: 'a' | 'b', first: string, second: string) =>
      transactionWithRetry(t.db, async (m) => {
        attempts[who]++;
        await m.query(`UPDATE users SET display_name = display_name || '' WHERE id = $1`, [first]);
        if (attempts[who] === 1) {
          if (++holding === 2) release();
          await bothHoldOne;
        }
        await m.query(`UPDATE users SET display_name = display_name || '' WHERE id = $1`, [second]);
        return who;
      });
    expect(await Promise.all([run('a', x.id, y.id), run('b', y.id, x.id)])).toEqual(['a', 'b']);
    expect(attempts.a + attempts.b).toBe(3);
    // The raw error a prepared statement throws and TypeORM's wrapped one are both recognised.
    const pool = (t.db.driver as unknown as { master: import('pg').Pool }).master;
    const raw = await pool
      .query(`DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '40P01'; END $$`)
      .catch((e: unknown) => e);
    const wrapped = await t.db
      .query(`DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '40001'; END $$`)
      .catch((e: unknown) => e);
    expect([isRetryable(raw), isRetryable(wrapped), isRetryable(new Error('40P01'))]).toEqual([true, true, false]);
  });

  it('the program summary, course report and grid read the counters: numbers and active learners are right', async () => {
    const c = await course();
    const k = await cohort();
    await api(manager, 'PUT', `/cohorts/${k}/courses`, { courseId: c.id });
    const people: string[] = [];
    for (const name of ['가', '나', '다']) {
      const u = await t.createUser('learner', { displayName: `학습자 ${name}` });
      people.push(u.id);
    }
    await api(manager, 'POST', `/cohorts/${k}/members`, {
      members: people.map((userId) => ({ userId, role: 'learner' })),
    });
    // 가 active today and done; 나 active 10 days ago; 다 never.
    await t.db.query(
      `UPDATE enrolments SET status = 'completed', completed_at = now(), last_activity_at = now() WHERE user_id = $1`,
      [people[0]],
    );
    await t.db.query(`UPDATE enrolments SET last_activity_at = now() - interval '10 days' WHERE user_id = $1`, [
      people[1],
    ]);
    const program = (await api(manager, 'GET', '/reports/program')).body;
    expect(program.cohorts.find((x: { id: string }) => x.id === k)).toMatchObject({
      learners: 3,
      enrolments: 3,
      completions: 1,
    });
    expect(program.courses.find((x: { id: string }) => x.id === c.id)).toMatchObject({ enrolments: 3, completions: 1 });
    const [mine] = await t.db.query(
      `SELECT count(DISTINCT m.user_id)::int AS learners,
              count(DISTINCT m.user_id) FILTER (WHERE e.last_activity_at >= now() - interval '7 days')::int AS a7,
              count(DISTINCT m.user_id) FILTER (WHERE e.last_activity_at >= now() - interval '30 days')::int AS a30
         FROM cohort_members m JOIN cohort_members mm ON mm.cohort_id = m.cohort_id AND mm.user_id = $1 AND mm.role = 'manager'
         LEFT JOIN enrolments e ON e.user_id = m.user_id WHERE m.role = 'learner'`,
      [manager.id],
    );
    expect({ learners: program.learners, a7: program.activeLast7Days, a30: program.activeLast30Days }).toEqual(mine);
    expect((await api(author, 'GET', `/reports/courses/${c.id}`)).body).toMatchObject({
      enrolments: 3,
      completions: 1,
    });
    // At risk without due dates: no learning for more than the threshold (14 days), or never since joining long ago.
    await t.db.query(`UPDATE enrolments SET last_activity_at = now() - interval '20 days' WHERE user_id = $1`, [
      people[1],
    ]);
    await t.db.query(`UPDATE cohort_members SET added_at = now() - interval '30 days' WHERE user_id = $1`, [people[2]]);
    const risky = (await api(manager, 'GET', `/reports/cohorts/${k}?atRisk=true`)).body;
    expect(risky.total).toBe(2);
    expect(risky.learners.map((l: { displayName: string; atRisk: boolean }) => [l.displayName, l.atRisk])).toEqual([
      ['학습자 나', true],
      ['학습자 다', true],
    ]);
    expect(
      (await api(manager, 'GET', `/reports/cohorts/${k}`)).body.learners.map((l: { atRisk: boolean }) => l.atRisk),
    ).toEqual([false, true, true]);

    // Keyset pages: forwards by `after`, back by `before`, the same learners in the same order.
    const p1 = (await api(manager, 'GET', `/reports/cohorts/${k}?pageSize=2`)).body;
    expect(p1.learners.map((l: { displayName: string }) => l.displayName)).toEqual(['학습자 가', '학습자 나']);
    expect(p1.prevCursor).toBeNull();
    const p2 = (await api(manager, 'GET', `/reports/cohorts/${k}?pageSize=2&after=${p1.nextCursor}`)).body;
    expect(p2.learners.map((l: { displayName: string }) => l.displayName)).toEqual(['학습자 다']);
    expect(p2.nextCursor).toBeNull();
    const back = (await api(manager, 'GET', `/reports/cohorts/${k}?pageSize=2&before=${p2.prevCursor}`)).body;
    expect(back.learners.map((l: { displayName: string }) => l.displayName)).toEqual(['학습자 가', '학습자 나']);
    expect(back.prevCursor).toBeNull();
    expect(back.nextCursor).toBe(p1.nextCursor);
    // A cursor must be a learner of this cohort (anyone else's place in the order would leak); bad input is a 400.
    const outsider = await t.createUser('learner');
    for (const q of [
      `after=${outsider.id}`,
      `after=${manager.id}`,
      'after=nope',
      `after=${people[0]}&before=${people[1]}`,
      `after=${people[0]}&page=2`,
    ]) {
      const res = await api(manager, 'GET', `/reports/cohorts/${k}?${q}`);
      expect(res.status, q).toBe(400);
    }
  }, 60_000);
});
