import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { DariRequest } from '../common/http/request.js';
import { SessionsService } from './sessions.service.js';

// Reads change no session; progress events never end one (the hot path keeps its single round trip).
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const NEVER_REVOKES = ['/api/v1/progress/events'];

/**
 * A write may end sessions in its own transaction anywhere (erasure, disabling, a password change):
 * PostgreSQL notifies every instance at commit, but the notice reaches this process a moment later.
 * So a write answers only once this process has heard every notice committed before (one marker
 * round trip, when the cache is on): the next request, here or on any instance, finds no session
 * that has ended still in memory.
 */
@Injectable()
export class SessionSettleInterceptor implements NestInterceptor {
  constructor(private readonly sessions: SessionsService) {}

  intercept(ctx: ExecutionContext, next: CallHandler<unknown>): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<DariRequest>();
    if (READS.has(req.method) || NEVER_REVOKES.some((p) => req.url.startsWith(p))) return next.handle();
    return from(
      (async () => {
        try {
          return await lastValueFrom(next.handle(), { defaultValue: undefined });
        } finally {
          await this.sessions.settle();
        }
      })(),
    );
  }
}
