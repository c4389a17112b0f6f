import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ROLES, type Role } from '@dari/contracts';
import { AppException } from '../errors/app-exception.js';
import type { AuthContext, DariRequest } from '../http/request.js';

export const PUBLIC_KEY = 'dari:public';
export const ROLES_KEY = 'dari:roles';

/** Anyone may call this route, signed in or not. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only signed-in people with one of these roles may call this route. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Any signed-in person. */
export const AnyRole = () => Roles(...ROLES);

/** The signed-in person's id, role and session. */
export const Auth = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext => {
  const auth = ctx.switchToHttp().getRequest<DariRequest>().auth;
  if (!auth) throw AppException.unauthenticated();
  return auth;
});

/** The request id, for audit events and logs. */
export const RequestId = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string => ctx.switchToHttp().getRequest<DariRequest>().id,
);
