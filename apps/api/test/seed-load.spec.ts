import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProgram } from '../scripts/load-data.js';
import { dataSourceOptions } from '../src/data-source.js';
import { createTestDatabase } from './test-db.js';

/**
 * The load seed (npm run seed:load) writes lesson_progress with its per-row counter trigger off and
 * counts the rows itself. Whatever it writes, every counter the triggers keep must equal a recount from
 * the base tables afterwards — per shard, where the counter is sharded — as if the learners had got there
 * through the app.
 */
describe('load seed counters', () => {
  let db: DataSource;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const t = await createTestDatabase();
    drop = t.drop;
    db = new DataSource(dataSourceOptions(t.url));
    await db.initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await drop();
  });

  /** Rows of a query as sorted JSON lines, so that two row sets compare whole. */
  const rows = async (text: string, values: unknown[] = []) =>
    (await db.query<Record<string, unknown>[]>(text, values)).map((r) => JSON.stringify(r)).sort();

  async function countersAndRecounts() {
    return {
      course_stats: [
        await rows(
          `SELECT course_id, shard, enrolled, completed, withdrawn FROM course_stats WHERE enrolled <> 0 OR completed <> 0 OR withdrawn <> 0`,
        ),
        await rows(
          `SELECT course_id, dari_shard(user_id) AS shard, count(*) FILTER (WHERE status <> 'withdrawn')::int AS enrolled,
                  count(*) FILTER (WHERE status = 'completed')::int AS completed, count(*) FILTER (WHERE status = 'withdrawn')::int AS withdrawn
             FROM enrolments GROUP BY 1, 2`,
        ),
      ],
      cohort_course_stats: [
        await rows(
          `SELECT cohort_id, course_id, shard, enrolled, completed, withdrawn FROM cohort_course_stats WHERE enrolled <> 0 OR completed <> 0 OR withdrawn <> 0`,
        ),
        await rows(
          `SELECT m.cohort_id, e.course_id, dari_shard(e.user_id) AS shard, count(*) FILTER (WHERE e.status <> 'withdrawn')::int AS enrolled,
                  count(*) FILTER (WHERE e.status = 'completed')::int AS completed, count(*) FILTER (WHERE e.status = 'withdrawn')::int AS withdrawn
             FROM enrolments e JOIN cohort_members m ON m.user_id = e.user_id AND m.role = 'learner' GROUP BY 1, 2, 3`,
        ),
      ],
      lesson_stats: [
        await rows(
          `SELECT lesson_id, shard, course_id, started, completed FROM lesson_stats WHERE started <> 0 OR completed <> 0`,
        ),
        await rows(
          `SELECT lesson_id, dari_shard(user_id) AS shard, course_id, count(*)::int AS started,
                  count(*) FILTER (WHERE status IN ('completed', 'skipped'))::int AS completed
             FROM lesson_progress GROUP BY 1, 2, 3`,
        ),
      ],
      // Members: their active courses and last activity (to the hour) follow their enrolments.
      members: [
        await rows(
          `SELECT cohort_id, user_id, active_courses, last_active_at FROM cohort_members WHERE role = 'learner'`,
        ),
        await rows(
          `SELECT m.cohort_id, m.user_id,
                  coalesce((SELECT array_agg(e.course_id ORDER BY e.course_id) FROM enrolments e WHERE e.user_id = m.user_id AND e.status = 'active'), '{}') AS active_courses,
                  (SELECT dari_hour(max(e.last_activity_at)) FROM enrolments e WHERE e.user_id = m.user_id) AS last_active_at
             FROM cohort_members m WHERE m.role = 'learner'`,
        ),
      ],
      // Completions by the week they happened in, for each cohort the learner is in.
      cohort_completion_weeks: [
        await rows(
          `SELECT cohort_id, course_id, week, shard, completed FROM cohort_completion_weeks WHERE completed <> 0`,
        ),
        await rows(
          `SELECT m.cohort_id, e.course_id, dari_korea_week(e.completed_at) AS week, dari_shard(e.user_id) AS shard, count(*)::int AS completed
             FROM enrolments e JOIN cohort_members m ON m.user_id = e.user_id AND m.role = 'learner'
            WHERE e.status = 'completed' GROUP BY 1, 2, 3, 4`,
        ),
      ],
      // A learner's one moment of activity counts in its week unless it came before the week they joined.
      cohort_activity_weeks: [
        await rows(`SELECT cohort_id, week, shard, active FROM cohort_activity_weeks WHERE active <> 0`),
        await rows(
          `SELECT cohort_id, dari_korea_week(last_active_at) AS week, dari_shard(user_id) AS shard, count(*)::int AS active
             FROM cohort_members
            WHERE role = 'learner' AND last_active_at IS NOT NULL AND dari_korea_week(last_active_at) >= dari_korea_week(added_at)
            GROUP BY 1, 2, 3`,
        ),
      ],
    };
  }

  it('grows the cohort in batches and leaves every counter equal to a recount', async () => {
    const batches: number[] = [];
    // A first run, then a second that tops the cohort up, in batches of 100 (the last one short).
    const first = await loadProgram(db, 130, null, { batch: 100, onBatch: (n) => batches.push(n) });
    const p = await loadProgram(db, 300, null, { batch: 100, onBatch: (n) => batches.push(n) });
    expect(batches).toEqual([100, 130, 230, 300]);
    expect(p).toEqual({ ...first, learners: 300 });

    const [{ members, enrolled, progress, done }] = await db.query(
      `SELECT (SELECT count(*)::int FROM cohort_members WHERE cohort_id = $1 AND role = 'learner') AS members,
              (SELECT count(*)::int FROM enrolments WHERE course_id = $2) AS enrolled,
              (SELECT count(*)::int FROM lesson_progress WHERE course_id = $2) AS progress,
              (SELECT count(*)::int FROM enrolments WHERE course_id = $2 AND status = 'completed') AS done`,
      [p.cohortId, p.courseId],
    );
    expect({ members, enrolled }).toEqual({ members: 300, enrolled: 300 });
    // 0..40 lessons each: about 6,000 rows; some learners finished.
    expect(progress).toBeGreaterThan(3000);
    expect(done).toBeGreaterThan(0);

    const c = await countersAndRecounts();
    for (const [name, [counted, recount]] of Object.entries(c)) {
      expect(recount.length, name).toBeGreaterThan(0);
      expect(counted, name).toEqual(recount);
    }
  });
});
