import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/index.js';
import { CredentialsModule } from '../credentials/index.js';
import { MyPrivacyController, StaffPrivacyController } from './privacy.controller.js';
import { MySessionsService } from './my-sessions.service.js';
import { PrivacyService } from './privacy.service.js';

@Module({
  imports: [AuthModule, CredentialsModule],
  controllers: [MyPrivacyController, StaffPrivacyController],
  providers: [PrivacyService, MySessionsService],
})
export class PrivacyModule {}
