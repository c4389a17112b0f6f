import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { AuthModule } from '../auth/index.js';
import { NotificationsModule } from '../notifications/index.js';
import { UsersModule } from '../users/index.js';
import { CohortsController } from './cohorts.controller.js';
import { CohortsService } from './cohorts.service.js';
import { CohortDueController, MyTodoController } from './due.controller.js';
import { DueService } from './due.service.js';

/** Cohorts: their members (added, found, renamed, imported from CSV), their courses and sessions, and what's due. */
@Module({
  imports: [AuditModule, AuthModule, UsersModule, NotificationsModule],
  controllers: [CohortsController, CohortDueController, MyTodoController],
  providers: [CohortsService, DueService],
  exports: [CohortsService],
})
export class CohortsModule {}
