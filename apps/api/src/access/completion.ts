import { randomInt } from 'node:crypto';
import { RESET_CODE_ALPHABET, type PublishedCourse } from '@dari/contracts';
import type { Db } from '../database/sql.js';
import { notifyIn } from '../notifications/index.js';
import * as q from './completion.queries.js';

/**
 * The completion rule (completion.queries.ts states it in SQL over the projections): every required
 * lesson of the latest published version done (a content-noted lesson may be skipped; a quiz only
 * counts once passed). Without required lessons, every lesson counts. Completion issues the
 * certificate in the same transaction.
 */

export const certificateCode = () =>
  Array.from({ length: 12 }, () => RESET_CODE_ALPHABET[randomInt(RESET_CODE_ALPHABET.length)]).join('');
export const formatCode = (c: string) => `${c.slice(0, 4)}-${c.slice(4, 8)}-${c.slice(8)}`;

/** Recomputes one enrolment's percent; completes it (and issues the certificate) when the rule is met. */
export async function recomputeEnrolment(m: Db, enrolmentId: string): Promise<{ completedNow: boolean }> {
  const row = await q.completion(m, enrolmentId);
  if (!row) return { completedNow: false };
  const percent = row.total ? Math.floor((100 * row.done) / row.total) : 0;
  const complete = row.status === 'active' && row.total > 0 && row.done === row.total;
  // A completed enrolment keeps its 100 %: a republish that adds a lesson does not undo a finish.
  await q.setEnrolmentPercent(m, enrolmentId, percent, complete);
  if (complete) await issueCertificate(m, row.user_id, row.course_id);
  return { completedNow: complete };
}

/** After a publish: every active enrolment of the course, against the new version. */
export async function recomputeCourse(m: Db, courseId: string): Promise<void> {
  for (const id of await q.activeEnrolmentsOfCourse(m, courseId)) await recomputeEnrolment(m, id);
}

/** The certificate carries the learner's display name until they choose another; the learner is told (inbox). */
export async function issueCertificate(m: Db, userId: string, courseId: string): Promise<void> {
  const id = await q.issueCertificate(m, userId, courseId, certificateCode());
  if (id)
    await notifyIn(m, [userId], { kind: 'certificate_issued', ref: { type: 'certificate', id }, data: { courseId } });
}

/** Rewrites the published-lesson index of a course from its new snapshot. */
export async function writePublishedLessons(m: Db, snapshot: PublishedCourse & { version: number }): Promise<void> {
  await q.deletePublishedLessons(m, snapshot.courseId);
  const lessons = snapshot.modules.flatMap((mod) => mod.lessons);
  if (!lessons.length) return;
  await q.insertPublishedLessons(
    m,
    lessons.map((l) => l.id),
    lessons.map(() => snapshot.courseId),
    lessons.map(() => snapshot.version),
    lessons.map((_, i) => i),
    lessons.map((l) => l.kind),
    lessons.map((l) => l.required),
    lessons.map((l) => l.contentNote !== null),
  );
}
