import { SESSION_COOKIE } from '@dari/contracts';
import type { DariReply, DariRequest } from '../common/http/request.js';
import type { NewSession } from './sessions.service.js';

/**
 * The cookie's name: over TLS `__Host-dari_session`, which browsers accept only when Secure, on the
 * path /, and without a Domain — no subdomain or plain-HTTP page can plant or overwrite it.
 */
export const cookieName = (req: DariRequest) =>
  req.protocol === 'https' ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;

/** HttpOnly, SameSite=Lax, Secure whenever the request came over TLS (directly or, with DARI_TRUST_PROXY, through a proxy). */
export function setSessionCookie(req: DariRequest, reply: DariReply, session: NewSession): void {
  reply.setCookie(cookieName(req), session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    ...(session.maxAgeSeconds ? { maxAge: session.maxAgeSeconds } : {}),
  });
}

export function clearSessionCookie(req: DariRequest, reply: DariReply): void {
  reply.clearCookie(cookieName(req), { path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https' });
}

/** A request cookie; `req.cookies` is absent on a request that did not pass the cookie plugin. */
export const requestCookie = (req: DariRequest, name: string): string | undefined =>
  (req.cookies as DariRequest['cookies'] | undefined)?.[name];

export function sessionToken(req: DariRequest): string | undefined {
  return requestCookie(req, cookieName(req)) || undefined;
}
