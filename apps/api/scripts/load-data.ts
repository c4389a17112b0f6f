// Synthetic program data for benchmarks: N learners in one cohort, enrolled in a 40-lesson course,
// each with a random amount of progress (lesson_progress, enrolment percent). Pure SQL, set-based, in
// batches of BATCH learners, one transaction each: progress shows, and a crash keeps the batches done
// (a second run tops the cohort up to N). The counters the database triggers keep follow as they would
// have, see growBatch.
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

export const LESSONS = 40;
/** Learners per transaction. */
export const BATCH = 10_000;

/** A row of a statement that returns only an id. */
interface IdRow {
  id: string;
}

export interface LoadedProgram {
  courseId: string;
  cohortId: string;
  learners: number;
}

export interface LoadOptions {
  /** Told after each committed batch: learners in the cohort now, and the batch's seconds. */
  onBatch?: (learners: number, seconds: number) => void;
  batch?: number;
}

/** Creates (once) the course and cohort, then grows the cohort to `learners` learners. */
export async function loadProgram(
  db: DataSource,
  learners: number,
  managerId: string | null,
  options: LoadOptions = {},
): Promise<LoadedProgram> {
  const course =
    (await db.query<IdRow[]>(`SELECT id FROM courses WHERE slug = 'bench-course'`)).at(0) ?? (await createCourse(db));
  let cohort = (await db.query<IdRow[]>(`SELECT id FROM cohorts WHERE name = 'bench cohort'`)).at(0);
  if (!cohort) {
    [cohort] = await db.query<IdRow[]>(
      `INSERT INTO cohorts (name, description, starts_on) VALUES ('bench cohort', 'synthetic', '2027-03-01') RETURNING id`,
    );
    await db.query(`INSERT INTO cohort_courses (cohort_id, course_id, due_on) VALUES ($1, $2, current_date + 30)`, [
      cohort.id,
      course.id,
    ]);
  }
  if (managerId)
    await db.query(
      `INSERT INTO cohort_members (cohort_id, user_id, role) VALUES ($1, $2, 'manager') ON CONFLICT DO NOTHING`,
      [cohort.id, managerId],
    );
  const [{ n }] = await db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM cohort_members WHERE cohort_id = $1 AND role = 'learner'`,
    [cohort.id],
  );
  const size = options.batch ?? BATCH;
  let have = n;
  while (have < learners) {
    const add = Math.min(size, learners - have);
    const t0 = performance.now();
    await db.transaction((m) => growBatch(m, course.id, cohort.id, have, add));
    have += add;
    options.onBatch?.(have, (performance.now() - t0) / 1000);
  }
  // Autovacuum would do this shortly after a bulk load; without it index-only counts read the heap.
  if (have > n) await db.query('VACUUM ANALYZE');
  return { courseId: course.id, cohortId: cohort.id, learners };
}

/**
 * Adds `add` learners (numbered after `have`) in one transaction. The statement-level triggers on
 * enrolments and cohort_members stay on (one run per statement: course_stats, cohort_course_stats,
 * cohort_members.active_courses and last_active_at, cohort_activity_weeks follow). The per-row trigger on
 * lesson_progress does not: it would update the same few hundred lesson_stats rows ~400,000 times in one
 * transaction (each update walks the row's ever longer chain of versions: 100k learners did not finish in
 * 16 minutes). It is off for this transaction only (ALTER TABLE is transactional; its lock keeps every other
 * writer of lesson_progress waiting until the commit, so nothing goes uncounted), and the batch's rows are
 * counted into lesson_stats with one grouped statement. cohort_completion_weeks is counted by a trigger on
 * the change of an enrolment to completed, which an insert is not: the batch's completions are counted into
 * it the same way, in the week they happened.
 */
async function growBatch(m: EntityManager, courseId: string, cohortId: string, have: number, add: number) {
  const batch = randomUUID().slice(0, 8);
  await m.query(
    `INSERT INTO users (username, display_name, role, locale)
     SELECT 'bench-' || $1 || '-' || g, '학습자 ' || lpad(($2 + g)::text, 6, '0'), 'learner', 'ko' FROM generate_series(1, $3) g`,
    [batch, have, add],
  );
  await m.query(
    `INSERT INTO cohort_members (cohort_id, user_id, role) SELECT $1, id, 'learner' FROM users WHERE username LIKE 'bench-' || $2 || '-%'`,
    [cohortId, batch],
  );
  // Each learner has done the first k lessons (k uniform in 0..40), the last one maybe half-way.
  await m.query(
    `CREATE TEMP TABLE bench_k ON COMMIT DROP AS
     SELECT u.id AS user_id, floor(random() * ($2 + 1))::int AS k, now() - random() * interval '60 days' AS active
       FROM users u WHERE u.username LIKE 'bench-' || $1 || '-%'`,
    [batch, LESSONS],
  );
  await m.query(
    `INSERT INTO enrolments (user_id, course_id, source, status, percent, completed_at, last_activity_at, last_lesson_id)
     SELECT b.user_id, $1, 'cohort', CASE WHEN b.k = $2 THEN 'completed' ELSE 'active' END, (100 * b.k / $2), CASE WHEN b.k = $2 THEN b.active END,
            CASE WHEN b.k > 0 THEN b.active END, (SELECT lesson_id FROM published_lessons WHERE course_id = $1 AND position = greatest(b.k - 1, 0))
       FROM bench_k b`,
    [courseId, LESSONS],
  );
  await m.query(`ALTER TABLE lesson_progress DISABLE TRIGGER dari_lesson_progress_inserted`);
  await m.query(
    `INSERT INTO lesson_progress (user_id, lesson_id, course_id, status, time_spent_seconds, completed_at, updated_at)
     SELECT b.user_id, pl.lesson_id, $1, 'completed', 120, b.active, b.active
       FROM bench_k b JOIN published_lessons pl ON pl.course_id = $1 AND pl.position < b.k`,
    [courseId],
  );
  await m.query(`ALTER TABLE lesson_progress ENABLE TRIGGER dari_lesson_progress_inserted`);
  // What the trigger would have added: per lesson and shard, rows started and rows completed (all are).
  await m.query(
    `INSERT INTO lesson_stats AS s (lesson_id, shard, course_id, started, completed)
     SELECT pl.lesson_id, dari_shard(b.user_id), $1, count(*), count(*)
       FROM bench_k b JOIN published_lessons pl ON pl.course_id = $1 AND pl.position < b.k
      GROUP BY 1, 2
     ON CONFLICT (lesson_id, shard) DO UPDATE SET started = s.started + EXCLUDED.started, completed = s.completed + EXCLUDED.completed`,
    [courseId],
  );
  await m.query(
    `INSERT INTO cohort_completion_weeks AS s (cohort_id, course_id, week, shard, completed)
     SELECT $1, $2, dari_korea_week(b.active), dari_shard(b.user_id), count(*)
       FROM bench_k b WHERE b.k = $3
      GROUP BY 3, 4
     ON CONFLICT (cohort_id, course_id, week, shard) DO UPDATE SET completed = s.completed + EXCLUDED.completed`,
    [cohortId, courseId, LESSONS],
  );
}

async function createCourse(db: DataSource): Promise<IdRow> {
  return db.transaction(async (m) => {
    const [course] = await m.query<IdRow[]>(
      `INSERT INTO courses (slug, status, title, summary, enrolment_policy, latest_version, published_at) VALUES ('bench-course', 'published', '{"ko":"벤치 과정"}', '{"ko":""}', 'cohort', 1, now()) RETURNING id`,
    );
    const [mod] = await m.query<IdRow[]>(
      `INSERT INTO course_modules (course_id, key, position, title) VALUES ($1, 'm1', 0, '{"ko":"모듈"}') RETURNING id`,
      [course.id],
    );
    const lessons = await m.query<{ id: string; key: string }[]>(
      `INSERT INTO lessons (course_id, module_id, key, position, kind, title, content)
       SELECT $1, $2, 'l' || g, g - 1, 'reading', jsonb_build_object('ko', '수업 ' || g), '{"kind":"reading","body":{"ko":"본문"}}' FROM generate_series(1, $3) g RETURNING id, key`,
      [course.id, mod.id, LESSONS],
    );
    const snapshot = {
      courseId: course.id,
      version: 1,
      slug: 'bench-course',
      title: { ko: '벤치 과정' },
      summary: { ko: '' },
      language: 'ko',
      tags: [],
      estimatedMinutes: LESSONS * 5,
      sequential: false,
      coverMediaId: null,
      modules: [
        {
          id: mod.id,
          key: 'm1',
          title: { ko: '모듈' },
          lessons: lessons.map((l, i) => ({
            id: l.id,
            key: l.key,
            kind: 'reading',
            title: { ko: `수업 ${i + 1}` },
            required: true,
            estimatedMinutes: 5,
            contentNote: null,
            content: { kind: 'reading', body: { ko: '본문' } },
          })),
        },
      ],
    };
    const meta = {
      title: snapshot.title,
      summary: snapshot.summary,
      language: 'ko',
      tags: [],
      estimatedMinutes: snapshot.estimatedMinutes,
      coverMediaId: null,
    };
    await m.query(
      `INSERT INTO course_versions (course_id, version, snapshot, meta, lesson_count) VALUES ($1, 1, $2, $3, $4)`,
      [course.id, snapshot, meta, LESSONS],
    );
    await m.query(
      `INSERT INTO published_lessons (lesson_id, course_id, version, position, kind, required, has_content_note) SELECT id, $1, 1, position, 'reading', true, false FROM lessons WHERE course_id = $1`,
      [course.id],
    );
    return course;
  });
}
