import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/index.js';
import { CredentialsController } from './credentials.controller.js';
import { CredentialsService } from './credentials.service.js';
import { VcTestSuiteIssuer } from './vc-test-suite-issuer.js';

/** Open Badges 3.0 credentials of certificates (issue 19, docs/credentials.md). */
@Module({
  imports: [AuthModule],
  controllers: [CredentialsController],
  // VcTestSuiteIssuer adds a route only with DARI_VC_TEST_SUITE_ISSUER (development; docs/credentials.md).
  providers: [CredentialsService, VcTestSuiteIssuer],
  exports: [CredentialsService],
})
export class CredentialsModule {}
