import type { Role } from '@dari/contracts';

/** Where each role lands after signing in. */
export const ROLE_HOME: Record<Role, string> = {
  learner: '/learn',
  instructor: '/teach',
  manager: '/program',
  admin: '/admin/users',
};
