import type { NotificationKind, NotificationRefType } from '@dari/contracts';
import { type Db, run, statement } from '../database/sql.js';

/* The inbox's SQL. apps/api/sql/notifications.sql shows each statement whole. */

const notifySql = statement<
  { id: string },
  [userIds: string[], kind: NotificationKind, refType: NotificationRefType, refId: string, data: string]
>(
  'notifications.notify',
  `INSERT INTO notifications (user_id, kind, ref_type, ref_id, data)
   SELECT u.id, $2, $3, $4, $5::jsonb
     FROM (SELECT DISTINCT r.user_id FROM unnest($1::uuid[]) AS r(user_id)) AS wanted
     JOIN users u ON u.id = wanted.user_id AND u.erased_at IS NULL
   RETURNING id`,
);
/** One notification for each of `userIds` that is a person Dari still holds (once each), in one statement. */
export async function notify(
  db: Db,
  userIds: string[],
  kind: NotificationKind,
  refType: NotificationRefType,
  refId: string,
  data: Record<string, string | number>,
): Promise<number> {
  return (await run(db, notifySql, [userIds, kind, refType, refId, JSON.stringify(data)])).length;
}

/*
 * The announcements addressed to learner $1, fanned out on read (docs/learning-together.md): those of
 * the cohorts they are a learner in (at-risk-only ones only if they were among the recipients) and of
 * the courses they take. Every step is an index lookup: the person's memberships and enrolments
 * (by user_id), then each cohort's or course's announcements (idx_announcements_cohort / _course).
 */
const MY_ANNOUNCEMENTS = `SELECT a.id, a.audience, a.cohort_id, a.course_id, a.text, a.created_at
       FROM announcements a
      WHERE a.cohort_id IN (SELECT m.cohort_id FROM cohort_members m WHERE m.user_id = $1 AND m.role = 'learner')
        AND (NOT a.at_risk_only OR EXISTS (SELECT 1 FROM announcement_recipients ar WHERE ar.announcement_id = a.id AND ar.user_id = $1))
     UNION ALL
     SELECT a.id, a.audience, a.cohort_id, a.course_id, a.text, a.created_at
       FROM announcements a
      WHERE a.course_id IN (SELECT e.course_id FROM enrolments e WHERE e.user_id = $1 AND e.status <> 'withdrawn')`;

export type InboxRow = {
  id: string;
  kind: NotificationKind;
  ref_type: NotificationRefType;
  ref_id: string;
  data: Record<string, string | number>;
  created_at: Date;
  cursor: string;
  read: boolean;
  course_slug: string | null;
  text: { ko: string; en?: string; zh?: string } | null;
};
const inboxPageSql = statement<
  InboxRow,
  [userId: string, beforeMicros: string | null, beforeId: string | null, limit: number]
>(
  'notifications.inboxPage',
  `WITH mine AS (${MY_ANNOUNCEMENTS}),
   items AS (
     (SELECT n.id, n.kind, n.ref_type, n.ref_id, n.data, n.created_at, n.read_at IS NOT NULL AS read, NULL::jsonb AS text,
             CASE n.ref_type WHEN 'course' THEN n.ref_id
                             WHEN 'lesson' THEN (SELECT pl.course_id FROM published_lessons pl WHERE pl.lesson_id = n.ref_id)
                             WHEN 'certificate' THEN (SELECT ce.course_id FROM certificates ce WHERE ce.id = n.ref_id) END AS course_id
        FROM notifications n
       WHERE n.user_id = $1
         AND ($2::bigint IS NULL OR (n.created_at, n.id) < (to_timestamp($2::bigint / 1000000.0), $3::uuid))
       ORDER BY n.created_at DESC, n.id DESC LIMIT $4)
     UNION ALL
     (SELECT mine.id, 'announcement', 'announcement', mine.id, '{}'::jsonb, mine.created_at,
             EXISTS (SELECT 1 FROM announcement_reads r WHERE r.announcement_id = mine.id AND r.user_id = $1), mine.text, mine.course_id
        FROM mine
       WHERE $2::bigint IS NULL OR (mine.created_at, mine.id) < (to_timestamp($2::bigint / 1000000.0), $3::uuid)
       ORDER BY mine.created_at DESC, mine.id DESC LIMIT $4))
   SELECT items.id, items.kind, items.ref_type, items.ref_id, items.data, items.created_at, items.read, items.text,
          c.slug AS course_slug, (extract(epoch FROM items.created_at) * 1000000)::bigint::text || '_' || items.id AS cursor
     FROM items LEFT JOIN courses c ON c.id = items.course_id
    ORDER BY items.created_at DESC, items.id DESC LIMIT $4`,
);
/** A page of the person's inbox, newest first: notifications and the announcements addressed to them. */
export async function inboxPage(
  db: Db,
  userId: string,
  before: { micros: string; id: string } | null,
  limit: number,
): Promise<InboxRow[]> {
  return run(db, inboxPageSql, [userId, before?.micros ?? null, before?.id ?? null, limit]);
}

const unreadCountSql = statement<{ unread: number }, [userId: string]>(
  'notifications.unreadCount',
  `WITH mine AS (${MY_ANNOUNCEMENTS})
   SELECT ((SELECT count(*) FROM notifications n WHERE n.user_id = $1 AND n.read_at IS NULL)
         + (SELECT count(*) FROM mine WHERE NOT EXISTS (SELECT 1 FROM announcement_reads r WHERE r.announcement_id = mine.id AND r.user_id = $1)))::int AS unread`,
  { prepare: true },
);
/**
 * How many unread: one statement, every part an index read (idx_notifications_unread holds only unread
 * rows; the announcements as in MY_ANNOUNCEMENTS; each read mark by its primary key).
 */
export async function unreadCount(db: Db, userId: string): Promise<number> {
  return (await run(db, unreadCountSql, [userId]))[0].unread;
}

const markNotificationReadSql = statement<{ id: string }, [userId: string, id: string]>(
  'notifications.markNotificationRead',
  `WITH marked AS (UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $2 AND user_id = $1 RETURNING id)
   SELECT marked.id FROM marked`,
);
/** Marks one of the person's notifications read; false if it is not theirs. */
export async function markNotificationRead(db: Db, userId: string, id: string): Promise<boolean> {
  return (await run(db, markNotificationReadSql, [userId, id])).length > 0;
}

const markAnnouncementReadSql = statement<{ visible: boolean }, [userId: string, id: string]>(
  'notifications.markAnnouncementRead',
  `WITH mine AS (${MY_ANNOUNCEMENTS}),
   target AS (SELECT mine.id FROM mine WHERE mine.id = $2 LIMIT 1),
   ins AS (INSERT INTO announcement_reads (announcement_id, user_id) SELECT target.id, $1 FROM target
           ON CONFLICT DO NOTHING RETURNING announcement_id),
   counted AS (UPDATE announcements SET read_count = read_count + 1 WHERE id IN (SELECT ins.announcement_id FROM ins) RETURNING id)
   SELECT EXISTS (SELECT 1 FROM target) AS visible, (SELECT count(*) FROM counted) AS counted`,
);
/** Marks an announcement addressed to the person read (counted once); false if it is not addressed to them. */
export async function markAnnouncementRead(db: Db, userId: string, id: string): Promise<boolean> {
  return (await run(db, markAnnouncementReadSql, [userId, id]))[0].visible;
}

const markAllReadSql = statement<{ notifications: number; announcements: number }, [userId: string]>(
  'notifications.markAllRead',
  `WITH mine AS (${MY_ANNOUNCEMENTS}),
   n AS (UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id),
   ins AS (INSERT INTO announcement_reads (announcement_id, user_id) SELECT mine.id, $1 FROM mine
           ON CONFLICT DO NOTHING RETURNING announcement_id),
   counted AS (UPDATE announcements SET read_count = read_count + 1 WHERE id IN (SELECT ins.announcement_id FROM ins) RETURNING id)
   SELECT (SELECT count(*) FROM n)::int AS notifications, (SELECT count(*) FROM counted)::int AS announcements`,
);
/** Marks everything in the person's inbox read. */
export async function markAllRead(db: Db, userId: string): Promise<void> {
  await run(db, markAllReadSql, [userId]);
}
