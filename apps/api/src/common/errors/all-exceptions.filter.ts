import {
  Catch,
  HttpException,
  Logger,
  NotFoundException,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { ErrorBody, ErrorCode } from '@dari/contracts';
import { ZodSerializationException } from 'nestjs-zod';
import type { DariReply, DariRequest } from '../http/request.js';
import { isRetryable } from '../../database/retry.js';
import { AppException } from './app-exception.js';
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
  OutageLog,
  RETRY_AFTER_SECONDS,
  UNAVAILABLE_CODE,
} from './unavailable.js';

const BY_STATUS: Record<number, [ErrorCode, string]> = {
  400: ['validation_failed', 'The request is not valid.'],
  401: ['unauthenticated', 'Please sign in.'],
  403: ['forbidden', 'You are not allowed to do this.'],
  404: ['not_found', 'Nothing is here.'],
  405: ['method_not_allowed', 'This method is not allowed here.'],
  409: ['conflict', 'This conflicts with the current state.'],
  413: ['payload_too_large', 'The request is too large.'],
  415: ['unsupported_media_type', 'Send JSON with the header content-type: application/json.'],
  429: ['too_many_attempts', 'Too many requests. Wait a moment and try again.'],
  503: ['service_unavailable', 'Dari is not available right now. Try again soon.'],
};

// What Fastify's body parser throws, wrapped by Nest into an HttpException whose cause carries the code.
/** A status's code and message, when the table has one. */
const byStatus = (status: number): [ErrorCode, string] | undefined => BY_STATUS[status];

const FASTIFY: Partial<Record<string, [number, ErrorCode, string]>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json', 'The body is not valid JSON.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json', 'The body is empty but says it is JSON.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'The request is too large.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    415,
    'unsupported_media_type',
    'Send JSON with the header content-type: application/json.',
  ],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'validation_failed', 'The content-length does not match the body.'],
};

/**
 * One error shape for everything, with the request id; never a stack trace or SQL. Unknown errors
 * are logged with the id and answered 500. Also serves the web app's index.html for unknown GETs
 * outside /api, so client-side routes load on refresh.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');
  private readonly outage = new OutageLog((fields, message) => this.logger.warn(fields, message));

  constructor(private readonly indexHtml: string | undefined) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<DariRequest>();
    const reply = host.switchToHttp().getResponse<DariReply>();
    if (
      this.indexHtml &&
      exception instanceof NotFoundException &&
      !(exception instanceof AppException) &&
      (req.method === 'GET' || req.method === 'HEAD') &&
      !isApi(req.url)
    ) {
      void reply
        .status(200)
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(this.indexHtml);
      return;
    }
    const body = this.toBody(exception, req.id);
    if (body.code === UNAVAILABLE_CODE && isDatabaseUnavailable(exception))
      this.outage.failed(exception, body.requestId);
    else if (body.status >= 500) this.logger.error({ err: exception, requestId: body.requestId }, 'request failed');
    if (body.retryAfter) void reply.header('retry-after', String(body.retryAfter));
    if (isApi(req.url)) void reply.header('cache-control', 'no-store');
    void reply.status(body.status).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toBody(exception: unknown, requestId: string): ErrorBody {
    if (exception instanceof AppException) {
      return {
        status: exception.getStatus(),
        code: exception.code,
        message: exception.message,
        ...(exception.fields ? { fields: exception.fields } : {}),
        ...(exception.problems ? { problems: exception.problems } : {}),
        ...(exception.suggestedSlug ? { suggestedSlug: exception.suggestedSlug } : {}),
        ...(exception.retryAfter ? { retryAfter: exception.retryAfter } : {}),
        requestId,
      };
    }
    const fastifyCode = fastifyErrorCode(exception);
    const fastify = fastifyCode ? FASTIFY[fastifyCode] : undefined;
    if (fastify) {
      const [status, code, message] = fastify;
      return { status, code, message, requestId };
    }
    if (exception instanceof HttpException && !(exception instanceof ZodSerializationException)) {
      const status = exception.getStatus();
      const known = byStatus(status);
      if (known && status < 500) return { status, code: known[0], message: known[1], requestId };
      if (status === 503) return { status, code: 'service_unavailable', message: BY_STATUS[503][1], requestId };
    }
    // The database is down or restarting: try again soon (the web app keeps its queued events).
    if (isDatabaseUnavailable(exception)) {
      return {
        status: 503,
        code: UNAVAILABLE_CODE,
        message: DATABASE_UNAVAILABLE_MESSAGE,
        retryAfter: RETRY_AFTER_SECONDS,
        requestId,
      };
    }
    // Two requests changed the same rows at the same moment: the loser may simply try again.
    if (isRetryable(exception)) {
      return {
        status: 409,
        code: 'conflict',
        message: 'Someone changed this at the same moment. Try again.',
        requestId,
      };
    }
    // Fastify's own 4xx errors (bad headers, prototype poisoning…) are the client's mistake, not ours.
    const statusCode = (exception as { statusCode?: unknown } | null | undefined)?.statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      const [code, message] = BY_STATUS[statusCode] ?? BY_STATUS[400];
      return { status: statusCode, code, message, requestId };
    }
    return {
      status: 500,
      code: 'internal_error',
      message: `Something went wrong on our side. If it happens again, tell an admin this code: ${requestId}`,
      requestId,
    };
  }
}

function isApi(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

function fastifyErrorCode(e: unknown): string | undefined {
  const direct = (e as { code?: unknown } | null | undefined)?.code;
  if (typeof direct === 'string' && direct.startsWith('FST_')) return direct;
  const cause = (e as { cause?: { code?: unknown } | null } | null | undefined)?.cause?.code;
  if (typeof cause === 'string' && cause.startsWith('FST_')) return cause;
  return undefined;
}
