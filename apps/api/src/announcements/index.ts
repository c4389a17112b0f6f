/** What other features may use of announcements. */
export { AnnouncementsModule } from './announcements.module.js';
export { AnnouncementEntity, AnnouncementReadEntity, AnnouncementRecipientEntity } from './announcements.entities.js';
