import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's headers, worked out once. @fastify/helmet built a new helmet middleware (every directive
 * parsed again, ~2 % of a progress event's CPU) on each request; with no nonces and no per-route
 * options, every answer gets the same headers, so this runs helmet once against a recorder and sets
 * what it set, in the same order, on every request (the same onRequest point, static files and 404s
 * included). Helmet's own validation (a bad directive throws) still happens, at start. Options with a
 * function for a directive (a per-request value) would be frozen here: Dari has none.
 */
export function registerSecurityHeaders(fastify: FastifyInstance, options: HelmetOptions): void {
  // What helmet did to the response, in order: [name, value] set, or [name] removed (X-Powered-By).
  const ops: [string, string?][] = [];
  const recorder = {
    setHeader: (name: string, value: string) => void ops.push([name, value]),
    removeHeader: (name: string) => void ops.push([name]),
  };
  let failure: Error | undefined;
  helmet(options)({} as never, recorder as never, (err?: unknown) => {
    if (err) failure = err instanceof Error ? err : new Error('helmet refused its options');
  });
  if (failure) throw failure;
  fastify.addHook('onRequest', (_req, reply, done) => {
    const res = reply.raw;
    for (const [name, value] of ops) {
      if (value === undefined) res.removeHeader(name);
      else res.setHeader(name, value);
    }
    done();
  });
}
