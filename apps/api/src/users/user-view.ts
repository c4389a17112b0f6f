import type { UserSummary } from '@dari/contracts';
import type { UserEntity } from './user.entity.js';

/** How a person sees themselves: auth's view (sign-in answers it), the same for an account. */
export { toMe } from '../auth/index.js';

export function toSummary(user: UserEntity): UserSummary {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    status: user.status,
    locale: user.locale,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  };
}
