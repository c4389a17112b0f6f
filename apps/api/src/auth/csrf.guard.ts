import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { CLIENT_HEADER } from '@dari/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AppException } from '../common/errors/app-exception.js';
import type { DariRequest } from '../common/http/request.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state-changing request must come from Dari's own origin: an `Origin` header, when present, must
 * be this server's (or DARI_PUBLIC_URL); without one, the app's own `x-dari-client` header must be
 * there (a cross-site form cannot set it). SameSite=Lax cookies are the second wall.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<DariRequest>();
    if (SAFE.has(req.method)) return true;
    const origin = req.headers.origin;
    if (req.headers['sec-fetch-site'] === 'cross-site') throw this.refuse();
    if (origin !== undefined) {
      const own = `${req.protocol}://${req.host}`;
      if (origin !== own && origin !== this.config.publicUrl) throw this.refuse();
      return true;
    }
    if (!req.headers[CLIENT_HEADER]) throw this.refuse();
    return true;
  }

  private refuse(): AppException {
    return new AppException(403, 'csrf_rejected', 'This request did not come from Dari itself, so it was refused.');
  }
}
