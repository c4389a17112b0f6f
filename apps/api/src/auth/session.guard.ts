import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@dari/contracts';
import { PUBLIC_KEY, ROLES_KEY } from '../common/auth/decorators.js';
import { AppException } from '../common/errors/app-exception.js';
import type { DariReply, DariRequest } from '../common/http/request.js';
import { clearSessionCookie, sessionToken } from './session-cookie.js';
import { SessionsService } from './sessions.service.js';

/**
 * Deny by default: a route must be marked @Public() or name its roles with @Roles()/@AnyRole();
 * one that does neither is refused (and the route-guard test fails).
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const req = ctx.switchToHttp().getRequest<DariRequest>();
    const token = sessionToken(req);
    if (token) {
      const auth = await this.sessions.authenticate(token);
      if (auth) {
        req.auth = auth;
        (req.raw as { userId?: string }).userId = auth.userId; // for the request log line
      } else {
        clearSessionCookie(req, ctx.switchToHttp().getResponse<DariReply>());
      }
    }
    if (isPublic) return true;
    if (!roles || roles.length === 0) throw AppException.forbidden('This route states no roles.');
    if (!req.auth) throw AppException.unauthenticated();
    if (!roles.includes(req.auth.role)) throw AppException.forbidden();
    return true;
  }
}
