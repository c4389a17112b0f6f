import { Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import passport from 'passport';
import { loginSchema } from '@dari/contracts';
import { AppException } from '../common/errors/app-exception.js';
import type { DariRequest } from '../common/http/request.js';
import { fieldErrors, inputProblems } from '../common/validation/zod-validation.pipe.js';
import { DeviceCookiesService } from './device-cookies.service.js';
import { LocalStrategy } from './local.strategy.js';
import { LoginThrottleService, type LoginAttempt } from './login-throttle.service.js';
import { normaliseUsername } from './username.js';

const attempts = new WeakMap<object, LoginAttempt>();
export const loginAttemptOf = (req: object): LoginAttempt | undefined => attempts.get(req);

/**
 * Guards run before pipes, so the body is checked against its contract here: a missing field is a
 * 400, not a 401. Every attempt takes a place in the address's count (400s too) and in the account's,
 * before the password is checked; a success gives its places back, so failures are what add up.
 * A request carrying a valid device cookie (for any account) is counted per address apart from the
 * others, with a higher limit; one carrying the device cookie of the account it signs in to is
 * counted for that device alone, not in the account's lockout (docs/sign-in-limits.md).
 */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  constructor(
    private readonly throttle: LoginThrottleService,
    private readonly strategy: LocalStrategy,
    private readonly devices: DeviceCookiesService,
  ) {
    super();
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<DariRequest>();
    const known = await this.devices.knownDevices(req);
    const ipBucket = known.length ? 'login_ip_known' : 'login_ip';
    await this.throttle.hit(ipBucket, req.ip);
    const problems = inputProblems(req.body, 'body');
    if (problems.length) throw AppException.validation(problems);
    const parsed = loginSchema.safeParse(req.body);
    if (!parsed.success) throw AppException.validation(fieldErrors(parsed.error, 'body'));
    const username = normaliseUsername(parsed.data.username);
    const device = known.find((d) => d.username === username);
    const attempt: LoginAttempt = device
      ? { ipBucket, ip: req.ip, accountBucket: 'login_device', accountKey: `${device.userId}:${device.nonce}` }
      : { ipBucket, ip: req.ip, accountBucket: 'login_account', accountKey: username };
    await this.throttle.hit(attempt.accountBucket, attempt.accountKey);
    attempts.set(req, attempt);
    // Passport keeps strategies in one registry per process; re-register this app's own strategy
    // so that a second app instance in the same process (tests, tools) cannot answer for this one.
    passport.use('local', this.strategy);
    return (await super.canActivate(ctx)) as boolean;
  }

  override handleRequest<TUser>(err: unknown, user: TUser | false): TUser {
    if (err) throw err instanceof Error ? err : new Error('sign-in strategy failed');
    if (!user) throw new AppException(401, 'invalid_credentials', 'The username or password is not right.');
    return user;
  }
}
