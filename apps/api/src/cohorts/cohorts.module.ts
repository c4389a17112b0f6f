import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { AuthModule } from '../auth/index.js';
import { UsersModule } from '../users/index.js';
import { CohortsController } from './cohorts.controller.js';
import { CohortsService } from './cohorts.service.js';

/** Cohorts: their members (added, found, renamed, imported from CSV) and their courses. */
@Module({
  imports: [AuditModule, AuthModule, UsersModule],
  controllers: [CohortsController],
  providers: [CohortsService],
  exports: [CohortsService],
})
export class CohortsModule {}
