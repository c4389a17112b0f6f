import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { LoginThrottleEntity } from '../auth/login-throttle.entity.js';
import { SessionEntity } from '../auth/session.entity.js';
import { ResetCodeEntity } from '../auth/reset-code.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** Every entity, listed by hand: no globs, so the build, vitest and the CLI see the same set. */
export const ENTITIES = [UserEntity, SessionEntity, ResetCodeEntity, LoginThrottleEntity, AuditEventEntity];
