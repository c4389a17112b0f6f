import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../common/time/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AppException } from '../common/errors/app-exception.js';
import * as q from './auth.queries.js';

/**
 * `verify_ip`: public certificate lookups per address; a lookup that finds a certificate is forgiven, so only misses add up.
 * `login_device`: sign-ins to one account from one device holding that account's device cookie (key: account and the
 * cookie's nonce), instead of `login_account`. `login_ip_known`: sign-ins from an address by requests carrying a valid
 * device cookie, instead of `login_ip`. docs/sign-in-limits.md.
 */
export type ThrottleBucket =
  | 'login_account'
  | 'login_device'
  | 'login_ip'
  | 'login_ip_known'
  | 'reset_account'
  | 'reset_ip'
  | 'join_ip'
  | 'verify_ip';

/** Buckets about one account (a success clears them); the others are about an address (a success gives its place back). */
/** Which counters a sign-in attempt was counted in: a success gives them back (AuthService.completeLogin). */
export interface LoginAttempt {
  ipBucket: Extract<ThrottleBucket, 'login_ip' | 'login_ip_known'>;
  ip: string;
  accountBucket: Extract<ThrottleBucket, 'login_account' | 'login_device'>;
  accountKey: string;
}

const PER_ACCOUNT = new Set<ThrottleBucket>(['login_account', 'login_device', 'reset_account']);

/**
 * Counts attempts per account and per address in fixed windows, in PostgreSQL (shared by every API
 * instance). The count is taken before the password is checked, in one atomic statement, so that
 * concurrent guesses cannot slip past the limit; a success gives its attempt back, so what stays
 * counted are failures. After the window the counts start again: there is no permanent lockout.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  limitFor(bucket: ThrottleBucket): number {
    const l = this.config.login;
    switch (bucket) {
      case 'verify_ip':
        return l.maxVerifyMissesPerIp;
      case 'login_device':
        return l.maxPerDevice;
      case 'login_ip_known':
        return l.maxPerIpKnownDevices;
      case 'login_account':
      case 'reset_account':
        return l.maxPerAccount;
      case 'login_ip':
      case 'reset_ip':
      case 'join_ip':
        return l.maxPerIp;
    }
  }

  /** Counts one attempt; throws 429 with the wait when the limit is passed. */
  async hit(bucket: ThrottleBucket, key: string): Promise<void> {
    const windowMs = this.config.login.windowMs;
    const now = this.clock.now();
    const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
    const failures = await q.countAttempt(this.db, bucket, this.keyHash(bucket, key), windowStart);
    if (Math.random() < 0.01) {
      await q.deleteOldAttempts(this.db, (2 * windowMs) / 1000);
    }
    if (failures > this.limitFor(bucket)) {
      const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now) / 1000));
      throw new AppException(
        429,
        'too_many_attempts',
        `Too many attempts. Try again in ${Math.ceil(retryAfter / 60)} minutes.`,
        undefined,
        retryAfter,
      );
    }
  }

  /** A success: the attempt does not count against the account, nor against the address. */
  async forgive(bucket: ThrottleBucket, key: string): Promise<void> {
    const windowMs = this.config.login.windowMs;
    const windowStart = new Date(Math.floor(this.clock.now() / windowMs) * windowMs);
    if (PER_ACCOUNT.has(bucket)) {
      await q.clearAttempts(this.db, bucket, this.keyHash(bucket, key));
    } else {
      await q.giveBackAttempt(this.db, bucket, this.keyHash(bucket, key), windowStart);
    }
  }

  // Hashed: neither the typed username (which may be a password typed in the wrong box) nor the address is stored.
  private keyHash(bucket: string, key: string): string {
    return createHash('sha256')
      .update(`${bucket}\u0000${key.normalize('NFC').toLowerCase()}`)
      .digest('hex');
  }
}
