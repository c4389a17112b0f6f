import { randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { RESET_CODE_ALPHABET, type PublishedCourse } from '@dari/contracts';

/**
 * The completion rule, in SQL over the projections: every required lesson of the latest published
 * version done (a content-noted lesson may be skipped; a quiz only counts once passed). Without
 * required lessons, every lesson counts. Completion issues the certificate in the same transaction.
 */
const DONE = `(lp.status = 'completed' OR (lp.status = 'skipped' AND pl.kind <> 'quiz'))`;

export const certificateCode = () =>
  Array.from({ length: 12 }, () => RESET_CODE_ALPHABET[randomInt(RESET_CODE_ALPHABET.length)]).join('');
export const formatCode = (c: string) => `${c.slice(0, 4)}-${c.slice(4, 8)}-${c.slice(8)}`;

/** Recomputes one enrolment's percent; completes it (and issues the certificate) when the rule is met. */
export async function recomputeEnrolment(m: EntityManager, enrolmentId: string): Promise<{ completedNow: boolean }> {
  const [row]: {
    user_id: string;
    course_id: string;
    status: string;
    total: number;
    done: number;
    any_required: boolean;
  }[] = await m.query(
    `SELECT e.user_id, e.course_id, e.status,
            count(pl.lesson_id) FILTER (WHERE pl.required OR NOT r.any_required)::int AS total,
            count(pl.lesson_id) FILTER (WHERE (pl.required OR NOT r.any_required) AND ${DONE})::int AS done,
            r.any_required
       FROM enrolments e
       CROSS JOIN LATERAL (SELECT coalesce(bool_or(required), false) AS any_required FROM published_lessons WHERE course_id = e.course_id) r
       LEFT JOIN published_lessons pl ON pl.course_id = e.course_id
       LEFT JOIN lesson_progress lp ON lp.lesson_id = pl.lesson_id AND lp.user_id = e.user_id
      WHERE e.id = $1
      GROUP BY e.id, r.any_required`,
    [enrolmentId],
  );
  if (!row) return { completedNow: false };
  const percent = row.total ? Math.floor((100 * row.done) / row.total) : 0;
  const complete = row.status === 'active' && row.total > 0 && row.done === row.total;
  await m.query(
    // A completed enrolment keeps its 100 %: a republish that adds a lesson does not undo a finish.
    `UPDATE enrolments SET percent = CASE WHEN status = 'completed' THEN percent ELSE $2 END, status = CASE WHEN $3 THEN 'completed' ELSE status END,
            completed_at = CASE WHEN $3 THEN now() ELSE completed_at END WHERE id = $1`,
    [enrolmentId, percent, complete],
  );
  if (complete) await issueCertificate(m, row.user_id, row.course_id);
  return { completedNow: complete };
}

/** After a publish: every active enrolment of the course, against the new version. */
export async function recomputeCourse(m: EntityManager, courseId: string): Promise<void> {
  const rows: { id: string }[] = await m.query(
    `SELECT id FROM enrolments WHERE course_id = $1 AND status = 'active' ORDER BY id FOR UPDATE`,
    [courseId],
  );
  for (const r of rows) await recomputeEnrolment(m, r.id);
}

/** The certificate carries the learner's display name until they choose another. */
export async function issueCertificate(m: EntityManager, userId: string, courseId: string): Promise<void> {
  await m.query(
    `INSERT INTO certificates (user_id, course_id, code, name, course_title)
     SELECT u.id, c.id, $3, u.display_name, v.meta->'title'
       FROM users u, courses c JOIN course_versions v ON v.course_id = c.id AND v.version = c.latest_version
      WHERE u.id = $1 AND c.id = $2
     ON CONFLICT (user_id, course_id) DO NOTHING`,
    [userId, courseId, certificateCode()],
  );
}

/** Rewrites the published-lesson index of a course from its new snapshot. */
export async function writePublishedLessons(
  m: EntityManager,
  snapshot: PublishedCourse & { version: number },
): Promise<void> {
  await m.query(`DELETE FROM published_lessons WHERE course_id = $1`, [snapshot.courseId]);
  const lessons = snapshot.modules.flatMap((mod) => mod.lessons);
  if (!lessons.length) return;
  await m.query(
    `INSERT INTO published_lessons (lesson_id, course_id, version, position, kind, required, has_content_note)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::text[], $6::boolean[], $7::boolean[])`,
    [
      lessons.map((l) => l.id),
      lessons.map(() => snapshot.courseId),
      lessons.map(() => snapshot.version),
      lessons.map((_, i) => i),
      lessons.map((l) => l.kind),
      lessons.map((l) => l.required),
      lessons.map((l) => l.contentNote !== null),
    ],
  );
}
