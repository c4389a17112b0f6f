import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.factory.js';
import { loadConfig } from '../src/config/app-config.js';
import {
  DariMetrics,
  metricsConfigFromEnv,
  renderRegistry,
  serveMetrics,
  type PoolStats,
} from '../src/metrics/index.js';
import { TestApp } from './test-app.js';
import { createTestDatabase } from './test-db.js';

/**
 * Prometheus metrics (issue 20): on a port of their own, behind a token when asked, labelled by route
 * pattern only — nothing a request carried (a slug, a certificate code) reaches a label.
 */
describe('metrics', () => {
  const token = 'a-metrics-token-for-tests';
  let db: { url: string; drop: () => Promise<void> };
  let app: NestFastifyApplication;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    const holder: { app?: NestFastifyApplication } = {};
    const metrics = new DariMetrics(
      () => holder.app && (holder.app.get(DataSource).driver as unknown as { master?: PoolStats }).master,
    );
    app = await createApp(loadConfig({ LOG_LEVEL: 'silent', DARI_WEB_DIST: '/nonexistent' }, db.url), { metrics });
    holder.app = app;
    server = await serveMetrics({ port: 0, host: '127.0.0.1', token }, renderRegistry(metrics.registry));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await app.close();
    await db.drop();
  });

  const scrape = (headers: Record<string, string> = { authorization: `Bearer ${token}` }, path = '/metrics') =>
    fetch(`${base}${path}`, { headers });

  it('counts answers by route pattern and status class, with durations, errors, the pool and the event loop', async () => {
    for (let i = 0; i < 3; i++)
      expect((await app.inject({ method: 'GET', url: '/api/v1/certificates/verify/QQQQ-WWWW-ZZZZ' })).statusCode).toBe(
        404,
      );
    expect((await app.inject({ method: 'GET', url: '/api/v1/courses/a-private-slug-xyz' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    const res = await scrape();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain(
      'dari_http_requests_total{method="GET",route="/api/v1/certificates/verify/:code",status="4xx"} 3',
    );
    expect(text).toContain('dari_http_requests_total{method="GET",route="/api/v1/courses/:slug",status="4xx"} 1');
    expect(text).toContain('dari_http_requests_total{method="GET",route="/api/v1/health",status="2xx"} 1');
    expect(text).toMatch(/dari_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/health"\} 1/);
    expect(text).toMatch(/^dari_db_pool_connections \d+$/m);
    expect(text).toMatch(/^dari_db_pool_waiting_requests 0$/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds /m);
    // What the requests carried is in no label.
    expect(text).not.toContain('QQQQ-WWWW-ZZZZ');
    expect(text).not.toContain('a-private-slug-xyz');
  });

  it('answers only GET /metrics, and only with the token', async () => {
    expect((await scrape({})).status).toBe(401);
    expect((await scrape({ authorization: `Bearer ${token}x` })).status).toBe(401);
    expect((await scrape(undefined, '/')).status).toBe(404);
  });

  it('with workers (node:cluster), the primary answers with the sum of theirs', () => {
    // The compiled module, as npm start runs it (test files are not what cluster workers execute).
    const compiled = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'metrics', 'metrics.js');
    const script = `
      import cluster from 'node:cluster';
      const m = await import(${JSON.stringify(compiled)});
      if (cluster.isPrimary) {
        const workers = [cluster.fork(), cluster.fork()];
        let ready = 0;
        cluster.on('message', async (w, msg) => {
          if (msg !== 'ready' || ++ready < 2) return;
          const out = await m.renderCluster()().catch((e) => ({ text: 'ERROR ' + e.message }));
          process.stdout.write(out.text);
          for (const w of workers) w.kill();
        });
      } else {
        new m.DariMetrics().shareWithPrimary();
        process.send('ready');
      }`;
    // A file, not `node -e`: cluster workers run the primary's script file again.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dari-metrics-cluster-'));
    const file = path.join(dir, 'cluster.mjs');
    writeFileSync(file, script);
    const r = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 30_000 });
    rmSync(dir, { recursive: true, force: true });
    expect(r.stdout, r.stderr).not.toContain('ERROR');
    // Summed over both workers: two processes' worth of file descriptors, heap spaces…
    expect(r.stdout).toMatch(/^nodejs_heap_size_total_bytes \d+$/m);
    expect(r.stdout).toMatch(/^process_cpu_user_seconds_total [\d.e+-]+$/m);
  });

  it('is off unless a port is set, and refuses an outside address without a token', () => {
    expect(metricsConfigFromEnv({})).toBeUndefined();
    expect(metricsConfigFromEnv({ DARI_METRICS_PORT: '9464' })).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(() => metricsConfigFromEnv({ DARI_METRICS_PORT: '9464', DARI_METRICS_HOST: '0.0.0.0' })).toThrow(
      /set DARI_METRICS_TOKEN/,
    );
    expect(() => metricsConfigFromEnv({ DARI_METRICS_PORT: 'x' })).toThrow(/port number/);
  });
});

/**
 * Progress events by outcome, and the in-process waiting lines: the session cache is the only one
 * (its entries, whether it hears revocations, and the writes waiting for their own notice).
 */
describe('metrics of progress events and the session cache', () => {
  const metrics = new DariMetrics();
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create({}, { metrics });
  });
  afterAll(() => t.close());
  const text = () => metrics.registry.metrics();

  it('counts each event once by outcome (stored, duplicate, refused) after its batch commits, with no id in a label', async () => {
    const before = await text();
    for (const outcome of ['stored', 'duplicate', 'refused'])
      expect(before).toContain(`dari_progress_events_total{outcome="${outcome}"} 0`);

    const author = await t.signedIn('instructor');
    const api = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
      t.request(method, `/api/v1${url}`, { cookie, body });
    const slug = `metrics-${Date.now().toString(36)}`;
    let c = (await api(author.cookie, 'POST', '/authoring/courses', { slug, title: { ko: '세기' } })).body;
    c = (await api(author.cookie, 'POST', `/authoring/courses/${c.id}/modules`, { title: { ko: '하나' } })).body;
    const lesson = (
      await api(author.cookie, 'POST', `/authoring/modules/${c.modules[0].id}/lessons`, {
        kind: 'reading',
        title: { ko: '읽기' },
      })
    ).body;
    expect(
      (
        await api(author.cookie, 'PATCH', `/authoring/lessons/${lesson.id}`, {
          revision: 0,
          content: { kind: 'reading', body: { ko: '본문' } },
        })
      ).status,
    ).toBe(200);
    expect((await api(author.cookie, 'POST', `/authoring/courses/${c.id}/publish`)).status).toBe(201);
    const learner = await t.signedIn('learner');
    expect((await api(learner.cookie, 'POST', `/courses/${slug}/enrol`, {})).status).toBe(200);

    const ev = (type: string, lessonId = lesson.id as string) => ({
      id: randomUUID(),
      lessonId,
      type,
      occurredAt: new Date().toISOString(),
    });
    const batch = [ev('viewed'), ev('completed'), ev('viewed', randomUUID())];
    const statuses = async () =>
      (
        (await api(learner.cookie, 'POST', '/progress/events', { events: batch })).body.results as { status: string }[]
      ).map((r) => r.status);
    expect(await statuses()).toEqual(['recorded', 'recorded', 'rejected']);
    // The phone sends it again (the answer was lost): two duplicates, the unknown lesson refused again.
    expect(await statuses()).toEqual(['duplicate', 'duplicate', 'rejected']);
    // A body the contract refuses is a 400 for the request: no event is counted.
    expect((await api(learner.cookie, 'POST', '/progress/events', { events: [{ id: 'x' }] })).status).toBe(400);

    const after = await text();
    expect(after).toContain('dari_progress_events_total{outcome="stored"} 2');
    expect(after).toContain('dari_progress_events_total{outcome="duplicate"} 2');
    expect(after).toContain('dari_progress_events_total{outcome="refused"} 2');
    for (const secret of [learner.id, learner.username, lesson.id as string, slug, batch[0].id])
      expect(after).not.toContain(secret);

    // The session cache: on (revocations heard), holding the sessions just used; no write waiting now.
    expect(after).toMatch(/^dari_session_cache_listening 1$/m);
    expect(Number(/^dari_session_cache_entries (\d+)$/m.exec(after)?.[1])).toBeGreaterThanOrEqual(2);
    expect(after).toMatch(/^dari_session_settle_waiting 0$/m);
  });
});
