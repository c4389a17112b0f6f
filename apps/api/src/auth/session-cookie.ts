import { SESSION_COOKIE } from '@dari/contracts';
import type { DariReply, DariRequest } from '../common/http/request.js';
import type { NewSession } from './sessions.service.js';

/** HttpOnly, SameSite=Lax, Secure whenever the request came over TLS (directly or, with DARI_TRUST_PROXY, through a proxy). */
export function setSessionCookie(req: DariRequest, reply: DariReply, session: NewSession): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    ...(session.maxAgeSeconds ? { maxAge: session.maxAgeSeconds } : {}),
  });
}

export function clearSessionCookie(req: DariRequest, reply: DariReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https' });
}

export function sessionToken(req: DariRequest): string | undefined {
  return req.cookies?.[SESSION_COOKIE] || undefined;
}
