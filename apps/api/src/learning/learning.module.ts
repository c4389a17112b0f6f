import { Module } from '@nestjs/common';
import { CertificatesService } from './certificates.service.js';
import { LearningController } from './learning.controller.js';
import { LearningService } from './learning.service.js';
import { SnapshotCacheService } from './snapshot-cache.service.js';

@Module({
  controllers: [LearningController],
  providers: [LearningService, CertificatesService, SnapshotCacheService],
})
export class LearningModule {}
