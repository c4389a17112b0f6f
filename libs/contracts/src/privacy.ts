import { z } from 'zod';
import { PASSWORD_MAX } from './constants.js';
import { uuidSchema } from './common.js';

/** A signed-in device, as its owner sees it. */
export const sessionSchema = z.object({
  id: z.uuid(),
  userAgent: z.string().nullable(),
  sharedDevice: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
  lastSeenAt: z.iso.datetime({ offset: true }),
  current: z.boolean(),
});
export const sessionListSchema = z.object({ items: z.array(sessionSchema) });

export const eraseMeSchema = z.strictObject({
  password: z.string().min(1, { error: 'must not be empty' }).max(PASSWORD_MAX),
});

export const auditQuerySchema = z.strictObject({
  actorId: uuidSchema.optional(),
  targetUserId: uuidSchema.optional(),
  action: z
    .string()
    .trim()
    .max(60)
    .regex(/^[a-z_.]*$/, { error: 'must be an action name like login.failed' })
    .optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const auditEventSchema = z.object({
  id: z.uuid(),
  occurredAt: z.iso.datetime({ offset: true }),
  action: z.string(),
  actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  target: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export const auditPageSchema = z.object({
  items: z.array(auditEventSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

// The type of every schema above that has no type beside it.
export type Session = z.infer<typeof sessionSchema>;
export type SessionList = z.infer<typeof sessionListSchema>;
export type EraseMe = z.infer<typeof eraseMeSchema>;
export type AuditQuery = z.infer<typeof auditQuerySchema>;
export type AuditEvent = z.infer<typeof auditEventSchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;
/** POST /me/sessions/end-others: how many other devices were signed out. */
export const endedSessionsSchema = z.object({ ended: z.number().int().min(0) });
export type EndedSessions = z.infer<typeof endedSessionsSchema>;
