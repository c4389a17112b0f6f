import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { AuthContext } from '../common/http/request.js';
import * as q from './auth.queries.js';
import { SessionCache } from './session-cache.js';

// How often the idle deadline of a session in use is pushed forward: one write a minute, not per request.
const TOUCH_AFTER_MS = 60_000;
// A session answered from memory for at most this long, and at most this many kept (docs/performance.md).
const CACHE_LIFETIME_MS = 30_000;
const CACHE_MAX_ENTRIES = 10_000;

export interface NewSession {
  token: string;
  sessionId: string;
  /** For the cookie: undefined = until the browser closes (shared phones). */
  maxAgeSeconds?: number;
}

/** Opaque random tokens; the database keeps only their SHA-256, so a stolen backup opens no session. */
@Injectable()
export class SessionsService implements OnModuleInit, OnModuleDestroy {
  /** Who is behind a token, from memory, revoked by PostgreSQL's notices (session-cache.ts). */
  readonly cache: SessionCache;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.cache = new SessionCache(config.databaseUrl, CACHE_LIFETIME_MS, CACHE_MAX_ENTRIES);
  }

  async onModuleInit(): Promise<void> {
    await this.cache.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.cache.stop();
  }

  static hashToken(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  async create(
    userId: string,
    sharedDevice: boolean,
    userAgent: string | undefined,
    manager: EntityManager = this.db.manager,
  ): Promise<NewSession> {
    const token = randomBytes(32).toString('base64url');
    const { idleMs, maxMs } = this.timeouts(sharedDevice);
    const now = Date.now();
    const sessionId = await q.createSession(manager, [
      userId,
      SessionsService.hashToken(token),
      sharedDevice,
      summariseUserAgent(userAgent),
      new Date(now + idleMs),
      new Date(now + maxMs),
    ]);
    // Tidy this person's expired sessions while we are here.
    await q.deleteExpiredSessions(manager, userId);
    return { token, sessionId, maxAgeSeconds: sharedDevice ? undefined : Math.floor(maxMs / 1000) };
  }

  /**
   * The person behind a token, or undefined when it is unknown, expired, or the account is disabled.
   * Answered from memory when this process looked it up in the last 30 s and has noted its use in the
   * last minute; otherwise from the database, noting the use (one write a minute at most).
   */
  async authenticate(token: string): Promise<AuthContext | undefined> {
    if (!token || token.length > 100) return undefined;
    const hash = SessionsService.hashToken(token);
    const now = Date.now();
    const hit = this.cache.get(hash);
    if (hit && now - hit.lastSeenAt <= TOUCH_AFTER_MS) return hit.auth;
    const generation = this.cache.mark();
    const row = await q.sessionOfToken(this.db, hash);
    if (!row) return undefined;
    let lastSeenAt = row.last_seen_at.getTime();
    let idleUntil = row.idle_expires_at.getTime();
    if (now - lastSeenAt > TOUCH_AFTER_MS) {
      const { idleMs } = this.timeouts(row.shared_device);
      await q.touchSession(this.db, row.id, idleMs / 1000);
      lastSeenAt = now;
      idleUntil = Math.min(row.expires_at.getTime(), now + idleMs);
    }
    const auth: AuthContext = { userId: row.user_id, role: row.role, sessionId: row.id };
    this.cache.set(
      hash,
      { auth, sharedDevice: row.shared_device, lastSeenAt, until: Math.min(idleUntil, row.expires_at.getTime()) },
      generation,
    );
    return auth;
  }

  async isSharedDevice(sessionId: string): Promise<boolean> {
    return q.sessionShared(this.db, sessionId);
  }

  /**
   * Ending sessions: forgotten here at once, and every instance is told by PostgreSQL at commit
   * (migration SessionRevocationNotify). Outside a caller's transaction the answer waits until this
   * instance has heard that notice, so the person's next request meets no instance still holding it.
   */
  async revoke(sessionId: string): Promise<void> {
    this.cache.forgetSession(sessionId);
    await q.deleteSession(this.db, sessionId);
    await this.settle();
  }

  async revokeByToken(token: string): Promise<void> {
    const hash = SessionsService.hashToken(token);
    this.cache.forget(hash);
    await q.deleteSessionByToken(this.db, hash);
    await this.settle();
  }

  /** Ends every session of a person, or every one but `keepSessionId`. */
  async revokeAll(userId: string, keepSessionId?: string, manager?: EntityManager): Promise<void> {
    this.cache.revokeUser(userId);
    await q.deleteSessionsOf(manager ?? this.db.manager, userId, keepSessionId ?? null);
    // In the caller's transaction the notice goes at its commit.
    if (!manager) await this.settle();
  }

  /** Resolves once this instance has heard every session notice committed before now (session-cache.ts). */
  settle(): Promise<void> {
    return this.cache.settle((marker) => q.sendSessionsMarker(this.db, marker));
  }

  private timeouts(sharedDevice: boolean) {
    const s = this.config.session;
    return sharedDevice ? { idleMs: s.sharedIdleMs, maxMs: s.sharedMaxMs } : { idleMs: s.idleMs, maxMs: s.maxMs };
  }
}

/** "Chrome on Android": enough for a person to recognise a device, no more. */
export function summariseUserAgent(ua: string | undefined): string | null {
  if (!ua) return null;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /SamsungBrowser/.test(ua)
      ? 'Samsung Internet'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /Chrome\//.test(ua)
          ? 'Chrome'
          : /Safari\//.test(ua)
            ? 'Safari'
            : 'Browser';
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : 'unknown system';
  return `${browser} on ${os}`;
}
