import { Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import passport from 'passport';
import { loginSchema } from '@dari/contracts';
import { AppException } from '../common/errors/app-exception.js';
import type { DariRequest } from '../common/http/request.js';
import { fieldErrors, inputProblems } from '../common/validation/zod-validation.pipe.js';
import { normaliseUsername } from '../users/username.js';
import { LocalStrategy } from './local.strategy.js';
import { LoginThrottleService } from './login-throttle.service.js';

/**
 * Guards run before pipes, so the body is checked against its contract here: a missing field is a
 * 400, not a 401. Every attempt counts against the address (400s too), and against the account.
 */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  constructor(
    private readonly throttle: LoginThrottleService,
    private readonly strategy: LocalStrategy,
  ) {
    super();
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<DariRequest>();
    await this.throttle.hit('login_ip', req.ip);
    const problems = inputProblems(req.body, 'body');
    if (problems.length) throw AppException.validation(problems);
    const parsed = loginSchema.safeParse(req.body);
    if (!parsed.success) throw AppException.validation(fieldErrors(parsed.error, 'body'));
    await this.throttle.hit('login_account', normaliseUsername(parsed.data.username));
    // Passport keeps strategies in one registry per process; re-register this app's own strategy
    // so that a second app instance in the same process (tests, tools) cannot answer for this one.
    passport.use('local', this.strategy);
    return (await super.canActivate(ctx)) as boolean;
  }

  override handleRequest<TUser>(err: unknown, user: TUser | false): TUser {
    if (err) throw err;
    if (!user) throw new AppException(401, 'invalid_credentials', 'The username or password is not right.');
    return user;
  }
}
