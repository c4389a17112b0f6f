import type { FastifyInstance } from 'fastify';
import { RETRY_AFTER_SECONDS, SHUTTING_DOWN_MESSAGE, UNAVAILABLE_CODE } from './unavailable.js';

/**
 * While the server drains after SIGTERM, a request that still arrives (pipelined, or on a keep-alive
 * connection that was busy when closing began) gets the usual error shape with its request id,
 * Retry-After and `connection: close` — not Fastify's own `{"error":"Service Unavailable"}`, which
 * `return503OnClosing: false` turns off. Requests already being handled finish normally.
 */
export function answerWhileDraining(fastify: FastifyInstance): void {
  let draining = false;
  fastify.addHook('preClose', (done) => {
    draining = true;
    done();
  });
  fastify.addHook('onRequest', (req, reply, done) => {
    if (!draining) {
      done();
      return;
    }
    void reply
      .code(503)
      .header('connection', 'close')
      .header('retry-after', String(RETRY_AFTER_SECONDS))
      .header('content-type', 'application/json; charset=utf-8')
      .header('cache-control', 'no-store')
      .send({
        status: 503,
        code: UNAVAILABLE_CODE,
        message: SHUTTING_DOWN_MESSAGE,
        retryAfter: RETRY_AFTER_SECONDS,
        requestId: req.id,
      });
  });
}
