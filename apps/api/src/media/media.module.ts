import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/index.js';
import { AuthoringMediaController } from './authoring-media.controller.js';
import { MediaController } from './media.controller.js';
import { MediaService } from './media.service.js';

/** Media files: uploads to a course, and serving them to those who may see the course. */
@Module({
  imports: [CoursesModule],
  controllers: [AuthoringMediaController, MediaController],
  providers: [MediaService],
  exports: [MediaService],
})
export class MediaModule {}
