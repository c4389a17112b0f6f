// `npm start`: the database (embedded unless DATABASE_URL), migrations, demo accounts, the server.
//
// WEB_CONCURRENCY=N (N > 1) runs N API worker processes on this host (node:cluster, sharing the one
// port): this primary process opens the database, migrates and seeds once, then forks workers that
// only serve. A worker that dies is started again (with a growing pause if it keeps dying); SIGTERM
// lets every worker finish its requests in flight before the primary stops the embedded database.
//
// The embedded database is watched by the process that started it (this one, the primary): if the
// postmaster exits on its own it is started again after 0.5 s, 1 s, 2 s… and, after
// DARI_DB_RESTART_ATTEMPTS failures in a row, Dari stops and exits non-zero so a supervisor can act.
// Meanwhile API calls answer 503 with Retry-After (common/errors/unavailable.ts).
import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import cluster, { type Worker } from 'node:cluster';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createApp } from '../app.factory.js';
import { loadConfig, parseEnv, type AppConfig } from '../config/app-config.js';
import { runMigrations, withStartupLock } from '../database/migrate.js';
import type { EmbeddedPostgres } from '../database/embedded-postgres.js';
import type { Server } from 'node:http';
import { DataSource } from 'typeorm';
import {
  DariMetrics,
  metricsConfigFromEnv,
  renderCluster,
  renderRegistry,
  serveMetrics,
  type MetricsConfig,
  type PoolStats,
} from '../metrics/index.js';
import { CurriculumSeedService } from '../bundles/index.js';
import { GlossaryService } from '../glossary/index.js';
import { DEMO_ACCOUNTS, DemoSeedService } from '../seed/index.js';
import { openDatabase, say } from './database.js';

/** Seconds a worker has to finish its requests after SIGTERM before the primary kills it. */
const WORKER_STOP_MS = 25_000;
/** A worker that lived this long before dying is "healthy": its replacement starts after the shortest pause. */
const HEALTHY_LIFETIME_MS = 60_000;
const RESTART_MIN_MS = 500;
const RESTART_MAX_MS = 30_000;
/** Longest a single-process stop may take (requests in flight, then the database) before exiting anyway. */
const STOP_LIMIT_MS = 25_000;

/** DARI_DB_RESTART_ATTEMPTS: failed restarts of the embedded database in a row before giving up. */
export function restartAttempts(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 5;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 100)
    throw new Error(`DARI_DB_RESTART_ATTEMPTS must be a whole number from 1 to 100 (it is "${raw}")`);
  return n;
}

const gaveUpMessage = (e: Error) =>
  `${e.message}. Dari is stopping (exit code 1) so that whatever runs it can act; the data is on disk, and the next start recovers it.`;

const shownHost = (config: AppConfig) =>
  config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

/** Demo accounts, starter curriculum and glossary on a first start; once, even when several instances start together. */
async function seed(app: NestFastifyApplication, config: AppConfig, url: string): Promise<void> {
  await withStartupLock(url, async () => {
    if (config.demo) {
      const seeded = await app.get(DemoSeedService).run(config.demoPassword);
      if (seeded.created) {
        say('demo accounts created (DARI_DEMO=false creates none):');
        for (const a of DEMO_ACCOUNTS) say(`  ${a.username.padEnd(16)} ${a.role}`);
        say(
          seeded.generatedPassword
            ? `  password for all four: ${seeded.generatedPassword}   (shown only this once; set DARI_DEMO_PASSWORD to choose it)`
            : '  password: the value of DARI_DEMO_PASSWORD',
        );
      }
    }

    const courses = await app.get(CurriculumSeedService).run();
    if (courses.length) say(`starter curriculum loaded and published: ${courses.join(', ')}`);
    const terms = await app
      .get(GlossaryService)
      .seed()
      .catch((e: unknown) => {
        say(`the starter glossary was not loaded: ${e instanceof Error ? e.message : String(e)}`);
        return 0;
      });
    if (terms) say(`starter glossary loaded: ${terms} terms`);
  });
}

async function main(): Promise<void> {
  if (cluster.isWorker) return serveAsWorker();
  const started = Date.now();
  const workers = parseEnv().WEB_CONCURRENCY;
  const attempts = restartAttempts(process.env.DARI_DB_RESTART_ATTEMPTS);
  const metricsConfig = metricsConfigFromEnv(process.env);
  const { url, embedded } = await openDatabase({ reuseRunning: false });
  let stopping = false;
  const stopDatabase = async () => {
    if (embedded) await embedded.stop();
  };
  // What giving up on the database does: replaced once the server (or the workers) run.
  let onDatabaseLost = (e: Error) => {
    process.stderr.write(`[dari] ${gaveUpMessage(e)}\n`);
    void stopDatabase().finally(() => process.exit(1));
  };
  embedded?.superviseRestarts({ attempts, onGiveUp: (e) => onDatabaseLost(e) });
  try {
    const ran = await runMigrations(url);
    if (ran.length) say(`migrations run: ${ran.join(', ')}`);
    const config = loadConfig(process.env, url);
    const served: { app?: NestFastifyApplication } = {};
    const metrics = metricsConfig && workers <= 1 ? new DariMetrics(() => poolStats(served.app)) : undefined;
    const app = await createApp(config, { metrics });
    served.app = app;
    await seed(app, config, url);

    if (workers > 1) {
      // The primary only prepared the database: the workers serve.
      await app.close();
      const primary = runPrimary({ config, url, embedded, workers, started });
      onDatabaseLost = primary.databaseLost;
      // The primary answers for the sum of its workers' metrics.
      if (metricsConfig) await startMetrics(metricsConfig, renderCluster());
      return;
    }
    let metricsServer: Server | undefined;

    const shutdown = async (signal: string, exitCode = 0) => {
      if (stopping) {
        say(`${signal} again: exiting now`);
        process.exit(1);
      }
      stopping = true;
      say(`${signal}: finishing requests in flight, then stopping`);
      setTimeout(() => {
        process.stderr.write(`[dari] did not stop in ${STOP_LIMIT_MS / 1000} s: exiting now\n`);
        process.exit(1);
      }, STOP_LIMIT_MS).unref();
      try {
        metricsServer?.close();
        await app.close();
        await stopDatabase();
        say(exitCode === 0 ? 'stopped cleanly' : 'stopped');
        process.exit(exitCode);
      } catch (e) {
        process.stderr.write(`[dari] error while stopping: ${(e as Error).message}\n`);
        process.exit(1);
      }
    };
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('SIGINT', () => void shutdown('SIGINT'));
    onDatabaseLost = (e) => {
      process.stderr.write(`[dari] ${gaveUpMessage(e)}\n`);
      if (!stopping) void shutdown('database lost', 1);
    };

    await app.listen({ port: config.port, host: config.host });
    if (metricsConfig && metrics) metricsServer = await startMetrics(metricsConfig, renderRegistry(metrics.registry));
    say(
      `Dari is running at http://${shownHost(config)}:${config.port}  (ready in ${((Date.now() - started) / 1000).toFixed(1)} s; Ctrl-C stops it)`,
    );
  } catch (e) {
    await stopDatabase().catch(() => undefined);
    throw e;
  }
}

/** The cluster primary: forks the workers, starts again the ones that die, stops them all on SIGTERM/SIGINT. */
function runPrimary(o: {
  config: AppConfig;
  url: string;
  embedded?: EmbeddedPostgres;
  workers: number;
  started: number;
}): { databaseLost: (e: Error) => void } {
  // Workers run this compiled file directly (not scripts/start.mjs, which would check the build again).
  cluster.setupPrimary({ exec: fileURLToPath(import.meta.url), args: [] });
  // The database the primary opened (embedded or not) and the media folder it chose.
  const workerEnv = {
    DATABASE_URL: o.url,
    ...(process.env.DARI_MEDIA_DIR ? { DARI_MEDIA_DIR: process.env.DARI_MEDIA_DIR } : {}),
  };
  const live = new Set<Worker>();
  const bornAt = new Map<Worker, number>();
  const listening = new Set<Worker>();
  const restarts = new Set<NodeJS.Timeout>();
  let everReady = false;
  let failures = 0;
  let stopping = false;
  let cleanExit = true;
  let why = 'a worker did not stop cleanly';

  const fork = () => {
    const worker = cluster.fork(workerEnv);
    live.add(worker);
    bornAt.set(worker, Date.now());
    worker.once('listening', () => {
      listening.add(worker);
      if (!everReady && listening.size === o.workers) {
        everReady = true;
        say(
          `Dari is running at http://${shownHost(o.config)}:${o.config.port} with ${o.workers} workers  (ready in ${((Date.now() - o.started) / 1000).toFixed(1)} s; Ctrl-C stops it)`,
        );
      }
    });
  };

  const finish = async () => {
    for (const t of restarts) clearTimeout(t);
    try {
      if (o.embedded) await o.embedded.stop();
      say(cleanExit ? 'stopped cleanly' : `stopped (${why})`);
      process.exit(cleanExit ? 0 : 1);
    } catch (e) {
      process.stderr.write(`[dari] error while stopping: ${(e as Error).message}\n`);
      process.exit(1);
    }
  };

  const stopAll = (signal: string) => {
    if (stopping) {
      say(`${signal} again: exiting now`);
      for (const w of live) w.process.kill('SIGKILL');
      void o.embedded?.stop().finally(() => process.exit(1));
      return;
    }
    stopping = true;
    for (const t of restarts) clearTimeout(t);
    say(`${signal}: the workers finish requests in flight, then stop`);
    if (!live.size) return void finish();
    for (const w of live) w.process.kill('SIGTERM');
    setTimeout(() => {
      for (const w of live) {
        say(`worker ${w.process.pid} did not stop in ${WORKER_STOP_MS / 1000} s: killing it`);
        w.process.kill('SIGKILL');
      }
    }, WORKER_STOP_MS).unref();
  };

  cluster.on('exit', (worker, code, signal) => {
    live.delete(worker);
    const wasListening = listening.delete(worker);
    const lived = Date.now() - (bornAt.get(worker) ?? Date.now());
    bornAt.delete(worker);
    if (stopping) {
      // A worker still starting has no handler yet: SIGTERM ends it at once, which is fine.
      if (code !== 0 && signal !== 'SIGTERM') cleanExit = false;
      if (!live.size) void finish();
      return;
    }
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    if (!everReady && !wasListening) {
      // It never served: a configuration problem (port taken, database refused…) that restarting will not fix.
      say(`worker ${worker.process.pid} ${how} before it could serve; stopping`);
      cleanExit = false;
      stopAll('start-up failure');
      return;
    }
    failures = lived >= HEALTHY_LIFETIME_MS ? 1 : failures + 1;
    const pause = Math.min(RESTART_MAX_MS, RESTART_MIN_MS * 2 ** (failures - 1));
    say(`worker ${worker.process.pid} ${how}; starting another in ${(pause / 1000).toFixed(1)} s`);
    const t = setTimeout(() => {
      restarts.delete(t);
      if (!stopping) fork();
    }, pause);
    restarts.add(t);
  });

  process.on('SIGTERM', () => stopAll('SIGTERM'));
  process.on('SIGINT', () => stopAll('SIGINT'));
  for (let i = 0; i < o.workers; i++) fork();
  return {
    databaseLost: (e) => {
      process.stderr.write(`[dari] ${gaveUpMessage(e)}\n`);
      cleanExit = false;
      why = 'the database could not be started again';
      if (!stopping) stopAll('database lost');
    },
  };
}

/** A cluster worker: the database is ready (the primary migrated and seeded it); build the app and serve. */
async function serveAsWorker(): Promise<void> {
  const config = loadConfig(process.env);
  const served: { app?: NestFastifyApplication } = {};
  const metrics = metricsConfigFromEnv(process.env) ? new DariMetrics(() => poolStats(served.app)) : undefined;
  metrics?.shareWithPrimary();
  const app = await createApp(config, { metrics });
  served.app = app;
  if (process.env.DARI_TEST_WORKER_HEADER === 'true') {
    // Tests only (test/workers.spec.ts): which worker answered. Production answers never name a process.
    app
      .getHttpServer()
      .prependListener('request', (_req: unknown, res: ServerResponse) =>
        res.setHeader('x-dari-worker', String(process.pid)),
      );
  }
  let stopping = false;
  process.on('SIGTERM', () => {
    if (stopping) process.exit(1);
    stopping = true;
    app.close().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(
          `[dari] worker ${process.pid}: error while stopping: ${e instanceof Error ? e.message : String(e)}\n`,
        );
        process.exit(1);
      },
    );
  });
  // Ctrl-C reaches the whole process group: the primary decides, and sends SIGTERM.
  process.on('SIGINT', () => undefined);
  await app.listen({ port: config.port, host: config.host });
}

/** The pg pool behind the app's data source (TypeORM's driver keeps it as `master`). */
function poolStats(app: NestFastifyApplication | undefined): PoolStats | undefined {
  if (!app) return undefined;
  return (app.get(DataSource).driver as unknown as { master?: PoolStats }).master;
}

/** Prometheus metrics on their own port (docs/operations.md "Metrics and health"). */
async function startMetrics(
  config: MetricsConfig,
  render: () => Promise<{ text: string; contentType: string }>,
): Promise<Server> {
  const server = await serveMetrics(config, render);
  say(`metrics at http://${config.host}:${config.port}/metrics${config.token ? ' (bearer token required)' : ''}`);
  return server;
}

main().catch((e: unknown) => {
  process.stderr.write(`[dari] could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
