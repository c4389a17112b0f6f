import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomInt } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { RESET_CODE_ALPHABET, type ResetCode } from '@dari/contracts';
import { AuditService } from '../audit/index.js';
import { AppException } from '../common/errors/app-exception.js';
import { PasswordService } from './password.service.js';
import { SessionsService } from './sessions.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { normaliseUsername } from './username.js';
import * as q from './auth.queries.js';

// Long enough to reach a learner at the next class; short enough that a lost slip soon stops working.
const CODE_TTL_MS = 7 * 86_400_000;

/**
 * One-time codes that let a person set a new password: 12 characters from a 30-letter alphabet
 * (~59 bits), stored as SHA-256, valid once for seven days. A new code replaces older unused ones.
 */
@Injectable()
export class ResetCodesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleService,
  ) {}

  static hash(code: string): string {
    return createHash('sha256').update(code).digest('hex');
  }

  async create(
    userId: string,
    actorId: string | null,
    requestId: string | null,
    manager?: EntityManager,
  ): Promise<ResetCode> {
    const run = async (m: EntityManager) => {
      const raw = Array.from({ length: 12 }, () => RESET_CODE_ALPHABET[randomInt(RESET_CODE_ALPHABET.length)]).join('');
      const expiresAt = new Date(Date.now() + CODE_TTL_MS);
      await q.retireResetCodes(m, userId);
      await q.insertResetCode(m, userId, ResetCodesService.hash(raw), actorId, expiresAt);
      await this.audit.record({ actorId, action: 'reset_code.created', targetUserId: userId, requestId }, m);
      return { code: `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`, expiresAt: expiresAt.toISOString() };
    };
    return manager ? run(manager) : this.db.transaction(run);
  }

  /** Sets the new password and ends every session. The code is consumed atomically: it works once, even under concurrent use. */
  async redeem(usernameInput: string, code: string, newPassword: string, ip: string, requestId: string): Promise<void> {
    const username = normaliseUsername(usernameInput);
    await this.throttle.hit('reset_ip', ip);
    await this.throttle.hit('reset_account', username);
    this.passwords.assertAcceptable(newPassword, username);
    const passwordHash = await this.passwords.hash(newPassword);
    await this.db.transaction(async (m) => {
      const userId = await q.useResetCode(m, ResetCodesService.hash(code), username);
      if (!userId) {
        throw new AppException(
          400,
          'invalid_reset_code',
          'This code is not valid: check the username and the code, or ask for a new code.',
          [{ path: 'body.code', message: 'is not valid for this username, or has expired or been used' }],
        );
      }
      await q.setPassword(m, userId, passwordHash);
      await this.sessions.revokeAll(userId, undefined, m);
      await this.audit.record({ actorId: userId, action: 'password.reset', targetUserId: userId, requestId }, m);
    });
    await this.throttle.forgive('reset_account', username);
    await this.throttle.forgive('reset_ip', ip);
  }
}
