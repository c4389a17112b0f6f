import type { AnnouncementText } from '@dari/contracts';
import { type Db, run, statement } from '../database/sql.js';
import { atRiskSql } from '../reports/index.js';

/* Announcements' SQL. apps/api/sql/announcements.sql shows each statement whole. */

const lockAuthorSql = statement<never, [authorId: string]>(
  'announcements.lockAuthor',
  `SELECT pg_advisory_xact_lock(hashtext('announcement:' || $1::text))`,
);
/** Serialises one author's announcements for the transaction, so the rate limit counts right. */
export async function lockAuthor(db: Db, authorId: string): Promise<void> {
  await run(db, lockAuthorSql, [authorId]);
}

const sentLastHourSql = statement<{ n: number; retry_after: number | null }, [authorId: string]>(
  'announcements.sentLastHour',
  `SELECT count(*)::int AS n, ceil(extract(epoch FROM min(a.created_at) + interval '1 hour' - now()))::int AS retry_after
     FROM announcements a WHERE a.author_id = $1 AND a.created_at > now() - interval '1 hour'`,
);
/** How many announcements the author sent in the last hour, and in how many seconds the oldest of them leaves it. */
export async function sentLastHour(db: Db, authorId: string): Promise<{ n: number; retryAfter: number }> {
  const [r] = await run(db, sentLastHourSql, [authorId]);
  return { n: r.n, retryAfter: Math.max(1, r.retry_after ?? 1) };
}

type AnnouncementRow = {
  id: string;
  audience: 'cohort' | 'course';
  cohort_id: string | null;
  course_id: string | null;
  text: AnnouncementText;
  at_risk_only: boolean;
  created_at: Date;
  read_count: number;
  recipient_count: number | null;
};
const COLUMNS = `a.id, a.audience, a.cohort_id, a.course_id, a.text, a.at_risk_only, a.created_at, a.read_count, a.recipient_count`;

const createSql = statement<
  AnnouncementRow,
  [
    audience: 'cohort' | 'course',
    cohortId: string | null,
    courseId: string | null,
    atRiskOnly: boolean,
    authorId: string,
    text: string,
  ]
>(
  'announcements.create',
  `INSERT INTO announcements AS a (audience, cohort_id, course_id, at_risk_only, author_id, text)
   VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING ${COLUMNS}`,
);
export async function create(
  db: Db,
  a: { audience: 'cohort' | 'course'; cohortId: string | null; courseId: string | null; atRiskOnly: boolean },
  authorId: string,
  text: AnnouncementText,
): Promise<AnnouncementRow> {
  return (
    await run(db, createSql, [a.audience, a.cohortId, a.courseId, a.atRiskOnly, authorId, JSON.stringify(text)])
  )[0];
}

const pastDueCoursesSql = statement<{ course_id: string }, [cohortId: string]>(
  'announcements.pastDueCourses',
  `SELECT cc.course_id FROM cohort_courses cc WHERE cc.cohort_id = $1 AND cc.due_on < current_date`,
);
/** The cohort's courses past their due date (one half of "at risk", as the cohort grid reads it). */
export async function pastDueCourses(db: Db, cohortId: string): Promise<string[]> {
  return (await run(db, pastDueCoursesSql, [cohortId])).map((r) => r.course_id);
}

const countAtRiskSql = statement<{ n: number }, [cohortId: string, days: number, pastDue: string[]]>(
  'announcements.countAtRisk',
  `SELECT count(*)::int AS n FROM cohort_members m
    WHERE m.cohort_id = $1 AND m.role = 'learner' AND ${atRiskSql('m', { days: '$2', pastDue: '$3' })}`,
);
/** How many of the cohort's learners are at risk now (the cohort grid's own rule, reports/report-sql.ts). */
export async function countAtRisk(db: Db, cohortId: string, days: number, pastDue: string[]): Promise<number> {
  return (await run(db, countAtRiskSql, [cohortId, days, pastDue]))[0].n;
}

/*
 * The at-risk snapshot, a batch at a time: the next `$6` of the cohort's learners at risk now (the cohort
 * grid's rule) after the learner `$5` in id order (from the first when NULL), walking the membership's
 * primary key, written as recipients of `$1`. Returns how many it wrote and the last one's id, where the next
 * batch starts.
 */
const fillAtRiskSql = statement<
  { n: number; last: string | null },
  [announcementId: string, cohortId: string, days: number, pastDue: string[], after: string | null, limit: number]
>(
  'announcements.fillAtRisk',
  `WITH batch AS (
     SELECT m.user_id FROM cohort_members m
      WHERE m.cohort_id = $2 AND m.role = 'learner' AND m.user_id > coalesce($5::uuid, '00000000-0000-0000-0000-000000000000')
        AND ${atRiskSql('m', { days: '$3', pastDue: '$4' })}
      ORDER BY m.user_id LIMIT $6
   ), ins AS (
     INSERT INTO announcement_recipients (announcement_id, user_id) SELECT $1, b.user_id FROM batch b ON CONFLICT DO NOTHING
   )
   SELECT (SELECT count(*) FROM batch)::int AS n, (SELECT b.user_id FROM batch b ORDER BY b.user_id DESC LIMIT 1) AS last`,
);
export async function fillAtRisk(
  db: Db,
  a: { announcementId: string; cohortId: string; days: number; pastDue: string[] },
  after: string | null,
  limit: number,
): Promise<{ n: number; last: string | null }> {
  return (await run(db, fillAtRiskSql, [a.announcementId, a.cohortId, a.days, a.pastDue, after, limit]))[0];
}

const setRecipientCountSql = statement<never, [announcementId: string, n: number]>(
  'announcements.setRecipientCount',
  `UPDATE announcements SET recipient_count = $2 WHERE id = $1`,
);
export async function setRecipientCount(db: Db, announcementId: string, n: number): Promise<void> {
  await run(db, setRecipientCountSql, [announcementId, n]);
}

const setFillCursorSql = statement<never, [announcementId: string, cursor: string | null]>(
  'announcements.setFillCursor',
  `UPDATE announcements
      SET fill_cursor = $2,
          recipient_count = CASE WHEN $2::uuid IS NULL THEN (SELECT count(*) FROM announcement_recipients r WHERE r.announcement_id = $1)::int ELSE recipient_count END
    WHERE id = $1`,
);
/** Where the next batch of recipients starts, or NULL: all are written, and recipient_count becomes their number. */
export async function setFillCursor(db: Db, announcementId: string, cursor: string | null): Promise<void> {
  await run(db, setFillCursorSql, [announcementId, cursor]);
}

const nextToFillSql = statement<{ id: string; cohort_id: string; fill_cursor: string }>(
  'announcements.nextToFill',
  `SELECT a.id, a.cohort_id, a.fill_cursor FROM announcements a
    WHERE a.fill_cursor IS NOT NULL ORDER BY a.created_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
);
/** The oldest announcement with recipients left to write that no other transaction is writing, locked. */
export async function nextToFill(db: Db): Promise<{ id: string; cohort_id: string; fill_cursor: string } | undefined> {
  return (await run(db, nextToFillSql, []))[0];
}

const cohortListSql = statement<AnnouncementRow & { audience_count: number }, [cohortId: string]>(
  'announcements.cohortList',
  `SELECT ${COLUMNS},
          coalesce(a.recipient_count, (SELECT count(*) FROM cohort_members m WHERE m.cohort_id = a.cohort_id AND m.role = 'learner'))::int AS audience_count
     FROM announcements a WHERE a.cohort_id = $1 ORDER BY a.created_at DESC LIMIT 50`,
);
/** The cohort's announcements for its staff, newest first, with how many read each (a count, not who). */
export const cohortList = (db: Db, cohortId: string) => run(db, cohortListSql, [cohortId]);

const courseListSql = statement<AnnouncementRow & { audience_count: number }, [courseId: string]>(
  'announcements.courseList',
  `SELECT ${COLUMNS},
          (SELECT count(*) FROM enrolments e WHERE e.course_id = a.course_id AND e.status <> 'withdrawn')::int AS audience_count
     FROM announcements a WHERE a.course_id = $1 ORDER BY a.created_at DESC LIMIT 50`,
);
/** The course's announcements for its instructors, newest first, with read counts. */
export const courseList = (db: Db, courseId: string) => run(db, courseListSql, [courseId]);

const isCohortLearnerSql = statement<{ one: number }, [userId: string, cohortId: string]>(
  'announcements.isCohortLearner',
  `SELECT 1 AS one FROM cohort_members m WHERE m.cohort_id = $2 AND m.user_id = $1 AND m.role = 'learner'`,
);
export async function isCohortLearner(db: Db, userId: string, cohortId: string): Promise<boolean> {
  return (await run(db, isCohortLearnerSql, [userId, cohortId])).length > 0;
}

const takesCourseSql = statement<{ one: number }, [userId: string, courseId: string]>(
  'announcements.takesCourse',
  `SELECT 1 AS one FROM enrolments e WHERE e.course_id = $2 AND e.user_id = $1 AND e.status <> 'withdrawn'`,
);
export async function takesCourse(db: Db, userId: string, courseId: string): Promise<boolean> {
  return (await run(db, takesCourseSql, [userId, courseId])).length > 0;
}

type MineRow = AnnouncementRow & { read: boolean };
const myCohortAnnouncementsSql = statement<MineRow, [userId: string, cohortId: string]>(
  'announcements.myCohortAnnouncements',
  `SELECT ${COLUMNS}, EXISTS (SELECT 1 FROM announcement_reads r WHERE r.announcement_id = a.id AND r.user_id = $1) AS read
     FROM announcements a
    WHERE a.cohort_id = $2
      AND (NOT a.at_risk_only OR EXISTS (SELECT 1 FROM announcement_recipients ar WHERE ar.announcement_id = a.id AND ar.user_id = $1))
    ORDER BY a.created_at DESC LIMIT 3`,
);
/** The newest 3 sent to learner $1 in cohort $2, for the page (the inbox has all; the caller checks they are its learner). */
export const myCohortAnnouncements = (db: Db, userId: string, cohortId: string) =>
  run(db, myCohortAnnouncementsSql, [userId, cohortId]);

const myCourseAnnouncementsSql = statement<MineRow, [userId: string, courseId: string]>(
  'announcements.myCourseAnnouncements',
  `SELECT ${COLUMNS}, EXISTS (SELECT 1 FROM announcement_reads r WHERE r.announcement_id = a.id AND r.user_id = $1) AS read
     FROM announcements a WHERE a.course_id = $2 ORDER BY a.created_at DESC LIMIT 3`,
);
/** The newest 3 sent to learner $1 in course $2, for the course page (the caller checks they take it). */
export const myCourseAnnouncements = (db: Db, userId: string, courseId: string) =>
  run(db, myCourseAnnouncementsSql, [userId, courseId]);
