import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredStatements } from '../src/database/sql.js';
import '../src/reports/charts.queries.js';
import { Fixtures } from './access-matrix.fixtures.js';
import { TestApp } from './test-app.js';

type Who = { id: string; username: string; cookie: string };
type Charts = {
  weeks: string[];
  active: number[];
  courses: { courseId: string; enrolled: number; completed: number[] }[];
};

/**
 * The manager's cohort charts (issue 17): weekly active learners and completions per course over the
 * cohort's life, from the weekly counters the triggers keep (never events, never who).
 */
describe('cohort charts: weekly counters and the charts they answer', () => {
  let t: TestApp;
  let f: Fixtures;
  let manager: Who, instructor: Who;
  let learners: Who[];
  let cohort: string;
  let courses: Awaited<ReturnType<Fixtures['course']>>[];

  const charts = async (who: Who = manager) => {
    const res = await t.request('GET', `/api/v1/reports/cohorts/${cohort}/charts`, { cookie: who.cookie });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as Charts;
  };
  /** Korea's Monday of the week `weeksAgo` weeks before this one, as the database counts it. */
  const monday = async (weeksAgo: number) =>
    (
      await t.db.query<{ d: string }[]>(
        `SELECT to_char(date_trunc('week', (now() AT TIME ZONE 'Asia/Seoul')::date) - make_interval(weeks => $1), 'YYYY-MM-DD') AS d`,
        [weeksAgo],
      )
    )[0].d;
  /** Sets a learner's activity in the cohort to noon (Korea) on a day of the week `weeksAgo` before this one. */
  const activeAt = (who: Who, weeksAgo: number, day = 2) =>
    t.db.query(
      `UPDATE cohort_members SET last_active_at = (date_trunc('week', (now() AT TIME ZONE 'Asia/Seoul')::date) - make_interval(weeks => $3) + make_interval(days => $4, hours => 12)) AT TIME ZONE 'Asia/Seoul'
        WHERE cohort_id = $1 AND user_id = $2`,
      [cohort, who.id, weeksAgo, day],
    );

  beforeAll(async () => {
    t = await TestApp.create();
    f = new Fixtures(t);
    [manager, instructor] = await Promise.all([t.signedIn('manager'), t.signedIn('instructor')]);
    learners = await Promise.all([1, 2, 3].map(() => t.signedIn('learner')));
    cohort = await f.cohort(manager);
    // The cohort began four weeks ago (Korea), and learners joined then.
    await t.db.query(
      `UPDATE cohorts SET starts_on = date_trunc('week', (now() AT TIME ZONE 'Asia/Seoul')::date) - interval '4 weeks', ends_on = NULL WHERE id = $1`,
      [cohort],
    );
    await f.ok(manager, 'POST', `/cohorts/${cohort}/members`, {
      members: learners.map((l) => ({ userId: l.id, role: 'learner' })),
    });
    await t.db.query(`UPDATE cohort_members SET added_at = now() - interval '5 weeks' WHERE cohort_id = $1`, [cohort]);
    courses = [await f.course(instructor), await f.course(instructor)];
    for (const c of courses) await f.ok(manager, 'PUT', `/cohorts/${cohort}/courses`, { courseId: c.id });
  });
  afterAll(() => t.close());

  it('weeks run from the start to this week; nobody active yet, nothing completed', async () => {
    const c = await charts();
    expect(c.weeks).toEqual([await monday(4), await monday(3), await monday(2), await monday(1), await monday(0)]);
    expect(c.active).toEqual([0, 0, 0, 0, 0]);
    expect(c.courses.map((x) => x.courseId)).toEqual(courses.map((x) => x.id));
    expect(c.courses.map((x) => [x.enrolled, x.completed])).toEqual([
      [3, [0, 0, 0, 0, 0]],
      [3, [0, 0, 0, 0, 0]],
    ]);
  });

  it('a learner counts once in each week they were active, however often; moving back never counts', async () => {
    const [a, b, c] = learners;
    await activeAt(a, 3, 1);
    await activeAt(a, 3, 4); // again the same week: still one
    await activeAt(b, 3, 2);
    await activeAt(a, 1);
    await activeAt(b, 2);
    await activeAt(b, 3); // back in time (by hand): not counted again
    await activeAt(c, 7); // before they joined the cohort: not counted
    expect((await charts()).active).toEqual([0, 2, 1, 1, 0]);
  });

  it('real learning moves this week: the progress path keeps the counter, once a week', async () => {
    const [a] = learners;
    await f.ok(a, 'POST', `/courses/${courses[0].slug}/enrol`, {});
    const event = f.event(courses[0].readingId, 'viewed');
    await f.ok(a, 'POST', '/progress/events', { events: [event] });
    await f.ok(a, 'POST', '/progress/events', { events: [f.event(courses[0].readingId, 'viewed')] });
    expect((await charts()).active.at(-1)).toBe(1);
  });

  it('completions count in the week they happen, as a running total per course, for the cohort only', async () => {
    const [a, b] = learners;
    await f.complete(a, courses[0]);
    await f.complete(b, courses[0]);
    await f.complete(b, courses[1]);
    // One of them completed it two weeks ago (the counter is kept by the week of completed_at).
    await t.db.query(
      `UPDATE cohort_completion_weeks SET completed = completed - 1 WHERE cohort_id = $1 AND course_id = $2 AND week = $3::date AND completed > 0
          AND shard = (SELECT dari_shard($4::uuid))`,
      [cohort, courses[0].id, await monday(0), b.id],
    );
    await t.db.query(
      `INSERT INTO cohort_completion_weeks (cohort_id, course_id, week, shard, completed) VALUES ($1, $2, $3::date, dari_shard($4::uuid), 1)
       ON CONFLICT (cohort_id, course_id, week, shard) DO UPDATE SET completed = cohort_completion_weeks.completed + 1`,
      [cohort, courses[0].id, await monday(2), b.id],
    );
    const c = await charts();
    expect(c.courses[0].completed).toEqual([0, 0, 1, 1, 2]);
    expect(c.courses[1].completed).toEqual([0, 0, 0, 0, 1]);
    // Only the cohort's learners count: someone outside completing the course changes nothing.
    const outsider = await t.signedIn('learner');
    await f.complete(outsider, courses[1]);
    expect((await charts()).courses[1].completed).toEqual([0, 0, 0, 0, 1]);
    // Aggregates only: no learner's id or name in the answer.
    const body = JSON.stringify(c);
    for (const l of learners) {
      expect(body).not.toContain(l.id);
      expect(body).not.toContain(l.username);
    }
  });

  it("another manager's cohort, or none: the same 404", async () => {
    const other = await t.signedIn('manager');
    const res = await t.request('GET', `/api/v1/reports/cohorts/${cohort}/charts`, { cookie: other.cookie });
    const missing = await t.request('GET', `/api/v1/reports/cohorts/00000000-0000-4000-8000-000000000000/charts`, {
      cookie: other.cookie,
    });
    expect([res.status, missing.status]).toEqual([404, 404]);
    expect(res.body.message).toBe(missing.body.message);
  });

  it('reads only the counters by primary key, whatever the cohort size (the plan, and the time at two years × 16 shards)', async () => {
    const sqlOf = (name: string) => {
      const s = registeredStatements().get(name);
      if (!s) throw new Error(`no statement ${name}`);
      return s.text;
    };
    const plan = async (name: string) =>
      t.db.transaction(async (m) => {
        await m.query(`SET LOCAL enable_seqscan = off`);
        return (await m.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN (COSTS OFF) ${sqlOf(name)}`, [cohort]))
          .map((r) => r['QUERY PLAN'])
          .join('\n');
      });
    const active = await plan('reports.chartActiveWeeks');
    const completion = await plan('reports.chartCompletionWeeks');
    for (const p of [active, completion]) {
      expect(p).not.toMatch(/cohort_members|enrolments|learning_events|lesson_progress/);
      expect(p).not.toMatch(/Seq Scan on (cohort_activity_weeks|cohort_completion_weeks)/);
    }
    expect(active).toMatch(/Index (Only )?Scan using "PK_319620ee8f752f982265d075c6b" on cohort_activity_weeks/);
    expect(completion).toMatch(
      /Index (Only )?Scan on "PK_5df629f9629e10ee5c057685753"|Index (Only )?Scan using "PK_5df629f9629e10ee5c057685753"/,
    );

    // A full two years of counters, every shard, both courses: still a few milliseconds.
    await t.db.query(`UPDATE cohorts SET starts_on = current_date - 800 WHERE id = $1`, [cohort]);
    await t.db.query(
      `INSERT INTO cohort_activity_weeks (cohort_id, week, shard, active)
       SELECT $1, date_trunc('week', current_date - w * 7)::date, s, 100 FROM generate_series(0, 110) w, generate_series(0, 15) s
       ON CONFLICT DO NOTHING`,
      [cohort],
    );
    await t.db.query(
      `INSERT INTO cohort_completion_weeks (cohort_id, course_id, week, shard, completed)
       SELECT $1, c, date_trunc('week', current_date - w * 7)::date, s, 10 FROM unnest($2::uuid[]) c, generate_series(0, 110) w, generate_series(0, 15) s
       ON CONFLICT DO NOTHING`,
      [cohort, courses.map((c) => c.id)],
    );
    await charts();
    const started = performance.now();
    const big = await charts();
    const ms = performance.now() - started;
    expect(big.weeks).toHaveLength(104);
    expect(big.active[50]).toBe(1600);
    /** The planner's total cost (kept under jit_above_cost, 100000: JIT compiling alone took 30-90 ms here) and the run time. */
    const analyse = async (name: string) => {
      const lines = (
        await t.db.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${sqlOf(name)}`, [cohort])
      ).map((r) => r['QUERY PLAN']);
      const cost = Number(/cost=[\d.]+\.\.([\d.]+)/.exec(lines[0])?.[1]);
      const ms = Number(/Execution Time: ([\d.]+)/.exec(lines.join('\n'))?.[1]);
      expect(lines.join('\n')).not.toMatch(/JIT:/);
      return { cost, ms };
    };
    for (const name of ['reports.chartActiveWeeks', 'reports.chartCompletionWeeks']) {
      await analyse(name);
      const { cost, ms } = await analyse(name);
      expect(cost).toBeLessThan(100_000);
      console.log(`${name}: cost ${cost}, ${ms} ms (104 weeks × 16 shards × 2 courses, warm)`);
    }
    console.log(`cohort charts: ${ms.toFixed(1)} ms for the HTTP round trip (warm)`);
  });
});
