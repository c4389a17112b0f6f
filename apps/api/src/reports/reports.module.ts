import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { CohortsModule } from '../cohorts/index.js';
import { CoursesModule } from '../courses/index.js';
import { ChartsController } from './charts.controller.js';
import { ChartsService } from './charts.service.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

/**
 * Reports, and the counters they read: the counter tables are this module's (reports.entities.ts),
 * kept by database triggers (docs/database.md, "Counters").
 */
@Module({
  imports: [AuditModule, CohortsModule, CoursesModule],
  controllers: [ReportsController, ChartsController],
  providers: [ReportsService, ChartsService],
})
export class ReportsModule {}
