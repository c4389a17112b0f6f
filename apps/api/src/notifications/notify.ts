import {
  notificationKind,
  notificationRefType,
  type NotificationKind,
  type NotificationRefType,
} from '@dari/contracts';
import type { Db } from '../database/sql.js';
import * as sql from './notifications.queries.js';

export interface NewNotification {
  kind: NotificationKind;
  ref: { type: NotificationRefType; id: string };
  /** Ids and short codes or numbers only: never text a learner wrote, never another person's name. */
  data?: Record<string, string | number>;
}

const MAX_DATA_KEYS = 8;
const MAX_DATA_STRING = 64;

/**
 * Tells each of `userIds` about `n`: one set-based INSERT…SELECT over unnest, on `db` (pass the
 * caller's transaction, so it commits or rolls back with the change it reports). Unknown or erased ids
 * are skipped; an id given twice gets one notification. Returns how many were written. For code
 * without the Nest container (access/completion.ts); services call NotificationsService.notify.
 */
export async function notifyIn(db: Db, userIds: string[], n: NewNotification): Promise<number> {
  notificationKind.parse(n.kind);
  notificationRefType.parse(n.ref.type);
  const data = n.data ?? {};
  const entries = Object.entries(data);
  // A programming error, not a user's: data is for ids and numbers the web fills into its sentence.
  if (
    entries.length > MAX_DATA_KEYS ||
    entries.some(([, v]) => (typeof v === 'string' ? v.length > MAX_DATA_STRING : !Number.isFinite(v)))
  )
    throw new Error('notification data holds ids, codes and numbers only');
  if (userIds.length === 0) return 0;
  return sql.notify(db, userIds, n.kind, n.ref.type, n.ref.id, data);
}
