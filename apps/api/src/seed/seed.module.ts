import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/index.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({ imports: [AuthModule], providers: [DemoSeedService], exports: [DemoSeedService] })
export class SeedModule {}
