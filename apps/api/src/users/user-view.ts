import type { UserSummary } from '@dari/contracts';
import type { UserEntity } from './user.entity.js';

/** How a person sees themselves: auth's view (sign-in answers it), the same for an account. */
export { toMe } from '../auth/index.js';

/** An account as the admin's pages list it: from the entity or from a row named like it. */
export function toSummary(
  user: Pick<
    UserEntity,
    'id' | 'username' | 'displayName' | 'role' | 'status' | 'locale' | 'createdAt' | 'lastLoginAt'
  >,
): UserSummary {
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
