import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Me } from '@dari/contracts';
import { AuditService } from '../audit/index.js';
import { AppException } from '../common/errors/app-exception.js';
import { toMe, type SignInAccount } from './account.js';
import { accountByUsername, noteSignIn } from './auth.queries.js';
import { LoginThrottleService, type LoginAttempt } from './login-throttle.service.js';
import { PasswordService } from './password.service.js';
import { SessionsService, type NewSession } from './sessions.service.js';
import { normaliseUsername } from './username.js';

export interface LoginContext {
  ip: string;
  requestId: string;
  userAgent?: string;
  sharedDevice: boolean;
  /** The session cookie the browser already had: rotated away at sign-in. */
  previousToken?: string;
  /** The counters the attempt was counted in (LoginGuard); without it, the account's and the address's. */
  attempt?: LoginAttempt;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The account for these credentials, or null. Unknown users and wrong passwords take the same
   * time and give the same answer; a disabled account is only told so when the password is right.
   */
  async verifyCredentials(usernameInput: string, password: string, requestId: string): Promise<SignInAccount | null> {
    const user = await accountByUsername(this.db, normaliseUsername(usernameInput));
    const ok = await this.passwords.verify(user?.passwordHash ?? null, password);
    if (!ok || !user) {
      await this.audit.record({ actorId: null, action: 'login.failed', targetUserId: user?.id ?? null, requestId });
      return null;
    }
    if (user.status !== 'active') {
      throw new AppException(
        403,
        'account_disabled',
        'This account has been disabled. Ask your program manager or an admin.',
      );
    }
    return user;
  }

  async completeLogin(user: SignInAccount, ctx: LoginContext): Promise<{ me: Me; session: NewSession }> {
    // A success gives back its places: the address's count (known devices or not) and the account's
    // (or, from the account's own device, that device's). A sign-in from the owner's device leaves the
    // account's lockout for other devices as it is: someone guessing there gets no fresh tries.
    const attempt = ctx.attempt ?? {
      ipBucket: 'login_ip',
      ip: ctx.ip,
      accountBucket: 'login_account',
      accountKey: user.username,
    };
    await this.throttle.forgive(attempt.accountBucket, attempt.accountKey);
    await this.throttle.forgive(attempt.ipBucket, attempt.ip);
    if (ctx.previousToken) await this.sessions.revokeByToken(ctx.previousToken);
    const session = await this.db.transaction(async (m) => {
      const created = await this.sessions.create(user.id, ctx.sharedDevice, ctx.userAgent, m);
      await noteSignIn(m, user.id, new Date());
      await this.audit.record(
        {
          actorId: user.id,
          action: 'login.succeeded',
          targetUserId: user.id,
          requestId: ctx.requestId,
          details: { sharedDevice: ctx.sharedDevice },
        },
        m,
      );
      return created;
    });
    return { me: toMe(user, ctx.sharedDevice), session };
  }

  async logout(userId: string, sessionId: string, requestId: string): Promise<void> {
    await this.sessions.revoke(sessionId);
    await this.audit.record({ actorId: userId, action: 'logout', targetUserId: userId, requestId });
  }

  async logoutEverywhere(userId: string, requestId: string): Promise<void> {
    await this.sessions.revokeAll(userId);
    await this.audit.record({ actorId: userId, action: 'logout.everywhere', targetUserId: userId, requestId });
  }
}
