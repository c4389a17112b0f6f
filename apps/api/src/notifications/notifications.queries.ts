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
