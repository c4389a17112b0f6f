import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type InboxItem, type InboxPage, type InboxQuery } from '@dari/contracts';
import { AppException } from '../common/errors/app-exception.js';
import { announcementHtml } from './announcement-html.js';
import { notifyIn, type NewNotification } from './notify.js';
import * as sql from './notifications.queries.js';

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
    return notifyIn(manager ?? this.db, userIds, n);
  }

  // ---- the inbox: the person's own only ----

  async inbox(userId: string, query: InboxQuery): Promise<InboxPage> {
    const before = query.cursor ? { micros: query.cursor.split('_')[0], id: query.cursor.split('_')[1] } : null;
    const rows = await sql.inboxPage(this.db, userId, before, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const items: InboxItem[] = page.map((r) => ({
      id: r.id,
      kind: r.kind,
      ref: { type: r.ref_type, id: r.ref_id },
      data: r.data,
      createdAt: r.created_at.toISOString(),
      read: r.read,
      courseSlug: r.course_slug,
      // The inbox's h1 is the page's title: an announcement's own headings start at h2.
      html: r.text ? announcementHtml(r.text, 2) : null,
    }));
    return { items, next: rows.length > query.limit ? page[page.length - 1].cursor : null };
  }

  unreadCount(userId: string): Promise<number> {
    return sql.unreadCount(this.db, userId);
  }

  /** Marks one notification, or one announcement addressed to the person, read; 404 for anything else. */
  async markRead(userId: string, id: string): Promise<void> {
    if (await sql.markNotificationRead(this.db, userId, id)) return;
    if (await sql.markAnnouncementRead(this.db, userId, id)) return;
    throw AppException.notFound('notification');
  }

  markAllRead(userId: string): Promise<void> {
    return sql.markAllRead(this.db, userId);
  }
}
