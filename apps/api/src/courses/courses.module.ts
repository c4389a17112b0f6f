import { Module } from '@nestjs/common';
import { AuthoringCoursesController } from './authoring-courses.controller.js';
import { AuthoringLessonsController } from './authoring-lessons.controller.js';
import { AuthoringService } from './authoring.service.js';
import { CourseAccessService } from './course-access.service.js';
import { PublishingService } from './publishing.service.js';

/** Courses: authoring the draft, publishing versions, and who may read or edit a course. */
@Module({
  controllers: [AuthoringCoursesController, AuthoringLessonsController],
  providers: [AuthoringService, CourseAccessService, PublishingService],
  exports: [AuthoringService, CourseAccessService, PublishingService],
})
export class CoursesModule {}
