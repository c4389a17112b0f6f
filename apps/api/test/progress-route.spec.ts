import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp, uniqueName, type Res } from './test-app.js';

/**
 * `POST /api/v1/progress/events` (issue 18's hottest route) answers its refusals exactly as every
 * other Nest route does: the session guard (401), the CSRF rule (403: no x-dari-client without an
 * Origin, a foreign Origin, a cross-site fetch), the contract (400 with readable field messages, the
 * input checks before the schema), one error body shape with the request id of the log line, the
 * security and cache headers, and one request log line naming the user. Pinned so that the route can
 * leave Nest's per-request chain (a plain Fastify route) without any of it changing.
 */
describe('the progress route: guard, CSRF, contract, error shape, log line', () => {
  let t: TestApp;
  let learner: { id: string; cookie: string };
  let lessonId: string;
  beforeAll(async () => {
    t = await TestApp.create();
    const author = await t.signedIn('instructor');
    const api = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
      t.request(method, `/api/v1${url}`, { cookie: author.cookie, body });
    const slug = uniqueName('route-').toLowerCase();
    let c = (await api('POST', '/authoring/courses', { slug, title: { ko: '배우기' } })).body;
    c = (await api('POST', `/authoring/courses/${c.id}/modules`, { title: { ko: '하나' } })).body;
    const l = (
      await api('POST', `/authoring/modules/${c.modules[0].id}/lessons`, { kind: 'reading', title: { ko: '읽기' } })
    ).body;
    lessonId = l.id;
    expect(
      (
        await api('PATCH', `/authoring/lessons/${l.id}`, {
          revision: 0,
          content: { kind: 'reading', body: { ko: '본문' } },
        })
      ).status,
    ).toBe(200);
    c = (await api('GET', `/authoring/courses/${c.id}`)).body;
    expect((await api('POST', `/authoring/courses/${c.id}/publish`)).status).toBe(201);
    learner = await t.signedIn('learner');
    expect(
      (await t.request('POST', `/api/v1/courses/${slug}/enrol`, { cookie: learner.cookie, body: {} })).status,
    ).toBe(200);
  });
  afterAll(() => t.close());

  const URL = '/api/v1/progress/events';
  const event = (extra: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    lessonId,
    type: 'time_spent',
    seconds: 5,
    occurredAt: new Date().toISOString(),
    ...extra,
  });
  /** The request's own log line (pino-http's, at the end of the request). */
  const logLine = (requestId: string) => {
    const lines = t.logs.lines
      .map((l) => JSON.parse(l) as { req?: { id?: string; method?: string; path?: string }; [k: string]: unknown })
      .filter((l) => l.req?.id === requestId && l.res);
    expect(lines).toHaveLength(1);
    return lines[0];
  };
  const expectError = (res: Res, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(Object.keys(res.body as object).sort()).toEqual(
      ['code', 'message', 'requestId', 'status', ...(status === 400 ? ['fields'] : [])].sort(),
    );
    expect(res.body).toMatchObject({ status, code });
    expect(typeof res.body.message).toBe('string');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
    return res.body as { requestId: string; message: string; fields?: { path: string; message: string }[] };
  };

  it('records an event: 200, the contract answer, the headers, one log line with the user', async () => {
    const e = event();
    const res = await t.request('POST', URL, { cookie: learner.cookie, body: { events: [e] } });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([{ id: e.id, status: 'recorded' }]);
    expect(res.body.enrolments).toHaveLength(1);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(String(res.headers['permissions-policy'])).toContain('camera=()');
    const again = await t.request('POST', URL, { cookie: learner.cookie, body: { events: [e] } });
    expect(again.body.results).toEqual([{ id: e.id, status: 'duplicate' }]);
    const lines = t.logs.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const mine = lines.filter((l) => (l.req as { path?: string } | undefined)?.path === URL && l.res);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    for (const l of mine.slice(-2)) {
      expect(l).toMatchObject({
        level: 30,
        userId: learner.id,
        req: { method: 'POST', path: URL },
        res: { statusCode: 200 },
      });
      expect(String(l.userId)).toBe(learner.id);
    }
  });

  it('without a session: 401, the error shape, a log line without a user', async () => {
    const body = expectError(await t.request('POST', URL, { body: { events: [event()] } }), 401, 'unauthenticated');
    const line = logLine(body.requestId);
    expect(line).toMatchObject({ level: 40, res: { statusCode: 401 } });
    expect(line).not.toHaveProperty('userId');
  });

  it('with a session that has ended: 401 and the cookie cleared', async () => {
    const res = await t.request('POST', URL, { cookie: 'not-a-session-token-at-all', body: { events: [event()] } });
    expectError(res, 401, 'unauthenticated');
    expect(String(res.rawCookie ?? res.headers['set-cookie'])).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
  });

  it('CSRF: no x-dari-client without an Origin, a foreign Origin, a cross-site fetch: 403 before the session', async () => {
    const noHeader = await t.app.inject({
      method: 'POST',
      url: URL,
      headers: { 'content-type': 'application/json', cookie: `dari_session=${learner.cookie}` },
      payload: JSON.stringify({ events: [event()] }),
    });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json()).toMatchObject({ status: 403, code: 'csrf_rejected' });
    const foreign = await t.request('POST', URL, {
      cookie: learner.cookie,
      headers: { origin: 'https://evil.example' },
      body: { events: [event()] },
    });
    expectError(foreign, 403, 'csrf_rejected');
    const crossSite = await t.request('POST', URL, {
      cookie: learner.cookie,
      headers: { 'sec-fetch-site': 'cross-site' },
      body: { events: [event()] },
    });
    expectError(crossSite, 403, 'csrf_rejected');
    // Unauthenticated and cross-site: CSRF answers first.
    expectError(
      await t.request('POST', URL, { headers: { origin: 'https://evil.example' }, body: {} }),
      403,
      'csrf_rejected',
    );
  });

  it('a body the contract refuses: 400 with readable field messages; the input checks first', async () => {
    const missing = expectError(
      await t.request('POST', URL, { cookie: learner.cookie, body: {} }),
      400,
      'validation_failed',
    );
    expect(missing.fields).toEqual([{ path: 'body.events', message: 'is required' }]);
    const unknown = expectError(
      await t.request('POST', URL, { cookie: learner.cookie, body: { events: [event()], extra: 1 } }),
      400,
      'validation_failed',
    );
    expect(unknown.fields).toEqual([{ path: 'body', message: 'unknown field: extra' }]);
    const badEvent = expectError(
      await t.request('POST', URL, { cookie: learner.cookie, body: { events: [event({ id: 'nope' })] } }),
      400,
      'validation_failed',
    );
    expect(badEvent.fields?.map((f) => f.path)).toEqual(['body.events.0.id']);
    const nul = expectError(
      await t.request('POST', URL, { cookie: learner.cookie, body: { events: [event({ type: 'time\u0000spent' })] } }),
      400,
      'validation_failed',
    );
    expect(nul.fields).toEqual([{ path: 'body.events.0.type', message: 'must not contain NUL characters' }]);
    const notJson = await t.request('POST', URL, { cookie: learner.cookie, payload: '{"events": [' });
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ status: 400 });
    expect(Object.keys(notJson.body as object).sort()).toEqual(['code', 'message', 'requestId', 'status']);
    const empty = expectError(
      await t.request('POST', URL, { cookie: learner.cookie, body: { events: [] } }),
      400,
      'validation_failed',
    );
    expect(empty.fields?.[0].path).toBe('body.events');
  });

  it('a refused event refuses only itself', async () => {
    const good = event();
    const stranger = event({ lessonId: randomUUID() });
    const res = await t.request('POST', URL, { cookie: learner.cookie, body: { events: [stranger, good] } });
    expect(res.status).toBe(200);
    expect(res.body.results[0]).toMatchObject({ id: stranger.id, status: 'rejected' });
    expect(res.body.results[1]).toEqual({ id: good.id, status: 'recorded' });
  });
});
