import type { FastifyInstance } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { AggregatorRegistry, Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics (issue 20), never on the public port: a port of their own
 * (DARI_METRICS_PORT, on 127.0.0.1 unless DARI_METRICS_HOST says otherwise; then DARI_METRICS_TOKEN is
 * required). Labels carry route *patterns* (`/api/v1/courses/:slug`), methods and status classes only:
 * no id, slug, code, name or user of any request.
 */
export interface MetricsConfig {
  port: number;
  host: string;
  token?: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** DARI_METRICS_PORT unset → no metrics. Refuses a non-loopback address without a token. */
export function metricsConfigFromEnv(env: Record<string, string | undefined>): MetricsConfig | undefined {
  const raw = env.DARI_METRICS_PORT?.trim();
  if (!raw) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`DARI_METRICS_PORT must be a port number (it is "${raw}")`);
  const host = env.DARI_METRICS_HOST?.trim() || '127.0.0.1';
  const token = env.DARI_METRICS_TOKEN || undefined;
  if (!LOOPBACK.has(host) && !token)
    throw new Error(
      `DARI_METRICS_HOST is ${host}, reachable from other machines: set DARI_METRICS_TOKEN too (Prometheus sends it as a bearer token)`,
    );
  if (token !== undefined && token.length < 16) throw new Error('DARI_METRICS_TOKEN must be at least 16 characters');
  return { port, host, token };
}

export interface PoolStats {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** What the session cache (auth/session-cache.ts) shows of itself. */
export interface SessionCacheStats {
  /** Sessions answered from memory now. */
  readonly size: number;
  /** Whether revocations are heard (else every request asks the database). */
  readonly active: boolean;
  /** Writes waiting to hear their revocation notice back before they answer. */
  readonly settling: number;
}

/** How the progress path reports what became of each event it was sent (after its transaction commits). */
export interface ProgressEventCounter {
  count(outcomes: { stored: number; duplicate: number; refused: number }): void;
}
/** The progress path's counter; a no-op unless metrics are on. */
export const PROGRESS_EVENT_COUNTER = Symbol('ProgressEventCounter');
export const noProgressEventCounter: ProgressEventCounter = { count: () => undefined };

/** One process's metrics. */
export class DariMetrics implements ProgressEventCounter {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'dari_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status class',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'dari_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'dari_http_errors_total',
    help: 'Answers with status 500 or more, by route pattern',
    labelNames: ['route'] as const,
    registers: [this.registry],
  });
  private readonly progressEvents = new Counter({
    name: 'dari_progress_events_total',
    help: 'Progress events received, by outcome: stored (new), duplicate (stored before: a retry), refused',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private sessionCache: SessionCacheStats | undefined;

  constructor(pool?: () => PoolStats | undefined) {
    // Every outcome from the start, so that a rate over it is defined before the first event.
    for (const outcome of ['stored', 'duplicate', 'refused']) this.progressEvents.inc({ outcome }, 0);
    // Process metrics: CPU, memory, heap, GC, and event-loop delay (nodejs_eventloop_lag_*).
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
    if (pool) {
      const read = (pick: (p: PoolStats) => number) =>
        function (this: Gauge) {
          const p = pool();
          if (p) this.set(pick(p));
        };
      new Gauge({
        name: 'dari_db_pool_connections',
        help: 'Database connections this process holds (in use or idle)',
        registers: [this.registry],
        collect: read((p) => p.totalCount),
      });
      new Gauge({
        name: 'dari_db_pool_idle_connections',
        help: 'Database connections open and idle',
        registers: [this.registry],
        collect: read((p) => p.idleCount),
      });
      new Gauge({
        name: 'dari_db_pool_waiting_requests',
        help: 'Queries waiting for a free database connection (the pool is exhausted while > 0)',
        registers: [this.registry],
        collect: read((p) => p.waitingCount),
      });
    }
    // In-process waiting lines and caches: the session cache is the only one (no write queue or batcher).
    const sessionGauge = (name: string, help: string, pick: (c: SessionCacheStats) => number) => {
      const gauge: Gauge = new Gauge({
        name,
        help,
        registers: [this.registry],
        collect: () => {
          if (this.sessionCache) gauge.set(pick(this.sessionCache));
        },
      });
    };
    sessionGauge('dari_session_cache_entries', 'Sessions answered from memory', (c) => c.size);
    sessionGauge(
      'dari_session_cache_listening',
      '1 while session revocations are heard (the cache is on); 0: every request asks the database',
      (c) => (c.active ? 1 : 0),
    );
    sessionGauge(
      'dari_session_settle_waiting',
      'Writes waiting to hear their own revocation notice back before they answer',
      (c) => c.settling,
    );
  }

  /** The session cache whose size and state the gauges show. */
  watchSessionCache(cache: SessionCacheStats): void {
    this.sessionCache = cache;
  }

  /** Counts progress events by outcome (no label says whose or which). */
  count({ stored, duplicate, refused }: { stored: number; duplicate: number; refused: number }): void {
    if (stored) this.progressEvents.inc({ outcome: 'stored' }, stored);
    if (duplicate) this.progressEvents.inc({ outcome: 'duplicate' }, duplicate);
    if (refused) this.progressEvents.inc({ outcome: 'refused' }, refused);
  }

  /** Counts every answer by its route *pattern* (Fastify's routeOptions.url), never the URL itself. */
  instrument(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', async (req, reply) => {
      const route = req.routeOptions.url ?? 'unmatched';
      const seconds = reply.elapsedTime / 1000;
      const status = `${Math.floor(reply.statusCode / 100)}xx`;
      this.requests.inc({ method: req.method, route, status });
      this.duration.observe({ method: req.method, route }, seconds);
      if (reply.statusCode >= 500) this.errors.inc({ route });
    });
  }

  /**
   * In a cluster worker: answer the primary's requests for metrics with this registry. prom-client
   * listens for those requests only once an AggregatorRegistry exists in the process.
   */
  shareWithPrimary(): void {
    this.listening = new AggregatorRegistry();
    AggregatorRegistry.setRegistries([this.registry]);
  }
  private listening: unknown;
}

/** The metrics port: GET /metrics (with the bearer token when one is set), nothing else. */
export function serveMetrics(
  config: MetricsConfig,
  render: () => Promise<{ text: string; contentType: string }>,
): Promise<http.Server> {
  const expected = config.token ? Buffer.from(`Bearer ${config.token}`) : undefined;
  const server = http.createServer((req, res) => {
    if (expected) {
      const given = Buffer.from(req.headers.authorization ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' }).end('token required\n');
        return;
      }
    }
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    render().then(
      ({ text, contentType }) => res.writeHead(200, { 'content-type': contentType }).end(text),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n'),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve(server));
  });
}

/** Renders one registry (a single process). */
export const renderRegistry = (registry: Registry) => async () => ({
  text: await registry.metrics(),
  contentType: registry.contentType,
});

/** Renders the sum of every cluster worker's metrics (in the primary). */
export function renderCluster(): () => Promise<{ text: string; contentType: string }> {
  const aggregator = new AggregatorRegistry();
  return async () => ({ text: await aggregator.clusterMetrics(), contentType: aggregator.contentType });
}
