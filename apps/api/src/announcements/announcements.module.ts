import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { CohortsModule } from '../cohorts/index.js';
import { CoursesModule } from '../courses/index.js';
import {
  CohortAnnouncementsController,
  CourseAnnouncementsController,
  MyAnnouncementsController,
} from './announcements.controller.js';
import { AnnouncementsService } from './announcements.service.js';

/** Announcements (docs/learning-together.md); learners read them in the inbox (notifications/) too. */
@Module({
  imports: [AuditModule, CohortsModule, CoursesModule],
  controllers: [CohortAnnouncementsController, CourseAnnouncementsController, MyAnnouncementsController],
  providers: [AnnouncementsService],
})
export class AnnouncementsModule {}
