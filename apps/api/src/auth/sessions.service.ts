import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { AuthContext } from '../common/http/request.js';
import * as q from './auth.queries.js';

// How often the idle deadline of a session in use is pushed forward: one write a minute, not per request.
const TOUCH_AFTER_MS = 60_000;

export interface NewSession {
  token: string;
  sessionId: string;
  /** For the cookie: undefined = until the browser closes (shared phones). */
  maxAgeSeconds?: number;
}

/** Opaque random tokens; the database keeps only their SHA-256, so a stolen backup opens no session. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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

  /** The person behind a token, or undefined when it is unknown, expired, or the account is disabled. */
  async authenticate(token: string): Promise<AuthContext | undefined> {
    if (!token || token.length > 100) return undefined;
    const row = await q.sessionOfToken(this.db, SessionsService.hashToken(token));
    if (!row) return undefined;
    if (Date.now() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
      const { idleMs } = this.timeouts(row.shared_device);
      await q.touchSession(this.db, row.id, idleMs / 1000);
    }
    return { userId: row.user_id, role: row.role, sessionId: row.id };
  }

  async isSharedDevice(sessionId: string): Promise<boolean> {
    return q.sessionShared(this.db, sessionId);
  }

  async revoke(sessionId: string): Promise<void> {
    await q.deleteSession(this.db, sessionId);
  }

  async revokeByToken(token: string): Promise<void> {
    await q.deleteSessionByToken(this.db, SessionsService.hashToken(token));
  }

  /** Ends every session of a person, or every one but `keepSessionId`. */
  async revokeAll(userId: string, keepSessionId?: string, manager: EntityManager = this.db.manager): Promise<void> {
    await q.deleteSessionsOf(manager, userId, keepSessionId ?? null);
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
