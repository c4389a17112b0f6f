import Fastify, { type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../src/app.factory.js';
import { registerSecurityHeaders } from '../src/common/http/security-headers.js';

/**
 * The headers worked out once are the headers helmet sets when it runs on each request, as
 * @fastify/helmet ran it until 2026-12-08 (`helmet(options)(req.raw, reply.raw, done)` in onRequest):
 * the same names, values and order, on a route, a 404 and an error.
 */
describe('security headers computed once', () => {
  const apps: FastifyInstance[] = [];
  const build = (perRequest: boolean) => {
    const app = Fastify();
    if (perRequest) {
      app.addHook('onRequest', (req, reply, done) => {
        helmet(SECURITY_HEADERS)(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
      });
    } else {
      registerSecurityHeaders(app, SECURITY_HEADERS);
    }
    app.get('/ok', () => ({ ok: true }));
    app.post('/fails', () => {
      throw Object.assign(new Error('no'), { statusCode: 400 });
    });
    apps.push(app);
    return app;
  };
  let before: FastifyInstance;
  let after: FastifyInstance;
  beforeAll(async () => {
    before = build(true);
    after = build(false);
    await Promise.all([before.ready(), after.ready()]);
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
  });

  for (const [method, url] of [
    ['GET', '/ok'],
    ['GET', '/missing'],
    ['POST', '/fails'],
  ] as const) {
    it(`${method} ${url}`, async () => {
      const [a, b] = await Promise.all([before.inject({ method, url }), after.inject({ method, url })]);
      expect(b.statusCode).toBe(a.statusCode);
      const headers = (r: typeof a) =>
        r.raw.res.getHeaderNames().map((n) => [n, n === 'date' ? '' : String(r.raw.res.getHeader(n))]);
      expect(headers(b)).toEqual(headers(a));
      expect(String(b.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
      expect(b.headers['x-frame-options']).toBe('DENY');
    });
  }

  it('refuses options helmet refuses, at start', () => {
    expect(() => registerSecurityHeaders(Fastify(), { referrerPolicy: { policy: 'nonsense' as never } })).toThrow(
      /Referrer-Policy/,
    );
  });
});
