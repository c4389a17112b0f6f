import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '@dari/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { AuthContext } from '../common/http/request.js';
import { prepared } from '../database/prepared.js';

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
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO sessions (user_id, token_hash, shared_device, user_agent, last_seen_at, idle_expires_at, expires_at)
       VALUES ($1, $2, $3, $4, now(), $5, $6) RETURNING id`,
      [
        userId,
        SessionsService.hashToken(token),
        sharedDevice,
        summariseUserAgent(userAgent),
        new Date(now + idleMs),
        new Date(now + maxMs),
      ],
    );
    // Tidy this person's expired sessions while we are here.
    await manager.query(`DELETE FROM sessions WHERE user_id = $1 AND (expires_at < now() OR idle_expires_at < now())`, [
      userId,
    ]);
    return { token, sessionId: rows[0].id, maxAgeSeconds: sharedDevice ? undefined : Math.floor(maxMs / 1000) };
  }

  /** The person behind a token, or undefined when it is unknown, expired, or the account is disabled. */
  async authenticate(token: string): Promise<AuthContext | undefined> {
    if (!token || token.length > 100) return undefined;
    const rows = await prepared<{
      id: string;
      user_id: string;
      role: Role;
      shared_device: boolean;
      last_seen_at: Date;
      expires_at: Date;
    }>(
      this.db,
      'session_authenticate',
      `SELECT s.id, s.user_id, u.role, s.shared_device, s.last_seen_at, s.expires_at
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > now() AND s.idle_expires_at > now() AND u.status = 'active'`,
      [SessionsService.hashToken(token)],
    );
    const row = rows[0];
    if (!row) return undefined;
    if (Date.now() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
      const { idleMs } = this.timeouts(row.shared_device);
      await this.db.query(
        `UPDATE sessions SET last_seen_at = now(), idle_expires_at = least(expires_at, now() + make_interval(secs => $2)) WHERE id = $1`,
        [row.id, idleMs / 1000],
      );
    }
    return { userId: row.user_id, role: row.role, sessionId: row.id };
  }

  async isSharedDevice(sessionId: string): Promise<boolean> {
    const rows: { shared_device: boolean }[] = await this.db.query(`SELECT shared_device FROM sessions WHERE id = $1`, [
      sessionId,
    ]);
    return rows[0]?.shared_device ?? false;
  }

  async revoke(sessionId: string): Promise<void> {
    await this.db.query(`DELETE FROM sessions WHERE id = $1`, [sessionId]);
  }

  async revokeByToken(token: string): Promise<void> {
    await this.db.query(`DELETE FROM sessions WHERE token_hash = $1`, [SessionsService.hashToken(token)]);
  }

  /** Ends every session of a person, or every one but `keepSessionId`. */
  async revokeAll(userId: string, keepSessionId?: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(`DELETE FROM sessions WHERE user_id = $1 AND id IS DISTINCT FROM $2`, [
      userId,
      keepSessionId ?? null,
    ]);
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
