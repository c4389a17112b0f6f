import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { expect } from 'vitest';
import { SESSION_COOKIE, type Role } from '@dari/contracts';
import { createApp } from '../src/app.factory.js';
import { FakeClock } from '../src/common/time/clock.js';
import { loadConfig, type RawEnv } from '../src/config/app-config.js';
import type { DariMetrics } from '../src/metrics/index.js';
import { UsersService } from '../src/users/users.service.js';
import { freshLogger } from './fresh-logger.js';
import { createTestDatabase } from './test-db.js';

/** Collects every log line the app writes. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

export interface Res {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Record<string, string | string[] | number | undefined>;
  cookie?: string;
  rawCookie?: string;
}

export interface RequestOptions {
  body?: unknown;
  cookie?: string;
  headers?: Record<string, string>;
  /** Send a raw payload as is (malformed JSON tests). */
  payload?: string;
  /** The client's address as the server sees it (default 127.0.0.1; X-Forwarded-For counts only with DARI_TRUST_PROXY). */
  remoteAddress?: string;
}

export const TEST_PASSWORD = 'correct horse battery staple';

let counter = 0;
/** A unique username for this file's database. */
export const uniqueName = (prefix = 'user') => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

/**
 * The whole app on its own database, called in-process through Fastify's inject. Everything the
 * helpers create is remembered as a secret; `close()` fails the file if any of it reached the logs.
 */
export class TestApp {
  readonly secrets = new Set<string>();

  private constructor(
    readonly app: NestFastifyApplication,
    readonly logs: LogCapture,
    readonly dbUrl: string,
    private readonly dropDb: () => Promise<void>,
    /**
     * The time the throttles count by: it stands one second into a window (the real one when the app
     * was made) and moves only with `advance`, so a test that counts attempts up to a limit never
     * straddles a window's end, and one that needs the next window advances to it.
     */
    readonly clock: FakeClock,
  ) {}

  /** `metrics`: count into these Prometheus metrics (metrics.spec.ts). */
  static async create(env: RawEnv = {}, { metrics }: { metrics?: DariMetrics } = {}): Promise<TestApp> {
    const db = await createTestDatabase();
    const logs = new LogCapture();
    const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'dari-media-'));
    const config = loadConfig(
      { LOG_LEVEL: 'info', DARI_WEB_DIST: '/nonexistent', DARI_MEDIA_DIR: mediaDir, ...env },
      db.url,
    );
    const windowMs = config.login.windowMs;
    const clock = new FakeClock(Math.floor(Date.now() / windowMs) * windowMs + 1_000);
    await freshLogger(config.logLevel, logs);
    const app = await createApp(config, { logStream: logs, clock, metrics });
    return new TestApp(
      app,
      logs,
      db.url,
      async () => {
        await db.drop();
        rmSync(mediaDir, { recursive: true, force: true });
      },
      clock,
    );
  }

  get db(): DataSource {
    return this.app.get(DataSource);
  }

  async request(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    options: RequestOptions = {},
  ): Promise<Res> {
    const headers: Record<string, string> = { 'x-dari-client': 'web', ...(options.headers ?? {}) };
    // Both names: over TLS the server reads `__Host-dari_session`, otherwise `dari_session`.
    if (options.cookie)
      headers.cookie = `${SESSION_COOKIE}=${options.cookie}; __Host-${SESSION_COOKIE}=${options.cookie}`;
    if (options.body !== undefined || options.payload !== undefined) headers['content-type'] ??= 'application/json';
    const res = await this.app.inject({
      method,
      url,
      headers,
      remoteAddress: options.remoteAddress,
      payload: options.payload ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const setCookie = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith(`${SESSION_COOKIE}=`) || c.startsWith(`__Host-${SESSION_COOKIE}=`));
    const cookie = setCookie?.split(';')[0].replace(/^[^=]*=/, '') || undefined;
    if (cookie) this.secrets.add(cookie);
    let body: unknown = res.body;
    if (String(res.headers['content-type'] ?? '').includes('application/json') && res.body) body = JSON.parse(res.body);
    return { status: res.statusCode, body, headers: res.headers, cookie, rawCookie: setCookie };
  }

  /** Creates an account straight through the service (with a password) and returns its id. */
  async createUser(
    role: Role,
    options: { username?: string; password?: string; displayName?: string } = {},
  ): Promise<{ id: string; username: string; password: string }> {
    const username = options.username ?? uniqueName(role);
    const password = options.password ?? TEST_PASSWORD;
    const displayName = options.displayName ?? `이름 ${username}`;
    [username, password, displayName].forEach((s) => this.secrets.add(s));
    const created = await this.app
      .get(UsersService)
      .create({ username, displayName, role, locale: 'ko', password }, null);
    return { id: created.user.id, username, password };
  }

  async login(
    username: string,
    password = TEST_PASSWORD,
    extra: { sharedDevice?: boolean; headers?: Record<string, string> } = {},
  ): Promise<string> {
    const res = await this.request('POST', '/api/v1/auth/login', {
      body: { username, password, ...(extra.sharedDevice !== undefined ? { sharedDevice: extra.sharedDevice } : {}) },
      headers: extra.headers,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.cookie!;
  }

  /** A new user of that role, signed in: their id and session cookie. */
  async signedIn(role: Role): Promise<{ id: string; username: string; cookie: string }> {
    const u = await this.createUser(role);
    return { id: u.id, username: u.username, cookie: await this.login(u.username, u.password) };
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.dropDb();
    const text = this.logs.text;
    const leaked = [...this.secrets].filter((s) => s.length >= 6 && text.includes(s));
    expect(leaked, 'personal data or secrets in the logs').toEqual([]);
  }
}
