import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/index.js';
import { AdminUsersController } from './admin-users.controller.js';
import { MeController } from './me.controller.js';
import { UsersService } from './users.service.js';
import { UserOverviewService } from './user-overview.service.js';

@Module({
  imports: [AuthModule],
  controllers: [MeController, AdminUsersController],
  providers: [UsersService, UserOverviewService],
  exports: [UsersService],
})
export class UsersModule {}
