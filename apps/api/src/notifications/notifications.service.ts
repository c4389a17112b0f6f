import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  notificationKind,
  notificationRefType,
  type NotificationKind,
  type NotificationRefType,
} from '@dari/contracts';
import * as sql from './notifications.queries.js';

export interface NewNotification {
  kind: NotificationKind;
  ref: { type: NotificationRefType; id: string };
  /** Ids and short codes or numbers only: never text a learner wrote, never another person's name. */
  data?: Record<string, string | number>;
}

const MAX_DATA_KEYS = 8;
const MAX_DATA_STRING = 64;

/** In-app notifications: what other features call to tell people something, and the inbox. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Tells each of `userIds` about `n`: one set-based INSERT…SELECT over unnest, inside the caller's
   * transaction when `manager` is given (so it commits or rolls back with the change it reports).
   * Unknown or erased ids are skipped; an id given twice gets one notification. Returns how many were written.
   */
  async notify(manager: EntityManager | null, userIds: string[], n: NewNotification): Promise<number> {
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
    return sql.notify(manager ?? this.db, userIds, n.kind, n.ref.type, n.ref.id, data);
  }
}
