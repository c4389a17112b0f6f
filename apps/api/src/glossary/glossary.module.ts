import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/index.js';
import { NotificationsModule } from '../notifications/index.js';
import { GlossaryController } from './glossary.controller.js';
import { GlossaryService } from './glossary.service.js';
import { WordReviewsController } from './word-reviews.controller.js';

@Module({
  imports: [CoursesModule, NotificationsModule],
  controllers: [GlossaryController, WordReviewsController],
  providers: [GlossaryService],
  exports: [GlossaryService],
})
export class GlossaryModule {}
