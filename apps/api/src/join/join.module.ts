import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { AuthModule } from '../auth/index.js';
import { CohortsModule } from '../cohorts/index.js';
import { UsersModule } from '../users/index.js';
import { JoinCodesController, JoinController, MyCohortsController } from './join.controller.js';
import { JoinService } from './join.service.js';

/** Join codes: made by a cohort's managers, used by new and existing learners. */
@Module({
  imports: [AuditModule, AuthModule, CohortsModule, UsersModule],
  controllers: [JoinCodesController, JoinController, MyCohortsController],
  providers: [JoinService],
})
export class JoinModule {}
