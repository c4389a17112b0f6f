/** What other features may use of notifications: `NotificationsService.notify` (docs/learning-together.md). */
export { NotificationsModule } from './notifications.module.js';
export { NotificationsService, type NewNotification } from './notifications.service.js';
export { NotificationEntity } from './notifications.entities.js';
