import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/index.js';
import { MediaModule } from '../media/index.js';
import { BundlesController } from './bundles.controller.js';
import { BundlesService } from './bundles.service.js';
import { CurriculumSeedService } from './curriculum-seed.service.js';

/** Bundles: a course with its media as one .zip, out and in; the starter courses load through them. */
@Module({
  imports: [CoursesModule, MediaModule],
  controllers: [BundlesController],
  providers: [BundlesService, CurriculumSeedService],
  exports: [BundlesService, CurriculumSeedService],
})
export class BundlesModule {}
