import type { Role } from '@dari/contracts';
import { paths } from '@/config/paths';

/** Where each role lands after signing in. */
export const ROLE_HOME: Record<Role, string> = {
  learner: paths.learn.home,
  instructor: paths.teach.home,
  manager: paths.program.home,
  admin: paths.admin.users,
};
