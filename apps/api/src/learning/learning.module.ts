import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/index.js';
import { CredentialsModule } from '../credentials/index.js';
import { CertificatesService } from './certificates.service.js';
import { LearningController } from './learning.controller.js';
import { LearningService } from './learning.service.js';
import { ResultsController } from './results.controller.js';
import { ResultsService } from './results.service.js';
import { SnapshotCacheService } from './snapshot-cache.service.js';

@Module({
  imports: [AuthModule, CredentialsModule],
  controllers: [LearningController, ResultsController],
  providers: [LearningService, CertificatesService, SnapshotCacheService, ResultsService],
})
export class LearningModule {}
