-- Generated from src/**/*.queries.ts by test/sql-files.spec.ts; do not edit by hand.
-- Regenerate (in apps/api): UPDATE_SQL=1 npx vitest run test/sql-files.spec.ts

-- notifications.inboxPage
WITH mine AS (SELECT a.id, a.audience, a.cohort_id, a.course_id, a.text, a.created_at
       FROM announcements a
      WHERE a.cohort_id IN (SELECT m.cohort_id FROM cohort_members m WHERE m.user_id = $1 AND m.role = 'learner')
        AND (NOT a.at_risk_only OR EXISTS (SELECT 1 FROM announcement_recipients ar WHERE ar.announcement_id = a.id AND ar.user_id = $1))
     UNION ALL
     SELECT a.id, a.audience, a.cohort_id, a.course_id, a.text, a.created_at
       FROM announcements a
      WHERE a.course_id IN (SELECT e.course_id FROM enrolments e WHERE e.user_id = $1 AND e.status <> 'withdrawn')),
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
    ORDER BY items.created_at DESC, items.id DESC LIMIT $4;

-- notifications.markAllRead
WITH mine AS (SELECT a.id, a.audience, a.cohort_id, a.course_id, a.text, a.created_at
       FROM announcements a
      WHERE a.cohort_id IN (SELECT m.cohort_id FROM cohort_members m WHERE m.user_id = $1 AND m.role = 'learner')
        AND (NOT a.at_risk_only OR EXISTS (SELECT 1 FROM announcement_recipients ar WHERE ar.announcement_id = a.id AND ar.user_id = $1))
     UNION ALL
     SELECT a.id, a.audience, a.cohort_id, a.course_id, a.text, a.created_at
       FROM announcements a
      WHERE a.course_id IN (SELECT e.course_id FROM enrolments e WHERE e.user_id = $1 AND e.status <> 'withdrawn')),
   n AS (UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id),
   ins AS (INSERT INTO announcement_reads (announcement_id, user_id) SELECT mine.id, $1 FROM mine
           ON CONFLICT DO NOTHING RETURNING announcement_id),
   counted AS (UPDATE announcements SET read_count = read_count + 1 WHERE id IN (SELECT ins.announcement_id FROM ins) RETURNING id)
   SELECT (SELECT count(*) FROM n)::int AS notifications, (SELECT count(*) FROM counted)::int AS announcements;

-- notifications.markAnnouncementRead
WITH mine AS (SELECT a.id, a.audience, a.cohort_id, a.course_id, a.text, a.created_at
       FROM announcements a
      WHERE a.cohort_id IN (SELECT m.cohort_id FROM cohort_members m WHERE m.user_id = $1 AND m.role = 'learner')
        AND (NOT a.at_risk_only OR EXISTS (SELECT 1 FROM announcement_recipients ar WHERE ar.announcement_id = a.id AND ar.user_id = $1))
     UNION ALL
     SELECT a.id, a.audience, a.cohort_id, a.course_id, a.text, a.created_at
       FROM announcements a
      WHERE a.course_id IN (SELECT e.course_id FROM enrolments e WHERE e.user_id = $1 AND e.status <> 'withdrawn')),
   target AS (SELECT mine.id FROM mine WHERE mine.id = $2 LIMIT 1),
   ins AS (INSERT INTO announcement_reads (announcement_id, user_id) SELECT target.id, $1 FROM target
           ON CONFLICT DO NOTHING RETURNING announcement_id),
   counted AS (UPDATE announcements SET read_count = read_count + 1 WHERE id IN (SELECT ins.announcement_id FROM ins) RETURNING id)
   SELECT EXISTS (SELECT 1 FROM target) AS visible, (SELECT count(*) FROM counted) AS counted;

-- notifications.markNotificationRead
WITH marked AS (UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $2 AND user_id = $1 RETURNING id)
   SELECT marked.id FROM marked;

-- notifications.notify
INSERT INTO notifications (user_id, kind, ref_type, ref_id, data)
   SELECT u.id, $2, $3, $4, $5::jsonb
     FROM (SELECT DISTINCT r.user_id FROM unnest($1::uuid[]) AS r(user_id)) AS wanted
     JOIN users u ON u.id = wanted.user_id AND u.erased_at IS NULL
   RETURNING id;

-- notifications.unreadCount (prepared)
WITH mine AS (SELECT a.id, a.audience, a.cohort_id, a.course_id, a.text, a.created_at
       FROM announcements a
      WHERE a.cohort_id IN (SELECT m.cohort_id FROM cohort_members m WHERE m.user_id = $1 AND m.role = 'learner')
        AND (NOT a.at_risk_only OR EXISTS (SELECT 1 FROM announcement_recipients ar WHERE ar.announcement_id = a.id AND ar.user_id = $1))
     UNION ALL
     SELECT a.id, a.audience, a.cohort_id, a.course_id, a.text, a.created_at
       FROM announcements a
      WHERE a.course_id IN (SELECT e.course_id FROM enrolments e WHERE e.user_id = $1 AND e.status <> 'withdrawn'))
   SELECT ((SELECT count(*) FROM notifications n WHERE n.user_id = $1 AND n.read_at IS NULL)
         + (SELECT count(*) FROM mine WHERE NOT EXISTS (SELECT 1 FROM announcement_reads r WHERE r.announcement_id = mine.id AND r.user_id = $1)))::int AS unread;
