import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/index.js';
import { CertificatesService } from './certificates.service.js';
import { LearningController } from './learning.controller.js';
import { LearningService } from './learning.service.js';
import { SnapshotCacheService } from './snapshot-cache.service.js';

@Module({
  imports: [AuthModule],
  controllers: [LearningController],
  providers: [LearningService, CertificatesService, SnapshotCacheService],
})
export class LearningModule {}
