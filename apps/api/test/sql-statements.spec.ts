import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_LOG_COUNT, AUDIT_LOG_PAGE } from '../src/privacy/privacy.service.js';
import { COHORT_MEMBERS_COUNT, COHORT_MEMBERS_PAGE } from '../src/cohorts/cohorts.queries.js';
import { atRiskSql, exportPageSql, gridCountSql, gridPageSql, idleSql, type Sql } from '../src/reports/report-sql.js';
import { TestApp, uniqueName } from './test-app.js';

/**
 * The SQL statements still assembled from a fragment (the at-risk rule, one definition shared by
 * the cohort grid's page, its count and the CSV export), shown whole: a reviewer reads here the exact
 * statement each builder makes (whitespace normalised), and each is run against real rows.
 */

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const same = (q: Sql, text: string, values: unknown[]) => {
  expect(norm(q.text)).toBe(norm(text));
  expect(q.values).toEqual(values);
};

describe('the at-risk rule as a fragment', () => {
  it('applies to the alias it is given and reads the placeholders it is given, nothing else', () => {
    expect(idleSql('m', { days: '$2' })).toBe(
      `coalesce(m.last_active_at, m.added_at) < now() - make_interval(days => $2)`,
    );
    expect(atRiskSql('p', { days: '$2', pastDue: '$5' })).toBe(
      `(coalesce(p.last_active_at, p.added_at) < now() - make_interval(days => $2) OR p.active_courses && $5::uuid[])`,
    );
    // Anything but a bare alias or a placeholder is refused, so a fragment cannot be handed an expression.
    for (const bad of ['m.x', 'M', '', 'm; DROP TABLE users', '(m)'])
      expect(() => atRiskSql(bad, { days: '$2', pastDue: '$5' })).toThrow(/not an SQL alias/);
    for (const bad of ['2', '$0', '$', '$2 OR true', 'm.days'])
      expect(() => idleSql('m', { days: bad })).toThrow(/not a placeholder/);
  });
});

describe('the cohort grid and export statements, whole and run', () => {
  let t: TestApp;
  const days = 14;
  // K1 and K2 share the course C: past its due date in K1, not in K2. 가 is idle (and finished C),
  // 나 is in both cohorts and still active in C, 다 finished C, 라 (K2 only) is active in C.
  let k1: string;
  let k2: string;
  let c: string;
  const who: Record<string, string> = {};

  beforeAll(async () => {
    t = await TestApp.create();
    const author = await t.signedIn('instructor');
    const manager = await t.signedIn('manager');
    const api = (cookie: string, method: 'POST' | 'PATCH' | 'PUT', url: string, body?: unknown) =>
      t.request(method, `/api/v1${url}`, { cookie, body });
    let course = (
      await api(author.cookie, 'POST', '/authoring/courses', {
        slug: uniqueName('sql-').toLowerCase(),
        title: { ko: '과정' },
      })
    ).body;
    course = (await api(author.cookie, 'POST', `/authoring/courses/${course.id}/modules`, { title: { ko: '하나' } }))
      .body;
    const lesson = (
      await api(author.cookie, 'POST', `/authoring/modules/${course.modules[0].id}/lessons`, {
        kind: 'reading',
        title: { ko: '읽기' },
      })
    ).body;
    await api(author.cookie, 'PATCH', `/authoring/lessons/${lesson.id}`, {
      revision: 0,
      content: { kind: 'reading', body: { ko: '가' } },
    });
    expect((await api(author.cookie, 'POST', `/authoring/courses/${course.id}/publish`)).status).toBe(201);
    c = course.id;
    k1 = (await api(manager.cookie, 'POST', '/cohorts', { name: uniqueName('K1 ') })).body.id;
    k2 = (await api(manager.cookie, 'POST', '/cohorts', { name: uniqueName('K2 ') })).body.id;
    await api(manager.cookie, 'PUT', `/cohorts/${k1}/courses`, { courseId: c, dueOn: '2020-01-01' });
    await api(manager.cookie, 'PUT', `/cohorts/${k2}/courses`, { courseId: c, dueOn: '2099-01-01' });
    for (const name of ['가', '나', '다', '라']) who[name] = (await t.createUser('learner', { displayName: name })).id;
    const add = (k: string, names: string[]) =>
      api(manager.cookie, 'POST', `/cohorts/${k}/members`, {
        members: names.map((n) => ({ userId: who[n], role: 'learner' })),
      });
    expect((await add(k1, ['가', '나', '다'])).status).toBe(200);
    expect((await add(k2, ['나', '라'])).status).toBe(200);
    await t.db.query(
      `UPDATE enrolments SET status = 'completed', completed_at = now() WHERE course_id = $1 AND user_id = ANY($2::uuid[])`,
      [c, [who['가'], who['다']]],
    );
    await t.db.query(
      `UPDATE cohort_members SET last_active_at = now() - interval '40 days', added_at = now() - interval '40 days' WHERE user_id = $1`,
      [who['가']],
    );
  });
  afterAll(() => t.close());

  const run = async (q: Sql) => await t.db.query<Record<string, unknown>[]>(q.text, q.values);
  const page = async (q: Sql) =>
    (await t.db.query<{ display_name: string; at_risk: boolean }[]>(q.text, q.values))
      .map((r) => `${r.display_name}${r.at_risk ? '!' : ''}`)
      .join(' ');

  it('the grid page: all learners, first page', async () => {
    const q = gridPageSql({ cohortId: k1, days, pastDue: [c], limit: 51, offset: 0, onlyAtRisk: false, cursor: null });
    same(
      q,
      `WITH p AS (
         SELECT m.user_id, u.display_name, m.added_at, m.last_active_at, m.active_courses
           FROM cohort_members m JOIN users u ON u.id = m.user_id
          WHERE m.cohort_id = $1 AND m.role = 'learner'
          ORDER BY u.display_name, u.id LIMIT $3 OFFSET $4)
       SELECT p.user_id, p.display_name, (SELECT max(e.last_activity_at) FROM enrolments e WHERE e.user_id = p.user_id GROUP BY e.user_id) AS last_active,
              (coalesce(p.last_active_at, p.added_at) < now() - make_interval(days => $2) OR p.active_courses && $5::uuid[]) AS at_risk
         FROM p ORDER BY p.display_name, p.user_id`,
      [k1, days, 51, 0, [c]],
    );
    expect(await page(q)).toBe('가! 나! 다');
    // The same learner 나 in K2, where the shared course is not past due: not at risk there.
    expect(
      await page(
        gridPageSql({ cohortId: k2, days, pastDue: [], limit: 51, offset: 0, onlyAtRisk: false, cursor: null }),
      ),
    ).toBe('나 라');
  });

  it('the grid page: all learners, after and before a cursor', async () => {
    const after = gridPageSql({
      cohortId: k1,
      days,
      pastDue: [c],
      limit: 51,
      offset: 0,
      onlyAtRisk: false,
      cursor: { name: '가', id: who['가'], backwards: false },
    });
    same(
      after,
      `WITH p AS (
         SELECT m.user_id, u.display_name, m.added_at, m.last_active_at, m.active_courses
           FROM cohort_members m JOIN users u ON u.id = m.user_id
          WHERE m.cohort_id = $1 AND m.role = 'learner' AND (u.display_name, u.id) > ($6::text, $7::uuid)
          ORDER BY u.display_name, u.id LIMIT $3 OFFSET $4)
       SELECT p.user_id, p.display_name, (SELECT max(e.last_activity_at) FROM enrolments e WHERE e.user_id = p.user_id GROUP BY e.user_id) AS last_active,
              (coalesce(p.last_active_at, p.added_at) < now() - make_interval(days => $2) OR p.active_courses && $5::uuid[]) AS at_risk
         FROM p ORDER BY p.display_name, p.user_id`,
      [k1, days, 51, 0, [c], '가', who['가']],
    );
    expect(await page(after)).toBe('나! 다');
    const before = gridPageSql({
      cohortId: k1,
      days,
      pastDue: [c],
      limit: 51,
      offset: 0,
      onlyAtRisk: false,
      cursor: { name: '다', id: who['다'], backwards: true },
    });
    same(
      before,
      `WITH p AS (
         SELECT m.user_id, u.display_name, m.added_at, m.last_active_at, m.active_courses
           FROM cohort_members m JOIN users u ON u.id = m.user_id
          WHERE m.cohort_id = $1 AND m.role = 'learner' AND (u.display_name, u.id) < ($6::text, $7::uuid)
          ORDER BY u.display_name DESC, u.id DESC LIMIT $3 OFFSET $4)
       SELECT p.user_id, p.display_name, (SELECT max(e.last_activity_at) FROM enrolments e WHERE e.user_id = p.user_id GROUP BY e.user_id) AS last_active,
              (coalesce(p.last_active_at, p.added_at) < now() - make_interval(days => $2) OR p.active_courses && $5::uuid[]) AS at_risk
         FROM p ORDER BY p.display_name DESC, p.user_id DESC`,
      [k1, days, 51, 0, [c], '다', who['다']],
    );
    expect(await page(before)).toBe('나! 가!');
  });

  it('the grid page: at risk only, first page, after and before a cursor', async () => {
    const first = gridPageSql({
      cohortId: k1,
      days,
      pastDue: [c],
      limit: 51,
      offset: 0,
      onlyAtRisk: true,
      cursor: null,
    });
    same(
      first,
      `WITH p AS (
         SELECT m.user_id, u.display_name, m.added_at, m.last_active_at, m.active_courses
           FROM cohort_members m JOIN users u ON u.id = m.user_id
          WHERE m.cohort_id = $1 AND m.role = 'learner'
            AND (coalesce(m.last_active_at, m.added_at) < now() - make_interval(days => $2) OR m.active_courses && $5::uuid[])
          ORDER BY u.display_name, u.id LIMIT $3 OFFSET $4)
       SELECT p.user_id, p.display_name, (SELECT max(e.last_activity_at) FROM enrolments e WHERE e.user_id = p.user_id GROUP BY e.user_id) AS last_active,
              (coalesce(p.last_active_at, p.added_at) < now() - make_interval(days => $2) OR p.active_courses && $5::uuid[]) AS at_risk
         FROM p ORDER BY p.display_name, p.user_id`,
      [k1, days, 51, 0, [c]],
    );
    expect(await page(first)).toBe('가! 나!');
    expect(
      await page(
        gridPageSql({ cohortId: k2, days, pastDue: [], limit: 51, offset: 0, onlyAtRisk: true, cursor: null }),
      ),
    ).toBe('');

    const after = gridPageSql({
      cohortId: k1,
      days,
      pastDue: [c],
      limit: 51,
      offset: 0,
      onlyAtRisk: true,
      cursor: { name: '가', id: who['가'], backwards: false },
    });
    same(
      after,
      `WITH p AS (
         SELECT m.user_id, u.display_name, m.added_at, m.last_active_at, m.active_courses
           FROM cohort_members m JOIN users u ON u.id = m.user_id
          WHERE m.cohort_id = $1 AND m.role = 'learner'
            AND (coalesce(m.last_active_at, m.added_at) < now() - make_interval(days => $2) OR m.active_courses && $5::uuid[])
            AND (u.display_name, u.id) > ($6::text, $7::uuid)
          ORDER BY u.display_name, u.id LIMIT $3 OFFSET $4)
       SELECT p.user_id, p.display_name, (SELECT max(e.last_activity_at) FROM enrolments e WHERE e.user_id = p.user_id GROUP BY e.user_id) AS last_active,
              (coalesce(p.last_active_at, p.added_at) < now() - make_interval(days => $2) OR p.active_courses && $5::uuid[]) AS at_risk
         FROM p ORDER BY p.display_name, p.user_id`,
      [k1, days, 51, 0, [c], '가', who['가']],
    );
    expect(await page(after)).toBe('나!');

    const before = gridPageSql({
      cohortId: k1,
      days,
      pastDue: [c],
      limit: 51,
      offset: 0,
      onlyAtRisk: true,
      cursor: { name: '다', id: who['다'], backwards: true },
    });
    same(
      before,
      `WITH p AS (
         SELECT m.user_id, u.display_name, m.added_at, m.last_active_at, m.active_courses
           FROM cohort_members m JOIN users u ON u.id = m.user_id
          WHERE m.cohort_id = $1 AND m.role = 'learner'
            AND (coalesce(m.last_active_at, m.added_at) < now() - make_interval(days => $2) OR m.active_courses && $5::uuid[])
            AND (u.display_name, u.id) < ($6::text, $7::uuid)
          ORDER BY u.display_name DESC, u.id DESC LIMIT $3 OFFSET $4)
       SELECT p.user_id, p.display_name, (SELECT max(e.last_activity_at) FROM enrolments e WHERE e.user_id = p.user_id GROUP BY e.user_id) AS last_active,
              (coalesce(p.last_active_at, p.added_at) < now() - make_interval(days => $2) OR p.active_courses && $5::uuid[]) AS at_risk
         FROM p ORDER BY p.display_name DESC, p.user_id DESC`,
      [k1, days, 51, 0, [c], '다', who['다']],
    );
    expect(await page(before)).toBe('나! 가!');
    // Without a course past due only the idle learner is at risk.
    expect(
      await page(
        gridPageSql({ cohortId: k1, days, pastDue: [], limit: 51, offset: 0, onlyAtRisk: true, cursor: null }),
      ),
    ).toBe('가!');
  });

  it('the grid count: all learners, or the two disjoint halves of at risk', async () => {
    const total = async (qs: Sql[]) =>
      (await Promise.all(qs.map(async (q) => (await run(q))[0].n as number))).reduce((a, b) => a + b, 0);
    const all = gridCountSql({ cohortId: k1, days, pastDue: [c], onlyAtRisk: false });
    expect(all).toHaveLength(1);
    same(all[0], `SELECT count(*)::int AS n FROM cohort_members m WHERE m.cohort_id = $1 AND m.role = 'learner'`, [k1]);
    expect(await total(all)).toBe(3);

    const risky = gridCountSql({ cohortId: k1, days, pastDue: [c], onlyAtRisk: true });
    expect(risky).toHaveLength(2);
    same(
      risky[0],
      `SELECT count(*)::int AS n FROM cohort_members m WHERE m.cohort_id = $1 AND m.role = 'learner'
          AND coalesce(m.last_active_at, m.added_at) < now() - make_interval(days => $2)`,
      [k1, days],
    );
    same(
      risky[1],
      `SELECT count(*)::int AS n FROM cohort_members m WHERE m.cohort_id = $1 AND m.role = 'learner'
          AND NOT coalesce(m.last_active_at, m.added_at) < now() - make_interval(days => $2) AND m.active_courses && $3::uuid[]`,
      [k1, days, [c]],
    );
    expect(await Promise.all(risky.map(async (q) => (await run(q))[0].n))).toEqual([1, 1]);

    // No course past due: the idle half alone.
    const idleOnly = gridCountSql({ cohortId: k2, days, pastDue: [], onlyAtRisk: true });
    expect(idleOnly.map((q) => norm(q.text))).toEqual([norm(risky[0].text)]);
    expect(await total(idleOnly)).toBe(0);
  });

  it('the CSV export page: the given learners, in their order', async () => {
    const text = `SELECT m.user_id, u.display_name, (SELECT max(x.last_activity_at) FROM enrolments x WHERE x.user_id = m.user_id GROUP BY x.user_id) AS last_active,
             (coalesce(m.last_active_at, m.added_at) < now() - make_interval(days => $2) OR m.active_courses && $3::uuid[]) AS at_risk,
             (SELECT json_agg(json_build_object('course_id', e.course_id, 'status', e.status, 'percent', e.percent, 'overdue', coalesce(cc.due_on < current_date AND e.status = 'active', false)))
                FROM cohort_courses cc JOIN enrolments e ON e.course_id = cc.course_id AND e.user_id = m.user_id
               WHERE cc.cohort_id = m.cohort_id) AS cells
        FROM unnest($4::uuid[]) WITH ORDINALITY AS page(user_id, n)
        CROSS JOIN LATERAL (
          SELECT k.cohort_id, k.user_id, k.role, k.added_at, k.last_active_at, k.active_courses
            FROM cohort_members k WHERE k.cohort_id = $1 AND k.user_id = page.user_id LIMIT 1) AS m
        JOIN users u ON u.id = m.user_id
       WHERE m.role = 'learner'
       ORDER BY page.n`;
    const all = [who['가'], who['나'], who['다']];
    const first = exportPageSql({ cohortId: k1, days, pastDue: [c], learnerIds: all });
    same(first, text, [k1, days, [c], all]);
    const rows = await run(first);
    expect(
      rows.map((r) => [
        r.display_name,
        r.at_risk,
        (r.cells as { status: string; overdue: boolean }[]).map((x) => `${x.status}${x.overdue ? ' overdue' : ''}`),
      ]),
    ).toEqual([
      ['가', true, ['completed']],
      ['나', true, ['active overdue']],
      ['다', false, ['completed']],
    ]);
    // A page is the ids it is given, in their order; an id not a learner of this cohort is left out.
    const some = exportPageSql({ cohortId: k1, days, pastDue: [c], learnerIds: [who['다'], who['라'], who['가']] });
    same(some, text, [k1, days, [c], [who['다'], who['라'], who['가']]]);
    expect((await run(some)).map((r) => r.display_name)).toEqual(['다', '가']);
    // K2: the same course, not yet due there; 나 is neither overdue nor at risk.
    const k2Rows = await run(exportPageSql({ cohortId: k2, days, pastDue: [], learnerIds: [who['나'], who['라']] }));
    expect(k2Rows.map((r) => [r.display_name, r.at_risk, (r.cells as { overdue: boolean }[])[0].overdue])).toEqual([
      ['나', false, false],
      ['라', false, false],
    ]);
  });
});

describe('optional filters written whole: ($n IS NULL OR …)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  /** The plan PostgreSQL makes for this call, with its values bound (as the app's queries are planned). */
  const plan = (sql: string, values: unknown[]) =>
    t.db.transaction(async (m) => {
      await m.query(`SET LOCAL enable_seqscan = off`);
      return (await m.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN (COSTS OFF) ${sql}`, values))
        .map((r) => r['QUERY PLAN'])
        .join('\n');
    });

  it('a filter given folds to itself and uses its index; a filter not given drops out of the plan, and matches every row', async () => {
    const [a, b] = [await t.createUser('admin'), await t.createUser('learner')];
    await t.db.query(
      `INSERT INTO audit_events (actor_id, action, target_user_id) VALUES ($1, 'user.viewed', $2), ($1, 'login.failed', NULL), ($2, 'login.succeeded', NULL)`,
      [a.id, b.id],
    );
    const none = [null, null, null, null, null, null];
    const byActor = await plan(AUDIT_LOG_COUNT, [a.id, null, null, null, null, null]);
    expect(byActor).toMatch(/Index Cond: \(actor_id = '[0-9a-f-]+'::uuid\)/);
    expect(byActor).not.toMatch(/IS NULL/);
    expect(await plan(AUDIT_LOG_PAGE, [null, b.id, null, null, null, null, 50, 0])).toMatch(
      /Index Cond: \(target_user_id = '[0-9a-f-]+'::uuid\)/,
    );
    expect(await plan(AUDIT_LOG_COUNT, none)).not.toMatch(/IS NULL|Filter/);
    const total = async (values: unknown[]) =>
      (await t.db.query<{ total: number }[]>(AUDIT_LOG_COUNT, values))[0].total;
    const all = await total(none);
    expect(all).toBeGreaterThanOrEqual(3);
    expect(await total([a.id, null, null, null, null, null])).toBe(2);
    expect(await total([a.id, null, null, 'login.%', null, null])).toBe(1);
    expect(await total([null, null, 'login', null, null, null])).toBe(0);

    const k = (await t.db.query(`INSERT INTO cohorts (name) VALUES ('k') RETURNING id`))[0].id as string;
    await t.db.query(`INSERT INTO cohort_members (cohort_id, user_id, role) VALUES ($1, $2, 'learner')`, [k, b.id]);
    const members = await plan(COHORT_MEMBERS_PAGE, [k, 'learner', null, 50, 0]);
    expect(members).toMatch(/role\)::text = 'learner'::text|role = 'learner'/);
    expect(members).not.toMatch(/IS NULL|ILIKE/);
    const count = async (values: unknown[]) =>
      (await t.db.query<{ total: number }[]>(COHORT_MEMBERS_COUNT, values))[0].total;
    expect([
      await count([k, null, null]),
      await count([k, 'learner', null]),
      await count([k, 'manager', null]),
      await count([k, null, '%없는 이름%']),
    ]).toEqual([1, 1, 0, 0]);
  });
});
