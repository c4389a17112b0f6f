import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { DariReply, DariRequest } from '../common/http/request.js';
import * as q from './auth.queries.js';
import { requestCookie } from './session-cookie.js';

export const DEVICE_COOKIE = 'dari_device';
/** A family phone or a tablet may be "known" for a few accounts; the most recent ones are kept. */
export const MAX_DEVICE_ACCOUNTS = 5;
const SECRET_NAME = 'device_cookie';
// v1.<account id>.<nonce: 16 random bytes>.<issued: unix seconds, base 36>.<HMAC-SHA256>
const TOKEN =
  /^v1\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{22})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{43})$/;

/** A device cookie that checked out: this browser has signed in to this account before. */
export interface KnownDevice {
  userId: string;
  username: string;
  nonce: string;
}

interface Parsed {
  raw: string;
  userId: string;
  nonce: string;
  issued: string;
  mac: string;
}

/** Over TLS `__Host-dari_device` (Secure, Path=/, no Domain), like the session cookie; a plain-named one is not read there. */
export const deviceCookieName = (req: DariRequest) =>
  req.protocol === 'https' ? `__Host-${DEVICE_COOKIE}` : DEVICE_COOKIE;

/**
 * Device cookies (OWASP's "Slow Down Online Guessing Attacks with Device Cookies"): after a
 * successful sign-in the browser gets a long-lived cookie saying "this device has signed in to this
 * account". It is verified statelessly: an HMAC, with a server secret, over the account id, a random
 * nonce, the time it was issued and the account's current password hash. Nothing is stored per
 * device, so there is nothing about a person to export or erase; a password change or reset (new
 * hash), disabling or erasing the account (no longer active, no hash) makes the account's device
 * cookies worthless at once, and deleting the secret makes all of them worthless.
 */
@Injectable()
export class DeviceCookiesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The device cookies of this request that are genuine, current, and for an active account whose password has not changed since. */
  async knownDevices(req: DariRequest): Promise<KnownDevice[]> {
    const candidates = this.parse(req).filter((t) => this.fresh(t.issued));
    if (!candidates.length) return [];
    const rows = await q.deviceAccounts(this.db, [...new Set(candidates.map((t) => t.userId))]);
    const key = await this.key();
    const known: KnownDevice[] = [];
    for (const t of candidates) {
      const row = rows.find((r) => r.id === t.userId);
      if (!row) continue;
      const expected = Buffer.from(this.mac(key, t.userId, t.nonce, t.issued, row.password_hash), 'base64url');
      const given = Buffer.from(t.mac, 'base64url');
      if (given.length === expected.length && timingSafeEqual(given, expected))
        known.push({ userId: row.id, username: row.username, nonce: t.nonce });
    }
    return known;
  }

  /**
   * After a successful sign-in: a fresh token for this account, first in the cookie, beside the
   * (unchecked, well-formed) tokens this browser holds for up to four other accounts.
   */
  async remember(req: DariRequest, reply: DariReply, user: { id: string; passwordHash: string | null }): Promise<void> {
    if (!user.passwordHash) return;
    const nonce = randomBytes(16).toString('base64url');
    const issued = Math.floor(Date.now() / 1000).toString(36);
    const token = `v1.${user.id}.${nonce}.${issued}.${this.mac(await this.key(), user.id, nonce, issued, user.passwordHash)}`;
    const others = this.parse(req)
      .filter((t) => t.userId !== user.id && this.fresh(t.issued))
      .map((t) => t.raw)
      .slice(0, MAX_DEVICE_ACCOUNTS - 1);
    reply.setCookie(deviceCookieName(req), [token, ...others].join('~'), {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: req.protocol === 'https',
      maxAge: Math.floor(this.config.login.deviceCookieMaxAgeMs / 1000),
    });
  }

  private parse(req: DariRequest): Parsed[] {
    const value = requestCookie(req, deviceCookieName(req));
    if (!value || value.length > 1000) return [];
    return value
      .split('~')
      .slice(0, MAX_DEVICE_ACCOUNTS)
      .flatMap((raw) => {
        const m = TOKEN.exec(raw);
        return m ? [{ raw, userId: m[1], nonce: m[2], issued: m[3], mac: m[4] }] : [];
      });
  }

  /** Issued no longer ago than the cookie lives (and not in the future, give or take a few minutes of clock skew). */
  private fresh(issued: string): boolean {
    const ms = parseInt(issued, 36) * 1000;
    return (
      Number.isFinite(ms) && ms <= Date.now() + 300_000 && Date.now() - ms < this.config.login.deviceCookieMaxAgeMs
    );
  }

  private mac(key: Buffer, userId: string, nonce: string, issued: string, passwordHash: string): string {
    return createHmac('sha256', key)
      .update(`dari-device-v1\u0000${userId}\u0000${nonce}\u0000${issued}\u0000${passwordHash}`)
      .digest('base64url');
  }

  /**
   * The signing secret: made at random by whichever instance needs it first, then shared through the
   * database. Read on each use (one primary-key read), so that deleting it takes effect everywhere at once.
   */
  private async key(): Promise<Buffer> {
    const read = () => q.appSecret(this.db, SECRET_NAME);
    let value = await read();
    if (!value) {
      await q.offerAppSecret(this.db, SECRET_NAME, randomBytes(32).toString('base64url'));
      value = await read();
    }
    return Buffer.from(value, 'base64url');
  }
}
