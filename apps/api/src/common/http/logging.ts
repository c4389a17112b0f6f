import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Options } from 'pino-http';

/**
 * JSON logs with the request id and the user id, never usernames, names, passwords, tokens, cookies,
 * headers or query strings (an admin's search box holds names).
 */
export function pinoHttpOptions(level: string): Options {
  return {
    level,
    customProps: (req: IncomingMessage & { userId?: string }) => (req.userId ? { userId: req.userId } : {}),
    serializers: {
      req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, path: (req.url ?? '').split('?')[0] }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    redact: { paths: ['req.headers', 'res.headers', '*.password', '*.newPassword', '*.currentPassword', '*.token', '*.cookie'], censor: '[redacted]' },
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/v1/health' },
  };
}
