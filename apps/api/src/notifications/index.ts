/** What other features may use of notifications: `NotificationsService.notify` (docs/learning-together.md). */
export { NotificationsModule } from './notifications.module.js';
export { NotificationsService } from './notifications.service.js';
export { notifyIn, type NewNotification } from './notify.js';
export { announcementHtml } from './announcement-html.js';
export { NotificationEntity } from './notifications.entities.js';
