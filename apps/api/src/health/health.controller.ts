import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Health } from '@dari/contracts';
import { Public } from '../common/auth/decorators.js';
import { RETRY_AFTER_SECONDS } from '../common/errors/unavailable.js';
import type { DariReply } from '../common/http/request.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ping } from './health.queries.js';

/** For load balancers and people: 200 when the database answers, 503 when it does not. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  async health(@Res({ passthrough: true }) reply: DariReply): Promise<Health> {
    let database: Health['database'] = 'ok';
    try {
      await ping(this.db);
    } catch {
      database = 'down';
      reply.status(503).header('retry-after', String(RETRY_AFTER_SECONDS));
    }
    return { status: database === 'ok' ? 'ok' : 'degraded', database, version: this.config.version };
  }
}
