import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Options } from 'pino-http';

/**
 * JSON logs with the request id and the user id, never usernames, names, passwords, tokens, cookies,
 * headers or query strings (an admin's search box holds names).
 */
export function pinoHttpOptions(level: string): Options {
  return {
    level,
    // Nothing (not {}) when there is no user yet: pino-http makes a child logger for any truthy value,
    // and at the request's start (before the session guard) that was an empty child on every request.
    customProps: (req: IncomingMessage & { userId?: string }) =>
      (req.userId ? { userId: req.userId } : undefined) as object,
    serializers: {
      req: (req: { id?: unknown; method?: string; url?: string }) => ({
        id: req.id,
        method: req.method,
        path: (req.url ?? '').split('?')[0],
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    redact: {
      paths: ['req.headers', 'res.headers', '*.password', '*.newPassword', '*.currentPassword', '*.token', '*.cookie'],
      censor: '[redacted]',
    },
    // A 503 is the expected "try again soon" of an outage or a restart, logged once as a warning where
    // it is decided (common/errors/unavailable.ts): per request it is an ordinary line, without the
    // stack pino-http would make up for it.
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
      err || (res.statusCode >= 500 && res.statusCode !== 503)
        ? 'error'
        : res.statusCode >= 400 && res.statusCode !== 503
          ? 'warn'
          : 'info',
    customErrorObject: (_req: IncomingMessage, res: ServerResponse, _err: Error, val: Record<string, unknown>) =>
      res.statusCode === 503 && !res.err ? { res: val.res, responseTime: val.responseTime } : val,
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/v1/health' },
  };
}
