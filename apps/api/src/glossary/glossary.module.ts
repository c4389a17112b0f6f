import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/courses.module.js';
import { GlossaryController } from './glossary.controller.js';
import { GlossaryService } from './glossary.service.js';

@Module({
  imports: [CoursesModule],
  controllers: [GlossaryController],
  providers: [GlossaryService],
  exports: [GlossaryService],
})
export class GlossaryModule {}
