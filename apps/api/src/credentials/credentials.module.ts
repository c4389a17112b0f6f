import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/index.js';
import { CredentialsController } from './credentials.controller.js';
import { CredentialsService } from './credentials.service.js';

/** Open Badges 3.0 credentials of certificates (issue 19, docs/credentials.md). */
@Module({
  imports: [AuthModule],
  controllers: [CredentialsController],
  providers: [CredentialsService],
  exports: [CredentialsService],
})
export class CredentialsModule {}
