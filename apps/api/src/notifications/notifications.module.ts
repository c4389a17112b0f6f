import { Module } from '@nestjs/common';
import { NotificationsService } from './notifications.service.js';

/**
 * The inbox. Depends on no other feature, so any feature (learning, cohorts, glossary, announcements)
 * can import it to call `notify` without an import cycle.
 */
@Module({
  providers: [NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
