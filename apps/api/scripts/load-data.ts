// Synthetic program data for benchmarks: N learners in one cohort, enrolled in a 40-lesson course,
// each with a random amount of progress (lesson_progress, enrolment percent, funnel counters). The
// enrolment counters and learners' last activity follow by themselves (database triggers).
// Pure SQL, set-based: 100k learners × 40 lessons take well under a minute on 2 cores.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

export const LESSONS = 40;

/** A row of a statement that returns only an id. */
interface IdRow {
  id: string;
}

export interface LoadedProgram {
  courseId: string;
  cohortId: string;
  learners: number;
}

/** Creates (once) the course and cohort, then grows the cohort to `learners` learners. */
export async function loadProgram(db: DataSource, learners: number, managerId: string | null): Promise<LoadedProgram> {
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
  const add = learners - n;
  if (add > 0) {
    await db.transaction(async (m) => {
      const batch = randomUUID().slice(0, 8);
      await m.query(
        `INSERT INTO users (username, display_name, role, locale)
         SELECT 'bench-' || $1 || '-' || g, '학습자 ' || lpad(($2 + g)::text, 6, '0'), 'learner', 'ko' FROM generate_series(1, $3) g`,
        [batch, n, add],
      );
      await m.query(
        `INSERT INTO cohort_members (cohort_id, user_id, role) SELECT $1, id, 'learner' FROM users WHERE username LIKE 'bench-' || $2 || '-%'`,
        [cohort.id, batch],
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
        [course.id, LESSONS],
      );
      await m.query(
        `INSERT INTO lesson_progress (user_id, lesson_id, course_id, status, time_spent_seconds, completed_at, updated_at)
         SELECT b.user_id, pl.lesson_id, $1, 'completed', 120, b.active, b.active
           FROM bench_k b JOIN published_lessons pl ON pl.course_id = $1 AND pl.position < b.k`,
        [course.id],
      );
      await m.query(
        `INSERT INTO lesson_stats (lesson_id, shard, course_id, started, completed)
         SELECT pl.lesson_id, (abs(hashtext(b.user_id::text)) % 16)::smallint, $1, count(*), count(*)
           FROM bench_k b JOIN published_lessons pl ON pl.course_id = $1 AND pl.position < b.k
          GROUP BY 1, 2
         ON CONFLICT (lesson_id, shard) DO UPDATE SET started = lesson_stats.started + EXCLUDED.started, completed = lesson_stats.completed + EXCLUDED.completed`,
        [course.id],
      );
    });
    // Autovacuum would do this shortly after a bulk load; without it index-only counts read the heap.
    await db.query('VACUUM ANALYZE');
  }
  return { courseId: course.id, cohortId: cohort.id, learners };
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
