import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '@dari/contracts';

/** What the auth guard attaches to a request it has authenticated. */
export interface AuthContext {
  userId: string;
  role: Role;
  sessionId: string;
}

export type DariRequest = FastifyRequest & { auth?: AuthContext };
export type DariReply = FastifyReply;
