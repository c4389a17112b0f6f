import type { Me, UserSummary } from '@dari/contracts';
import type { UserEntity } from './user.entity.js';

export function toMe(user: UserEntity, sharedDevice: boolean): Me {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    locale: user.locale,
    sharedDevice,
    createdAt: user.createdAt.toISOString(),
  };
}

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
