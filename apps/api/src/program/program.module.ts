import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CoursesModule } from '../courses/courses.module.js';
import { CohortsService } from './cohorts.service.js';
import { CohortsController, JoinController, MyCohortsController, ReportsController } from './program.controller.js';
import { ReportsService } from './reports.service.js';

/** Program management: cohorts, join codes, bulk accounts, course assignment, reports. */
@Module({
  imports: [AuthModule, CoursesModule],
  controllers: [CohortsController, JoinController, MyCohortsController, ReportsController],
  providers: [CohortsService, ReportsService],
})
export class ProgramModule {}
