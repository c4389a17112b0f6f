import { Module } from '@nestjs/common';
import { BundlesService } from '../bundles/bundles.service.js';
import { CatalogController } from '../catalog/catalog.controller.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { MediaController } from '../media/media.controller.js';
import { MediaService } from '../media/media.service.js';
import { AuthoringCoursesController } from './authoring-courses.controller.js';
import { AuthoringLessonsController } from './authoring-lessons.controller.js';
import { AuthoringService } from './authoring.service.js';
import { CourseAccessService } from './course-access.service.js';
import { CurriculumSeedService } from './curriculum-seed.service.js';
import { PublishingService } from './publishing.service.js';

/** Courses: authoring, publishing, media, bundles and the learners' catalogue. */
@Module({
  controllers: [AuthoringCoursesController, AuthoringLessonsController, MediaController, CatalogController],
  providers: [
    AuthoringService,
    CourseAccessService,
    PublishingService,
    MediaService,
    BundlesService,
    CatalogService,
    CurriculumSeedService,
  ],
  exports: [PublishingService, CurriculumSeedService, CourseAccessService],
})
export class CoursesModule {}
