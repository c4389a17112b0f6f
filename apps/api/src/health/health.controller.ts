import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Health, Readiness } from '@dari/contracts';
import { Public } from '../common/auth/decorators.js';
import { RETRY_AFTER_SECONDS } from '../common/errors/unavailable.js';
import type { DariReply } from '../common/http/request.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { onDb, schemaState } from '../database/schema-state.js';
import { ping } from './health.queries.js';

/**
 * Liveness (`/health`): 200 when the database answers, 503 when it does not.
 * Readiness (`/health/ready`): 200 only when the database answers and its schema is the one this
 * build expects (every known migration run, none unknown); 503 otherwise. Neither names a migration
 * or any other detail: both are public.
 */
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

  @Get('ready')
  @Public()
  async ready(@Res({ passthrough: true }) reply: DariReply): Promise<Readiness> {
    let schema: Readiness['schema'];
    try {
      const state = await schemaState(onDb(this.db));
      schema = state.unknown.length ? 'ahead' : state.pending.length ? 'behind' : 'current';
    } catch {
      schema = 'unknown';
    }
    const database: Readiness['database'] = schema === 'unknown' ? 'down' : 'ok';
    const ready = schema === 'current';
    if (!ready) reply.status(503).header('retry-after', String(RETRY_AFTER_SECONDS));
    return { status: ready ? 'ready' : 'not_ready', database, schema, version: this.config.version };
  }
}
